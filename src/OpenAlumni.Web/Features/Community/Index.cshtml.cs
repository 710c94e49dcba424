using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Community;

/// <summary>The public page for employees on the intranet; 404 when the network switched it off.</summary>
[AllowAnonymous]
public sealed class IndexModel(CommunityService community) : PageModel
{
    public CommunityDto Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await community.GetAsync(ct) is not { } data) return NotFound();
        Data = data;
        return Page();
    }
}
