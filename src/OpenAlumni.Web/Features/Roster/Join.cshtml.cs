using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Roster;

/// <summary>Where an invitation link lands: on to the pre-filled registration, or a page saying why not.</summary>
public sealed class JoinModel(InvitationService invitations) : PageModel
{
    public InvitationCheck Check { get; private set; } = InvitationCheck.Unknown;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Check = await invitations.CheckAsync(token, ct);
        if (Check.IsValid) return Redirect("/accounts/register?invitation=" + Uri.EscapeDataString(token));
        return Page();
    }
}
