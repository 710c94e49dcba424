using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Accounts;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(SignInManager<AppUser> signIn, AccountService accounts, IStringLocalizer<ValidationTexts> texts,
    Sso.SsoDirectory sso, Sso.SsoGate ssoGate) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public bool ShowResend { get; private set; }
    /// <summary>The network has a company sign-in: the page offers it.</summary>
    public bool SsoOffered { get; private set; }
    /// <summary>Why a company sign-in came back refused (<c>?sso=</c>), one of the known reasons only.</summary>
    [BindProperty(SupportsGet = true, Name = "sso")] public string? SsoResult { get; set; }

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }

    public async Task OnGetAsync()
    {
        SsoOffered = await sso.GetAsync(HttpContext.RequestAborted) is not null;
        Error = SsoResult switch
        {
            "failed" => texts["Sso.Refused.failed"].Value,
            "domain" => texts["Sso.Refused.domain"].Value,
            "unverified" => texts["Sso.Refused.unverified"].Value,
            "refused" => texts["Sso.Refused.refused"].Value,
            "elsewhere" => texts["Sso.Refused.elsewhere"].Value,
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        SsoOffered = await sso.GetAsync(HttpContext.RequestAborted) is not null;
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Input.Email)) errors.Add("email", "Validation.Required");
        if (string.IsNullOrEmpty(Input.Password)) errors.Add("password", "Validation.Required");
        if (errors.Any) { ModelState.AddErrors(errors, texts); return Page(); }

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email!.Trim());
        if (user is null || !await accounts.HasMembershipHereAsync(user.Id, HttpContext.RequestAborted))
        {
            LoginTiming.SpendAsMuchAsAPasswordCheck(signIn.UserManager);
            // Told the same as an existing address of a domain that must use the company sign-in (see the API's login).
            if (await ssoGate.RequiredForAsync(Input.Email!.Trim(), HttpContext.RequestAborted)) Error = texts["Sso.PasswordRefused"];
            else Error = texts["Validation.LoginFailed"];
            return Page();
        }
        if (await ssoGate.RefusesPasswordAsync(user, Input.Password!, HttpContext.RequestAborted))
        {
            Error = texts["Sso.PasswordRefused"];
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Cultures.RememberCulture(Response, user.PreferredCulture ?? "ja");
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        // "Locked" and "unconfirmed" are only said to someone who knows the password.
        var knowsPassword = (result.IsLockedOut || result.IsNotAllowed) && await signIn.UserManager.CheckPasswordAsync(user, Input.Password!);
        if (knowsPassword && result.IsLockedOut) Error = texts["Validation.LockedOut"];
        else if (knowsPassword && result.IsNotAllowed) { Error = texts["Validation.EmailNotConfirmed"]; ShowResend = true; }
        else Error = texts["Validation.LoginFailed"];
        return Page();
    }

    /// <summary>A local path to return to, or "/": never another site, never a URL that LocalRedirect would refuse.</summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") && !url.Any(char.IsControl) && url.Length < 2000 ? url : "/";
}
