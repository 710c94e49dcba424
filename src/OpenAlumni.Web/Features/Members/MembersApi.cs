using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Members;

public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/members").RequireAuthorization(Policies.Member).WithTags("Members");
        api.MapGet("/", Search).Produces<PageDto<MemberCardDto>>().ProducesValidationProblem();
        api.MapGet("/{id:long}", Get).Produces<MemberDto>().ProducesProblem(404);
        api.MapGet("/me", GetMe).Produces<MemberDto>();
        api.MapPatch("/me", UpdateMe).Produces<MemberDto>().ProducesValidationProblem();
        api.MapPut("/me/photo", SetPhoto).DisableAntiforgery().Produces<MemberDto>().ProducesValidationProblem();
        api.MapDelete("/me/photo", RemovePhoto).Produces<MemberDto>();

        // The photo is served by the app, not as a static file, so that its visibility is checked.
        app.MapGet("/members/{id:long}/photo", Photo).RequireAuthorization(Policies.Member).ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> Search(string? q, string? kind, string? skill, string? department, string? organization, string? openTo,
        int? page, int? pageSize, DirectoryService directory, CancellationToken ct) =>
        (await directory.SearchAsync(new DirectoryQuery(q, kind, skill, department, organization, openTo, page ?? 1, pageSize ?? 20), ct)).ToHttpResult();

    static async Task<IResult> Get(long id, MemberService members, CancellationToken ct) =>
        (await members.GetAsync(id, ct)).ToHttpResult();

    static async Task<IResult> GetMe(MemberService members, CurrentMember current, CancellationToken ct) =>
        (await members.GetAsync((await current.RequireAsync(ct)).MemberId, ct)).ToHttpResult();

    static async Task<IResult> UpdateMe(UpdateProfileRequest request, MemberService members, CancellationToken ct) =>
        (await members.UpdateMineAsync(request, ct)).ToHttpResult();

    static async Task<IResult> SetPhoto(IFormFile? photo, MemberService members, CancellationToken ct)
    {
        if (photo is null) return ApiProblem.Invalid("photo", "Validation.Required");
        await using var stream = photo.OpenReadStream();
        return (await members.SetPhotoAsync(stream, photo.Length, ct)).ToHttpResult();
    }

    static async Task<IResult> RemovePhoto(MemberService members, CancellationToken ct) =>
        (await members.RemovePhotoAsync(ct)).ToHttpResult();

    static async Task<IResult> Photo(long id, MemberService members, CancellationToken ct) =>
        await members.OpenPhotoAsync(id, ct) is { } stream
            ? TypedResults.Stream(stream, "image/jpeg")
            : TypedResults.NotFound();
}
