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

    async Task<IActionResult> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                // Resetting the key renews the security stamp; renew this browser's cookie with it.
                await signIn.RefreshSignInAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }
            SharedKey = key;
            var issuer = Uri.EscapeDataString(tenant.Tenant?.Name ?? "OpenAlumni");
            var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6";
            using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
            QrSvg = new SvgQRCode(data).GetGraphic(4);
        }
        return Page();
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
