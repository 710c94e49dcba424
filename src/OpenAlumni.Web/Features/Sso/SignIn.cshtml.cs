using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Sso;

/// <summary>
/// "Sign in with your company account": GET /accounts/sso sends the browser to the network's provider (authorization code
/// with PKCE); the provider's answer comes back to <see cref="SsoScheme.CallbackPath"/>, where the handler validates it and
/// returns here (<c>?handler=complete</c>) to sign in to the network.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Login)]
public sealed class SignInModel(SsoDirectory directory, SsoSignIn sso, SignInManager<AppUser> signIn) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        if (await directory.GetAsync(ct) is null) return Redirect("/accounts/login");
        var back = LoginModel.SafeReturnUrl(returnUrl);
        var properties = new AuthenticationProperties { RedirectUri = "/accounts/sso?handler=complete&returnUrl=" + Uri.EscapeDataString(back) };
        try
        {
            await HttpContext.ChallengeAsync(SsoScheme.Name, properties);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            // The provider's discovery document could not be read (down, or misconfigured): the login page says so, not a 500.
            HttpContext.RequestServices.GetRequiredService<ILogger<SignInModel>>().LogWarning("Company sign-in could not start: {Reason}", e.Message);
            Response.Headers.Location = default;
            return Redirect("/accounts/login?sso=failed");
        }
        return new EmptyResult();
    }

    public async Task<IActionResult> OnGetCompleteAsync(string? returnUrl, CancellationToken ct)
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (external.Principal is null) return Redirect("/accounts/login?sso=failed");
        var (user, refusal) = await sso.CompleteAsync(external.Principal, ct);
        if (refusal is { } r) return Redirect("/accounts/login?sso=" + r.ToString().ToLowerInvariant());
        await signIn.SignInAsync(user!, isPersistent: false, authenticationMethod: "sso");
        Cultures.RememberCulture(Response, user!.PreferredCulture ?? "ja");
        return LocalRedirect(LoginModel.SafeReturnUrl(returnUrl));
    }
}
