using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Tenancy;
using QRCoder;

namespace OpenAlumni.Web.Features.Accounts;

/// <summary>
/// The login's own security: its password, and two-factor sign-in with an authenticator app (TOTP) and its
/// recovery codes, turned on and off by the user.
/// </summary>
public sealed class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ITenantContext tenant,
    AccountService accounts, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<AccountTexts> A) : PageModel
{
    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>Only on the answer to the POST that made them: Identity keeps them, and no GET shows them again.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }
    [BindProperty] public PasswordInput Input { get; set; } = new();

    public sealed class PasswordInput
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }

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
        if (Enabled) RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
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
        return await ShowNewRecoveryCodesAsync(user);
    }

    /// <summary>"Make new recovery codes": the old ones stop working.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        return await ShowNewRecoveryCodesAsync(user);
    }

    /// <remarks>
    /// Answered directly, not redirected to a GET: the codes are shown once, in this answer, which no cache keeps.
    /// </remarks>
    async Task<IActionResult> ShowNewRecoveryCodesAsync(AppUser user)
    {
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count))!.ToList();
        Response.Headers.CacheControl = "no-store";
        return await LoadAsync();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken ct)
    {
        var result = await accounts.ChangePasswordAsync(User, new ChangePasswordRequest(Input.CurrentPassword, Input.NewPassword, Input.ConfirmPassword ?? ""), ct);
        if (!result.IsOk)
        {
            if (result.Errors is not null) ModelState.AddErrors(result.Errors, texts);
            Input = new();
            return await LoadAsync();
        }
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        // The change renewed the security stamp, which ended every other session; this one goes on.
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = A["PasswordChanged"].Value;
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
