using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Spaces;

public static class SpacesApi
{
    public static IEndpointRouteBuilder MapSpacesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/spaces").RequireAuthorization(Policies.Member).WithTags("Spaces");
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/{id:long}", Get);
        api.MapPatch("/{id:long}", Update);
        api.MapPut("/{id:long}/image", SetImage).DisableAntiforgery();
        api.MapPost("/{id:long}/join", Join);
        api.MapDelete("/{id:long}/join", Leave);
        api.MapPut("/{id:long}/notifications", SetNotify);
        api.MapGet("/{id:long}/members", Members);
        api.MapPost("/{id:long}/requests/{memberId:long}/approve", (long id, long memberId, SpaceService s, CancellationToken ct) => Decide(id, memberId, true, s, ct));
        api.MapPost("/{id:long}/requests/{memberId:long}/decline", (long id, long memberId, SpaceService s, CancellationToken ct) => Decide(id, memberId, false, s, ct));
        api.MapPost("/{id:long}/invitations/{memberId:long}", Invite);
        api.MapPut("/{id:long}/moderators/{memberId:long}", (long id, long memberId, SpaceService s, CancellationToken ct) => SetModerator(id, memberId, true, s, ct));
        api.MapDelete("/{id:long}/moderators/{memberId:long}", (long id, long memberId, SpaceService s, CancellationToken ct) => SetModerator(id, memberId, false, s, ct));
        api.MapGet("/{id:long}/activity", Activity);
        app.MapGet("/spaces/{id:long}/image", Image).RequireAuthorization(Policies.Member).ExcludeFromDescription();

        var admin = app.MapGroup("/api/v1/admin/supporters").RequireAuthorization(Policies.Admin).WithTags("Spaces");
        admin.MapGet("/", Supporters);
        admin.MapPut("/{memberId:long}", (long memberId, SpaceService s, CancellationToken ct) => SetSupporter(memberId, true, s, ct));
        admin.MapDelete("/{memberId:long}", (long memberId, SpaceService s, CancellationToken ct) => SetSupporter(memberId, false, s, ct));
        return app;
    }

    static async Task<ApiResult<Ok<PageDto<SpaceDto>>, Problem.Invalid>> List(string? q, string? kind, bool? mine, int? page, SpaceService s, CancellationToken ct) =>
        (await s.ListAsync(q, kind, mine ?? false, page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Created<SpaceDto>, Problem.Invalid, Problem.Forbidden>> Create(SpaceInput input, SpaceService s, CancellationToken ct) =>
        (await s.CreateAsync(input, ct)).ToHttpResult(x => TypedResults.Created($"/api/v1/spaces/{x.Id}", x));

    static async Task<ApiResult<Ok<SpaceDto>, Problem.NotFound>> Get(long id, SpaceService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<SpaceDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Update(long id, SpaceInput input, SpaceService s, CancellationToken ct) =>
        (await s.UpdateAsync(id, input, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<SpaceDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> SetImage(long id, IFormFile? image, SpaceService s, CancellationToken ct)
    {
        if (image is null) return ApiProblem.Invalid("image", "Validation.Required");
        await using var stream = image.OpenReadStream();
        return (await s.SetImageAsync(id, stream, image.Length, ct)).ToHttpResult();
    }

    static async Task<IResult> Image(long id, SpaceService s, CancellationToken ct) =>
        await s.OpenImageAsync(id, ct) is { } stream ? TypedResults.Stream(stream, "image/jpeg") : TypedResults.NotFound();

    /// <summary>201 when in (open space, accepted invitation), 202 when a moderator must admit (request space).</summary>
    static async Task<ApiResult<Results<Created<JoinDto>, Accepted<JoinDto>>, Problem.NotFound, Problem.Conflict>> Join(long id, SpaceService s, CancellationToken ct) =>
        (await s.JoinAsync(id, ct)).ToHttpResult(j => j.Status == "member"
            ? (Results<Created<JoinDto>, Accepted<JoinDto>>)TypedResults.Created($"/api/v1/spaces/{id}", j)
            : TypedResults.Accepted($"/api/v1/spaces/{id}", j));

    static async Task<ApiResult<NoContent, Problem.NotFound, Problem.Conflict>> Leave(long id, SpaceService s, CancellationToken ct) =>
        (await s.LeaveAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent());

    static async Task<ApiResult<Ok<SpaceDto>, Problem.Invalid, Problem.NotFound, Problem.Conflict>> SetNotify(long id, SpaceNotifyInput input, SpaceService s, CancellationToken ct) =>
        (await s.SetNotifyAsync(id, input, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<PageDto<SpaceMemberDto>>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Members(
        long id, string? status, int? page, SpaceService s, CancellationToken ct) =>
        (await s.MembersAsync(id, status, page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<JoinDto>, Problem.Forbidden, Problem.NotFound>> Decide(long id, long memberId, bool approve, SpaceService s, CancellationToken ct) =>
        (await s.DecideRequestAsync(id, memberId, approve, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<JoinDto>, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Invite(long id, long memberId, SpaceService s, CancellationToken ct) =>
        (await s.InviteAsync(id, memberId, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<SpaceMemberDto>, Problem.Forbidden, Problem.NotFound>> SetModerator(long id, long memberId, bool moderator, SpaceService s, CancellationToken ct) =>
        (await s.SetModeratorAsync(id, memberId, moderator, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<SpaceActivityDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Activity(
        long id, DateOnly? from, DateOnly? to, SpaceService s, CancellationToken ct) =>
        (await s.ActivityAsync(id, from, to, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<IReadOnlyList<SupporterDto>>>> Supporters(SpaceService s, CancellationToken ct) =>
        (await s.SupportersAsync(ct)).ToHttpResult();

    static async Task<ApiResult<NoContent, Problem.NotFound>> SetSupporter(long memberId, bool supporter, SpaceService s, CancellationToken ct) =>
        (await s.SetSupporterAsync(memberId, supporter, ct)).ToHttpResult(_ => TypedResults.NoContent());
}
