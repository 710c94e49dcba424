using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Community;

public static class CommunityApi
{
    public static IEndpointRouteBuilder MapCommunityApi(this IEndpointRouteBuilder app)
    {
        // Public like the page itself: for an intranet portal that renders the figures its own way.
        app.MapGet("/api/v1/community", Public).AllowAnonymous().WithTags("Community").Produces<CommunityDto>().ProducesProblem(404);

        var admin = app.MapGroup("/api/v1/admin/community").RequireAuthorization(Policies.Admin).WithTags("Community");
        admin.MapGet("/", (CommunityService s, CancellationToken ct) => Admin(s, ct));
        admin.MapPut("/", Settings);
        admin.MapPost("/stories", AddStory);
        admin.MapDelete("/stories/{id:long}", RemoveStory);
        return app;
    }

    static async Task<IResult> Public(CommunityService s, CancellationToken ct) =>
        await s.GetAsync(ct) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();

    static async Task<ApiResult<Ok<CommunityAdminDto>>> Admin(CommunityService s, CancellationToken ct) =>
        (await s.AdminAsync(ct)).ToHttpResult();

    static async Task<ApiResult<Ok<CommunityAdminDto>>> Settings(CommunitySettingsInput input, CommunityService s, CancellationToken ct) =>
        (await s.SetEnabledAsync(input.Enabled, ct)).ToHttpResult();

    static async Task<ApiResult<Created<AdminStoryDto>, Problem.Invalid>> AddStory(StoryInput input, CommunityService s, CancellationToken ct) =>
        (await s.AddStoryAsync(input, ct)).ToHttpResult(x => TypedResults.Created("/api/v1/admin/community", x));

    static async Task<ApiResult<NoContent, Problem.NotFound>> RemoveStory(long id, CommunityService s, CancellationToken ct) =>
        (await s.RemoveStoryAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent());
}
