using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;

namespace OpenAlumni.Web.Infrastructure.Auth;

public static class Policies
{
    /// <summary>Signed in with any membership in this tenant (pending ones see their status).</summary>
    public const string Registered = "Registered";
    /// <summary>An approved member of this tenant.</summary>
    public const string Member = "Member";
    /// <summary>An approved admin (the secretariat) of this tenant.</summary>
    public const string Admin = "Admin";

    /// <summary>
    /// One scheme that forwards to the bearer token when the request carries one, else to the cookie: so
    /// the API accepts both, and a page's challenge is the login redirect (not a bearer 401).
    /// </summary>
    public const string Scheme = "OpenAlumni";
    const string HubsPath = "/hubs";
    static readonly string[] Schemes = [Scheme];

    public static Microsoft.AspNetCore.Authentication.AuthenticationBuilder AddAlumniScheme(this Microsoft.AspNetCore.Authentication.AuthenticationBuilder auth)
    {
        auth.Services.PostConfigure<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            var inner = o.Events.OnMessageReceived;
            o.Events.OnMessageReceived = ctx =>
            {
                if (ctx.HttpContext.Request.Path.StartsWithSegments(HubsPath) && ctx.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                    ctx.Token = token;
                return inner(ctx);
            };
        });
        return auth.AddPolicyScheme(Scheme, Scheme, o => o.ForwardDefaultSelector = http =>
            http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            // A browser's WebSocket cannot send headers: SignalR clients pass the bearer token in the query instead.
            || (http.Request.Path.StartsWithSegments(HubsPath) && http.Request.Query.ContainsKey("access_token"))
            // The API changes data only for bearer tokens: a cookie rides along on cross-site requests, and the
            // API has no antiforgery check. Pages (which do check it) and API reads (downloads, .ics) take the cookie.
            || (http.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
                ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme);
    }

    public static IServiceCollection AddAlumniPolicies(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, MembershipHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaleSignInChallenge>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Registered, p => p.AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser().AddRequirements(new RegisteredRequirement()))
            .AddPolicy(Member, p => p.AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser().AddRequirements(new ApprovedMemberRequirement()))
            .AddPolicy(Admin, p => p.AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser().AddRequirements(new AdminRequirement()));
        return services;
    }
}

/// <summary>Allows a login that has a membership, of any status, in the request's tenant.</summary>
public sealed class RegisteredRequirement : IAuthorizationRequirement;

/// <summary>Allows an approved member of the request's tenant.</summary>
public sealed class ApprovedMemberRequirement : IAuthorizationRequirement;

/// <summary>Allows an approved admin of the request's tenant.</summary>
public sealed class AdminRequirement : IAuthorizationRequirement;

public sealed class MembershipHandler(CurrentMember current) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        var pending = context.PendingRequirements.ToList();
        if (pending.Count == 0) return;
        var member = await current.GetAsync();
        foreach (var r in pending)
        {
            var ok = r switch
            {
                // A suspended member is shut out everywhere: pages, API, even their own status page.
                RegisteredRequirement => member is not null && member.Status != Features.Members.MemberStatus.Suspended,
                ApprovedMemberRequirement => member?.IsApproved == true,
                AdminRequirement => member?.IsAdmin == true,
                _ => (bool?)null,
            };
            if (ok == true) context.Succeed(r);
        }
    }
}

/// <summary>
/// A sign-in that no longer stands (<see cref="CurrentMember.SignInRevoked"/>) is challenged, not forbidden: a
/// revoked bearer token gets 401 like a garbage one, so that its client signs in again instead of giving up, and
/// a browser goes to the login page as a signed-out user does. A valid sign-in without the right still gets 403.
/// </summary>
/// <remarks>
/// The bearer handler checks only the token's signature and expiry; the stamp is compared by CurrentMember's one
/// query per request, after authentication. A second query per request to refuse the token earlier cost the
/// connection pool too much under a sign-up storm.
/// </remarks>
public sealed class StaleSignInChallenge : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler inner = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.RequestServices.GetRequiredService<CurrentMember>().SignInRevoked)
            authorizeResult = PolicyAuthorizationResult.Challenge();
        return inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
