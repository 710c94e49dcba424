using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Roster;

public static class RosterApi
{
    public static IEndpointRouteBuilder MapRosterApi(this IEndpointRouteBuilder app)
    {
        var roster = app.MapGroup("/api/v1/admin/roster").RequireAuthorization(Policies.Admin).WithTags("Admin");
        roster.MapGet("/", List);
        roster.MapPost("/import", Import).DisableAntiforgery()
            // Beyond this the server stops reading the upload (413), whatever the client sends.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RosterLimits.RequestBytes))
            .Accepts<IFormFile>("multipart/form-data").Produces<RosterImportDto>().ProducesValidationProblem().ProducesProblem(413);

        var invitations = app.MapGroup("/api/v1/admin/invitations").RequireAuthorization(Policies.Admin).WithTags("Admin");
        invitations.MapGet("/", ListInvitations);
        invitations.MapPost("/", Invite);
        invitations.MapPost("/{id:long}/resend", Resend);
        invitations.MapPost("/{id:long}/revoke", Revoke);
        return app;
    }

    static async Task<ApiResult<Ok<PageDto<RosterEntryDto>>, Problem.Invalid>> List(bool? joined, string? q, int? page, RosterService roster, CancellationToken ct) =>
        (await roster.ListAsync(joined, q, page ?? 1, ct)).ToHttpResult();

    static async Task<IResult> Import(HttpContext http, bool? dryRun, RosterService roster, IStringLocalizer<ValidationTexts> texts, CancellationToken ct)
    {
        // Refused before a byte of the body is read when the client says how large it is.
        if (http.Request.ContentLength > RosterLimits.RequestBytes)
            return TypedResults.Problem(statusCode: 413, title: texts["Validation.Title"], detail: texts["Validation.FileTooLarge", RosterLimits.FileBytes / 1024 / 1024],
                extensions: new Dictionary<string, object?> { ["errors"] = FieldErrors.Of("file", "Validation.FileTooLarge", RosterLimits.FileBytes / 1024 / 1024).Localize(texts) });
        var (file, unreadable) = await RosterUpload.ReadAsync(http.Request, ct);
        if (file is null) return ApiProblem.Invalid("file", unreadable ? "Validation.UploadUnreadable" : "Validation.Required");
        await using var stream = file.OpenReadStream();
        return (await roster.ImportAsync(stream, file.Length, dryRun ?? false, ct)).ToHttpResult();
    }

    static async Task<ApiResult<Ok<PageDto<InvitationDto>>, Problem.Invalid>> ListInvitations(
        string? state, int? page, InvitationService invitations, CancellationToken ct) =>
        (await invitations.ListAsync(state, page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<InviteResultDto>, Problem.Invalid, Problem.NotFound>> Invite(
        InviteRequest request, InvitationService invitations, CancellationToken ct) =>
        (await invitations.InviteAsync(request, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<InvitationDto>, Problem.NotFound, Problem.Conflict>> Resend(long id, InvitationService invitations, CancellationToken ct) =>
        (await invitations.ResendAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<InvitationDto>, Problem.NotFound, Problem.Conflict>> Revoke(long id, InvitationService invitations, CancellationToken ct) =>
        (await invitations.RevokeAsync(id, ct)).ToHttpResult();
}
