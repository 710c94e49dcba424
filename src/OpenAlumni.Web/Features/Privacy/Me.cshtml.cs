using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Security;

namespace OpenAlumni.Web.Features.Privacy;

/// <summary>"Privacy &amp; my data": my consents per purpose, a copy of my data, deleting myself. Same services as /api/v1/me.</summary>
public sealed class MeModel(PrivacyService privacy, MyDataService data, SignInManager<AppUser> signIn,
    IStringLocalizer<ValidationTexts> texts, IStringLocalizer<PrivacyTexts> P) : PageModel
{
    public ConsentsDto Consents { get; private set; } = null!;
    [BindProperty] public Dictionary<string, bool> Granted { get; set; } = [];
    [BindProperty] public string? Posts { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Consents = await privacy.MyConsentsAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var (zip, name) = await data.ExportAsync(ct);
        Response.Headers.CacheControl = "no-store";
        return File(zip, "application/zip", name);
    }

    public async Task<IActionResult> OnPostConsentsAsync(CancellationToken ct)
    {
        var result = await privacy.SetMyConsentsAsync(new SetConsentsRequest(Granted), ct);
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts, prefix: "");
            Consents = await privacy.MyConsentsAsync(ct);
            return Page();
        }
        TempData["Flash"] = P["ConsentsSaved"].Value;
        return Redirect("/privacy/me");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!Confirm)
        {
            ModelState.AddModelError("Confirm", P["DeleteConfirmRequired"]);
            Consents = await privacy.MyConsentsAsync(ct);
            return Page();
        }
        var result = await data.DeleteMeAsync(new DeleteMeRequest(Posts), ct);
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts, prefix: "");
            Consents = await privacy.MyConsentsAsync(ct);
            return Page();
        }
        await signIn.SignOutAsync();
        ClearSiteData.Send(Response);
        TempData["Flash"] = P["DeletedFlash"].Value;
        return Redirect("/");
    }
}
