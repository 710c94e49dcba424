using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Suggestions;

public static class SuggestionsApi
{
    public static IEndpointRouteBuilder MapSuggestionsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me/suggestions").RequireAuthorization(Policies.Member).WithTags("Suggestions")
            .AddEndpointFilter(TenantFeatures.Require(TenantFeature.Suggestions));
        me.MapGet("/", Mine);
        me.MapPost("/{memberId:long}/feedback", Feedback);

        var admin = app.MapGroup("/api/v1/admin/suggestions").RequireAuthorization(Policies.Admin).WithTags("Admin");
        admin.MapGet("/weights", GetWeights);
        admin.MapPut("/weights", SetWeights);
        return app;
    }

    /// <remarks>This week's people worth meeting (up to five), best first, each with its reasons in the reader's language.</remarks>
    static async Task<ApiResult<Ok<IReadOnlyList<SuggestionDto>>, Problem.Forbidden>> Mine(SuggestionService s, CancellationToken ct) =>
        (await s.MineAsync(ct)).ToHttpResult();

    /// <remarks><c>{value: notRelevant|alreadyKnow}</c> on someone suggested to me: not suggested again; "not relevant" weighs its reasons less for me.</remarks>
    static async Task<ApiResult<NoContent, Problem.Invalid, Problem.NotFound>> Feedback(long memberId, SuggestionFeedbackInput input, SuggestionService s, CancellationToken ct) =>
        (await s.FeedbackAsync(memberId, input.Value, ct)).ToHttpResult(_ => TypedResults.NoContent());

    static async Task<ApiResult<Ok<SuggestionWeightsDto>, Problem.Forbidden>> GetWeights(SuggestionService s, CancellationToken ct) =>
        (await s.GetWeightsAsync(ct)).ToHttpResult();

    /// <remarks><c>{weights: {skills: 10, department: 8, ...}}</c>: 0 to 100 each (0 turns a signal off; null: back to the default).</remarks>
    static async Task<ApiResult<Ok<SuggestionWeightsDto>, Problem.Invalid, Problem.Forbidden>> SetWeights(SuggestionWeightsInput input, SuggestionService s, CancellationToken ct) =>
        (await s.SetWeightsAsync(input.Weights, ct)).ToHttpResult();
}
