using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Community;

/// <summary>
/// The intranet portal's widget: a small page without script, meant for an iframe. Only this route may be
/// framed, by the origins in <c>Community:FrameAncestors</c> (default any, since it shows only public aggregates).
/// </summary>
[AllowAnonymous]
public sealed class WidgetModel(CommunityService community, IConfiguration config) : PageModel
{
    public CommunityDto Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await community.GetAsync(ct) is not { } data) return NotFound();
        Data = data;
        var ancestors = config["Community:FrameAncestors"] is { Length: > 0 } a ? a : "*";
        Response.Headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors {ancestors}; base-uri 'none'; form-action 'none'";
        return Page();
    }
}
