using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Roster;

/// <summary>Invitations (admins only): invite pasted addresses, see each invitation's state, resend or revoke.</summary>
public sealed class InvitationsModel(InvitationService invitations, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<RosterTexts> R) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? Emails { get; set; }
    public PageDto<InvitationDto> Items { get; private set; } = new([], 1, 100, 0);
    public string? Error { get; private set; }
    /// <summary>Pasted addresses left out of the last batch, each with why; the field keeps them for correction.</summary>
    public IReadOnlyList<RefusedAddressDto> Refused { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await invitations.ListAsync(State, Math.Max(1, PageNumber), ct);
        if (!result.IsOk) { State = null; result = await invitations.ListAsync(null, 1, ct); }
        Items = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var result = await invitations.InviteAsync(new InviteRequest(Emails: Emails), ct);
        if (result.IsOk)
        {
            TempData["Flash"] = R["Invited", result.Value!.Invited, result.Value.Skipped].Value;
            if (result.Value.Refused is not { Count: > 0 } refused) return RedirectToPage();
            Refused = refused;
            Error = R["InviteRefused", refused.Count].Value;
            Emails = string.Join("\n", refused.Select(x => x.Email));
            ModelState.Remove(nameof(Emails));
            return await OnGetAsync(ct);
        }
        Error = result.Message(texts);
        return await OnGetAsync(ct);
    }

    public Task<IActionResult> OnPostResendAsync(long id, CancellationToken ct) =>
        DoAsync(invitations.ResendAsync(id, ct), "Resent", ct);

    public Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct) => DoAsync(invitations.RevokeAsync(id, ct), "Revoked", ct);

    async Task<IActionResult> DoAsync(Task<Result<InvitationDto>> action, string done, CancellationToken ct)
    {
        var result = await action;
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = result.IsOk ? R[done].Value : result.Message(texts);
        return RedirectToPage(new { State });
    }
}
