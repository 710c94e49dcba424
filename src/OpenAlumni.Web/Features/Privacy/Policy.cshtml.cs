using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Privacy;

/// <summary>The privacy policy for anyone (before registering too): the current version, or an older one by number.</summary>
public sealed class PolicyModel(PrivacyService privacy) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    public PolicyDto? Policy { get; private set; }
    public int Current { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await privacy.CurrentVersionAsync(ct);
        Policy = await privacy.CurrentPolicyAsync(PrivacyService.CultureOf(null), Version, ct);
    }
}
