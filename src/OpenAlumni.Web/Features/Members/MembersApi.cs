using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Members;

public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/members").RequireAuthorization(Policies.Member).WithTags("Members");
        api.MapGet("/", Search);
        api.MapGet("/{id:long}", Get);
        api.MapGet("/me", GetMe);
        api.MapPatch("/me", UpdateMe);
        api.MapPut("/me/photo", SetPhoto).DisableAntiforgery();
        api.MapDelete("/me/photo", RemovePhoto);

        // The photo is served by the app, not as a static file, so that its visibility is checked.
        app.MapGet("/members/{id:long}/photo", Photo).RequireAuthorization(Policies.Member).ExcludeFromDescription();
        return app;
    }

    /// <summary>The directory. Follow <c>nextCursor</c> (as <c>cursor</c>) for the next page; <c>page</c> is for jumping.</summary>
    /// <remarks><c>spaceId</c>: the members of a space (403 for a space the caller may not read, 404 for one they do not see).</remarks>
    static async Task<ApiResult<Ok<DirectoryPageDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Search(
        string? q, string? kind, string? skill, string? department, string? organization, string? openTo,
        int? page, int? pageSize, string? cursor, long? spaceId, DirectoryService directory, CancellationToken ct) =>
        (await directory.SearchAsync(new DirectoryQuery(q, kind, skill, department, organization, openTo, page ?? 1, pageSize ?? 20, cursor, spaceId), ct)).ToHttpResult();

    static async Task<ApiResult<Ok<MemberDto>, Problem.NotFound>> Get(long id, MemberService members, CancellationToken ct) =>
        (await members.GetAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<MemberDto>>> GetMe(MemberService members, CurrentMember current, CancellationToken ct) =>
        (await members.GetAsync((await current.RequireAsync(ct)).MemberId, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<MemberDto>, Problem.Invalid>> UpdateMe(UpdateProfileRequest request, MemberService members, CancellationToken ct) =>
        (await members.UpdateMineAsync(request, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<MemberDto>, Problem.Invalid>> SetPhoto(IFormFile? photo, MemberService members, CancellationToken ct)
    {
        if (photo is null) return ApiProblem.Invalid("photo", "Validation.Required");
        await using var stream = photo.OpenReadStream();
        return (await members.SetPhotoAsync(stream, photo.Length, ct)).ToHttpResult();
    }

    static async Task<ApiResult<Ok<MemberDto>>> RemovePhoto(MemberService members, CancellationToken ct) =>
        (await members.RemovePhotoAsync(ct)).ToHttpResult();

    static async Task<IResult> Photo(long id, MemberService members, CancellationToken ct) =>
        await members.OpenPhotoAsync(id, ct) is { } stream
            ? TypedResults.Stream(stream, "image/jpeg")
            : TypedResults.NotFound();
}
