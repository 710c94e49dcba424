using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Sso;

/// <summary>The form behind the company sign-in settings (the secret is write-only: the form never shows it back).</summary>
public sealed class SsoForm
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>One domain a line (commas and spaces work too).</summary>
    public string? Domains { get; set; }
    public bool Required { get; set; }
    public bool RemoveSecret { get; set; }
}

/// <summary>The secretariat's company sign-in (OpenID Connect) settings. Same service as /api/v1/admin/sso.</summary>
public sealed class IndexModel(SsoService sso, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<SsoTexts> S) : PageModel
{
    public SsoSettingsDto Settings { get; private set; } = null!;
    [BindProperty] public SsoForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Settings = (await sso.GetAsync(ct)).Value!;
        Input = new SsoForm { Authority = Settings.Authority, ClientId = Settings.ClientId, Domains = string.Join("\n", Settings.Domains), Required = Settings.Required };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var domains = (Input.Domains ?? "").Split(['\n', '\r', ',', ' ', '\t', '、', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A blank secret field keeps the secret; "remove" clears it.
        var secret = Input.RemoveSecret ? "" : string.IsNullOrEmpty(Input.ClientSecret) ? null : Input.ClientSecret;
        var result = await sso.SaveAsync(new SsoInput(Input.Authority, Input.ClientId, secret, domains, Input.Required), ct);
        if (result.IsOk)
        {
            TempData["Flash"] = S["SavedFlash"].Value;
            return Redirect("/admin/sso");
        }
        ModelState.AddErrors(result.Errors!, texts);
        Input.ClientSecret = null;
        Settings = (await sso.GetAsync(ct)).Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var result = await sso.DeleteAsync(ct);
        if (result.IsOk) TempData["Flash"] = S["DeletedFlash"].Value;
        return Redirect("/admin/sso");
    }
}
