using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Features.Accounts;

/// <summary>
/// Bearer tokens minted as the login endpoint would (same claims, same protector), without hashing a
/// password per member: the benchmarks measure the app's work, not PBKDF2. Call inside the tenant's scope.
/// </summary>
static class BenchTokens
{
    public static async Task<string> MintAsync(IServiceProvider sp, AppUser user)
    {
        var principal = await sp.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var protector = sp.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;
        return protector.Protect(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, IdentityConstants.BearerScheme));
    }
}

static class BenchCookies
{
    /// <summary>The sign-in cookie (name=value) the login page would set, for the HTML pages.</summary>
    public static async Task<string> MintAsync(IServiceProvider sp, AppUser user)
    {
        var principal = await sp.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var options = sp.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }
}
