using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Accounts;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Login)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, IStringLocalizer<ValidationTexts> texts) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("Login");
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        return Finish(user, await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false), "Validation.TwoFactorInvalid");
    }

    /// <summary>A recovery code instead of the authenticator's: Identity redeems it, so it works once.</summary>
    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("Login");
        return Finish(user, await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCodes.Normalize(RecoveryCode)), "Validation.RecoveryCodeInvalid");
    }

    IActionResult Finish(AppUser user, Microsoft.AspNetCore.Identity.SignInResult result, string failedKey)
    {
        if (result.Succeeded)
        {
            Cultures.RememberCulture(Response, user.PreferredCulture ?? "ja");
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }
        Error = result.IsLockedOut ? texts["Validation.LockedOut"] : texts[failedKey];
        return Page();
    }
}
