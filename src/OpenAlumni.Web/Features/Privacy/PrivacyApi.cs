using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Privacy;

public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/privacy/policy", Policy).AllowAnonymous().WithTags("Privacy").Produces<PolicyDto>().ProducesProblem(404);

        var admin = app.MapGroup("/api/v1/admin/privacy/policy").RequireAuthorization(Policies.Admin).WithTags("Admin");
        admin.MapGet("/", Versions);
        admin.MapPost("/", SavePolicy);

        // Applicants waiting for approval have data here too: any membership may see, export and erase its own.
        var me = app.MapGroup("/api/v1/me").RequireAuthorization(Policies.Registered).WithTags("Privacy");
        me.MapGet("/consents", MyConsents);
        me.MapPut("/consents", SetConsents);
        me.MapGet("/export", Export).Produces(200, contentType: "application/json").Produces(200, contentType: "application/zip");
        me.MapDelete("/", DeleteMe);
        return app;
    }

    static async Task<IResult> Policy(string? lang, int? version, PrivacyService privacy, CancellationToken ct) =>
        await privacy.CurrentPolicyAsync(PrivacyService.CultureOf(lang), version, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    static async Task<ApiResult<Ok<IReadOnlyList<PolicyVersionDto>>>> Versions(PrivacyService privacy, CancellationToken ct) =>
        (await privacy.VersionsAsync(ct)).ToHttpResult();

    static async Task<ApiResult<Created<PolicyVersionDto>, Problem.Invalid>> SavePolicy(SavePolicyRequest request, PrivacyService privacy, CancellationToken ct) =>
        (await privacy.SavePolicyAsync(request, ct)).ToHttpResult(v => TypedResults.Created("/api/v1/privacy/policy?version=" + v.Version, v));

    static async Task<Ok<ConsentsDto>> MyConsents(PrivacyService privacy, CancellationToken ct) => TypedResults.Ok(await privacy.MyConsentsAsync(ct));

    static async Task<ApiResult<Ok<ConsentsDto>, Problem.Invalid>> SetConsents(SetConsentsRequest request, PrivacyService privacy, CancellationToken ct) =>
        (await privacy.SetMyConsentsAsync(request, ct)).ToHttpResult();

    /// <summary>JSON by default; format=zip adds my files (photo, post images) next to data.json.</summary>
    static async Task<IResult> Export(string? format, MyDataService data, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (string.Equals(format, "zip", StringComparison.OrdinalIgnoreCase))
        {
            var (zip, name) = await data.ExportAsync(ct);
            return TypedResults.File(zip, "application/zip", name);
        }
        return TypedResults.Json(await data.ExportJsonAsync(ct));
    }

    static async Task<ApiResult<Ok<DeleteMeDto>, Problem.Invalid, Problem.Conflict>> DeleteMe(string? posts, MyDataService data, CancellationToken ct) =>
        (await data.DeleteMeAsync(new DeleteMeRequest(posts), ct)).ToHttpResult();
}
