using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Analytics;

public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/analytics").RequireAuthorization(Policies.Admin).WithTags("Admin");
        api.MapGet("/", Get);
        api.MapGet("/outcomes", Outcomes);
        api.MapGet("/suggestions", Suggestions);
        api.MapGet("/{chart}.csv", Csv).Produces(200, contentType: "text/csv");
        return app;
    }

    /// <remarks><c>spaceId</c>: the figures of one space's members (the segment filter offers spaces).</remarks>
    static async Task<ApiResult<Ok<AnalyticsDto>, Problem.Invalid>> Get(string? from, string? to, string? kind, string? department, long? spaceId, AnalyticsService analytics,
        CancellationToken ct) =>
        (await analytics.GetAsync(new AnalyticsQuery(from, to, kind, department, spaceId), ct)).ToHttpResult();

    /// <remarks>
    /// The outcome report: totals per kind and month, value (entered and configured per kind), attribution per source,
    /// departments (groups of fewer than 5 people folded together), the period's most valuable outcomes. A segment
    /// (<c>kind</c>, <c>department</c>, <c>spaceId</c>) of fewer than 5 members is refused (400).
    /// </remarks>
    static async Task<ApiResult<Ok<OutcomeReportDto>, Problem.Invalid>> Outcomes(string? from, string? to, string? kind, string? department, long? spaceId,
        AnalyticsService analytics, CancellationToken ct) =>
        (await analytics.OutcomeReportAsync(new AnalyticsQuery(from, to, kind, department, spaceId), ct)).ToHttpResult();

    /// <remarks>
    /// People worth meeting: suggestions made in the period, the share followed up within 30 days by a message, a consultation
    /// request or a card exchange between the two, the feedback, and the follow-up per signal (no rate below 5 suggestions).
    /// </remarks>
    static async Task<ApiResult<Ok<SuggestionReportDto>, Problem.Invalid>> Suggestions(string? from, string? to, string? kind, string? department, long? spaceId,
        AnalyticsService analytics, CancellationToken ct) =>
        (await analytics.SuggestionReportAsync(new AnalyticsQuery(from, to, kind, department, spaceId), ct)).ToHttpResult();

    /// <summary>One chart as CSV (UTF-8 with BOM), column names in the request's language.</summary>
    static async Task<ApiResult<FileContentHttpResult, Problem.Invalid, Problem.NotFound>> Csv(string chart, string? from, string? to, string? kind, string? department,
        long? spaceId, AnalyticsService analytics, IStringLocalizer<AnalyticsTexts> A, CancellationToken ct)
    {
        var result = await analytics.GetAsync(new AnalyticsQuery(from, to, kind, department, spaceId), ct);
        if (!result.IsOk) return ApiProblem.Of(result);
        var data = result.Value!.Chart(chart);
        if (data is null) return ApiProblem.NotFound();
        var bytes = ChartCsv.Write(data, A["Csv.Label." + chart], s => A["Series." + s], AnalyticsView.Label(A));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"{chart}-{result.Value.From}-{result.Value.To}.csv");
    }
}

/// <summary>Marker for the analytics strings (AnalyticsTexts.resx, AnalyticsTexts.ja.resx).</summary>
public sealed class AnalyticsTexts;
