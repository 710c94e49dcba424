using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Tenancy;
using QRCoder;

namespace OpenAlumni.Web.Features.Accounts;

/// <summary>Two-factor sign-in with an authenticator app (TOTP), turned on and off by the user.</summary>
public sealed class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ITenantContext tenant,
    IStringLocalizer<ValidationTexts> texts, IStringLocalizer<AccountTexts> A) : PageModel
{
    public bool Enabled { get; private set; }
    public string? SharedKey { get; private set; }
    public string? QrSvg { get; private set; }
    [BindProperty] public string? Code { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync();

    /// <remarks>
    /// Only shows: a GET must change nothing. Making a key renews the security stamp (every other cookie and
    /// token of the login stops working), so it happens on the explicit POST of <see cref="OnPostSetupAsync"/>,
    /// never because a page (or a cross-site link to it) was opened.
    /// </remarks>
    async Task<IActionResult> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (!Enabled && await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            SharedKey = key;
            var issuer = Uri.EscapeDataString(tenant.Tenant?.Name ?? "OpenAlumni");
            var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6";
            using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
            QrSvg = new SvgQRCode(data).GetGraphic(4);
        }
        return Page();
    }

    /// <summary>"Set up an authenticator app": a new key, then the page shows it as a QR code.</summary>
    public async Task<IActionResult> OnPostSetupAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        await users.ResetAuthenticatorKeyAsync(user);
        // Resetting the key renews the security stamp; renew this browser's cookie with it.
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await CodeIsValidAsync(user)) return await LoadAsync();
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = A["TwoFactorEnabled"].Value;
        return RedirectToPage();
    }

    async Task<bool> CodeIsValidAsync(AppUser user)
    {
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)) return true;
        Error = texts["Validation.TwoFactorInvalid"];
        return false;
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        // Turning protection off needs a current code, so an unattended browser cannot do it.
        if (!await CodeIsValidAsync(user)) return await LoadAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = A["TwoFactorDisabled"].Value;
        return RedirectToPage();
    }
}
