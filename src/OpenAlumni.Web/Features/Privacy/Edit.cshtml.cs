using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Privacy;

/// <summary>Admins edit the privacy policy; saving publishes a new version (the old ones stay readable).</summary>
public sealed class EditModel(PrivacyService privacy, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<PrivacyTexts> P) : PageModel
{
    [BindProperty] public string? Ja { get; set; }
    [BindProperty] public string? En { get; set; }
    public IReadOnlyList<PolicyVersionDto> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await privacy.VersionsAsync(ct);
        if (!result.IsOk) return Forbid();
        Versions = result.Value!;
        Ja = Versions.FirstOrDefault()?.Ja;
        En = Versions.FirstOrDefault()?.En;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await privacy.SavePolicyAsync(new SavePolicyRequest(Ja, En), ct);
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts, prefix: "");
            Versions = (await privacy.VersionsAsync(ct)).Value ?? [];
            return Page();
        }
        TempData["Flash"] = P["PolicyPublished", result.Value!.Version].Value;
        return Redirect("/admin/privacy");
    }
}
