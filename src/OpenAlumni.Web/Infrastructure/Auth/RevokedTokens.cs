using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Web.Infrastructure.Auth;

/// <summary>
/// A bearer token authenticates nobody once its login's security stamp has changed (a password reset, a
/// sign-out everywhere, a suspension, an erasure): the caller gets 401, as for any invalid token.
/// </summary>
/// <remarks>
/// The bearer handler checks only the token's signature and expiry. <see cref="CurrentMember"/> refused a
/// stale stamp too, but after authentication: the caller counted as signed in without a membership, and got
/// 403, which tells a client to give up rather than to sign in again.
/// </remarks>
public static class RevokedTokens
{
    public static IServiceCollection AddRevokedTokenCheck(this IServiceCollection services)
    {
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).PostConfigure(o =>
        {
            var inner = o.Events.OnMessageReceived;
            o.Events.OnMessageReceived = async ctx =>
            {
                // Runs after the hub's query-string token has been picked up (Policies.AddAlumniScheme).
                await inner(ctx);
                if (ctx.Result is not null) return;
                var token = ctx.Token ?? Bearer(ctx.Request);
                // A token that does not unprotect (garbage, another network's) is refused by the handler itself.
                if (token is null || ctx.Options.BearerTokenProtector.Unprotect(token) is not { } ticket) return;
                if (!await IsCurrentAsync(ctx.HttpContext, ticket.Principal)) ctx.Fail("The token was revoked.");
            };
        });
        return services;
    }

    static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is null || stamp is null) return false;
        var current = await http.RequestServices.GetRequiredService<AlumniDb>().Users.AsNoTracking()
            .Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(http.RequestAborted);
        return current == stamp;
    }
}
