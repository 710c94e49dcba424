using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Members;

/// <summary>The yearly mail's link: shows a button; only pressing it confirms (mail scanners open links by themselves). No sign-in needed.</summary>
public sealed class ConfirmProfileModel(ProfileFreshness freshness) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public bool Failed { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync(CancellationToken ct)
    {
        var result = await freshness.ConfirmAsync(Token, ct);
        if (result.IsOk) ConfirmedAt = result.Value;
        else Failed = true;
    }
}
