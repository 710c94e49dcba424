using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Accounts;
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
        roster.MapGet("/", List).Produces<PageDto<RosterEntryDto>>().ProducesValidationProblem();
        roster.MapPost("/import", Import).DisableAntiforgery()
            // Beyond this the server stops reading the upload (413), whatever the client sends.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RosterLimits.RequestBytes))
            .Accepts<IFormFile>("multipart/form-data").Produces<RosterImportDto>().ProducesValidationProblem().ProducesProblem(413);

        var invitations = app.MapGroup("/api/v1/admin/invitations").RequireAuthorization(Policies.Admin).WithTags("Admin");
        invitations.MapGet("/", ListInvitations).Produces<PageDto<InvitationDto>>().ProducesValidationProblem();
        invitations.MapPost("/", Invite).Produces<InviteResultDto>().ProducesValidationProblem().ProducesProblem(404);
        invitations.MapPost("/{id:long}/resend", Resend).Produces<InvitationDto>().ProducesProblem(404).ProducesProblem(409);
        invitations.MapPost("/{id:long}/revoke", Revoke).Produces<InvitationDto>().ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    static async Task<IResult> List(bool? joined, string? q, int? page, RosterService roster, IStringLocalizer<ValidationTexts> texts, CancellationToken ct) =>
        (await roster.ListAsync(joined, q, page ?? 1, ct)).ToHttpResult(texts);

    static async Task<IResult> Import(HttpContext http, bool? dryRun, RosterService roster, IStringLocalizer<ValidationTexts> texts, CancellationToken ct)
    {
        // Refused before a byte of the body is read when the client says how large it is.
        if (http.Request.ContentLength > RosterLimits.RequestBytes)
            return TypedResults.Problem(statusCode: 413, title: texts["Validation.Title"], detail: texts["Validation.FileTooLarge", RosterLimits.FileBytes / 1024 / 1024],
                extensions: new Dictionary<string, object?> { ["errors"] = FieldErrors.Of("file", "Validation.FileTooLarge", RosterLimits.FileBytes / 1024 / 1024).Localize(texts) });
        var (file, unreadable) = await RosterUpload.ReadAsync(http.Request, ct);
        if (file is null)
            return TypedResults.ValidationProblem(FieldErrors.Of("file", unreadable ? "Validation.UploadUnreadable" : "Validation.Required").Localize(texts),
                title: texts["Validation.Title"]);
        await using var stream = file.OpenReadStream();
        return (await roster.ImportAsync(stream, file.Length, dryRun ?? false, ct)).ToHttpResult(texts);
    }

    static async Task<IResult> ListInvitations(string? state, int? page, InvitationService invitations, IStringLocalizer<ValidationTexts> texts, CancellationToken ct) =>
        (await invitations.ListAsync(state, page ?? 1, ct)).ToHttpResult(texts);

    static async Task<IResult> Invite(InviteRequest request, InvitationService invitations, HttpContext http, IStringLocalizer<ValidationTexts> texts, CancellationToken ct) =>
        (await invitations.InviteAsync(request, AccountsApi.BaseUrl(http), ct)).ToHttpResult(texts);

    static async Task<IResult> Resend(long id, InvitationService invitations, HttpContext http, IStringLocalizer<ValidationTexts> texts, CancellationToken ct) =>
        (await invitations.ResendAsync(id, AccountsApi.BaseUrl(http), ct)).ToHttpResult(texts);

    static async Task<IResult> Revoke(long id, InvitationService invitations, IStringLocalizer<ValidationTexts> texts, CancellationToken ct) =>
        (await invitations.RevokeAsync(id, ct)).ToHttpResult(texts);
}
