using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Cluster;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Sso;

/// <summary>A network's SSO settings as a sign-in needs them (the secret decrypted); cached, so no entity tracking.</summary>
public sealed record SsoConfig(long TenantId, string Authority, string ClientId, string? ClientSecret, IReadOnlyList<string> Domains, bool Required, long Version)
{
    public bool Vouches(string email)
    {
        var at = email.LastIndexOf('@');
        return at > 0 && Domains.Contains(email[(at + 1)..].Trim().ToLowerInvariant());
    }
}

/// <summary>Reads a network's SSO settings, cached for a short while and dropped on every node when the admin saves.</summary>
public sealed class SsoDirectory(AlumniDb db, IMemoryCache cache, ClusterSignals cluster, ITenantContext tenant, SsoSecrets secrets)
{
    static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    static string Key(long tenantId) => "sso:" + tenantId;

    public Task<SsoConfig?> GetAsync(CancellationToken ct)
    {
        var tenantId = tenant.TenantId;
        if (tenantId == 0) return Task.FromResult<SsoConfig?>(null);
        return cache.GetOrCreateAsync(Key(tenantId), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            var s = await db.Set<SsoSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
            return s is null ? null : new SsoConfig(s.TenantId, s.Authority, s.ClientId,
                s.ProtectedClientSecret is { } p ? secrets.Unprotect(p) : null, s.DomainList, s.Required, s.UpdatedAt.UtcTicks);
        });
    }

    public void Forget(long tenantId) => cluster.Evict([Key(tenantId)]);
}

/// <summary>
/// Where the company sign-in lives: one authentication scheme for every network, whose OpenID Connect options are the
/// request's network's (<see cref="SsoOptionsMonitor"/>). The callback is the same path on every network's own host, so
/// the redirect URI a network registers at its provider is <c>https://its-host/accounts/sso/callback</c>.
/// </summary>
public static class SsoScheme
{
    public const string Name = "CompanySso";
    public const string CallbackPath = "/accounts/sso/callback";
    public const string StartPath = "/accounts/sso";
    internal const string ConfigItem = "OpenAlumni.Sso.Config";
    public const string TenantClaim = "oa_sso_tenant";

    /// <summary>
    /// Loads the network's settings before authentication runs, on the sign-in's own paths only: the handler reads its
    /// options synchronously, and every other request gets the dormant options (it only compares its path with the callback).
    /// </summary>
    public static IApplicationBuilder UseSso(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments(StartPath, StringComparison.OrdinalIgnoreCase))
            http.Items[ConfigItem] = await http.RequestServices.GetRequiredService<SsoDirectory>().GetAsync(http.RequestAborted);
        await next(http);
    });
}

/// <summary>
/// The OpenID Connect options of the request's network, built once per network and settings version (a save changes the
/// version, so the next sign-in uses the new ones; other nodes see them when their cache of the settings expires or is evicted).
/// </summary>
public sealed class SsoOptionsMonitor(IHttpContextAccessor http, IDataProtectionProvider protection, IHttpClientFactory clients, IOptions<SsoOptions> sso)
    : IOptionsMonitor<OpenIdConnectOptions>
{
    public const string HttpClientName = "sso";
    // The options with the settings version they were built from, as one value: two dictionaries could pair a new version
    // with old options when two requests interleave around a save, and keep the old ones until the next save.
    readonly ConcurrentDictionary<long, (long Version, OpenIdConnectOptions Options)> byTenant = new();
    OpenIdConnectOptions? dormant;

    public OpenIdConnectOptions CurrentValue => Get(Options.DefaultName);

    public OpenIdConnectOptions Get(string? name)
    {
        if (http.HttpContext?.Items[SsoScheme.ConfigItem] is not SsoConfig config) return dormant ??= Build(null);
        if (byTenant.TryGetValue(config.TenantId, out var built) && built.Version == config.Version) return built.Options;
        var options = Build(config);
        byTenant[config.TenantId] = (config.Version, options);
        return options;
    }

    public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;

    OpenIdConnectOptions Build(SsoConfig? config)
    {
        var o = new OpenIdConnectOptions
        {
            SignInScheme = IdentityConstants.ExternalScheme,
            CallbackPath = SsoScheme.CallbackPath,
            // Never used (no sign-out at the provider), but kept on the sign-in's paths, away from the defaults.
            SignedOutCallbackPath = SsoScheme.StartPath + "/signed-out",
            RemoteSignOutPath = SsoScheme.StartPath + "/remote-sign-out",
            ResponseType = OpenIdConnectResponseType.Code,
            // The code comes back in the query of a top-level GET: the correlation and nonce cookies can be SameSite=Lax
            // (a form_post from the provider's site would need SameSite=None).
            ResponseMode = OpenIdConnectResponseMode.Query,
            UsePkce = true,
            MapInboundClaims = false,
            GetClaimsFromUserInfoEndpoint = false,
            SaveTokens = false,
            RequireHttpsMetadata = !sso.Value.AllowHttp,
            Backchannel = clients.CreateClient(HttpClientName),
        };
        o.Scope.Add("email");
        o.TokenValidationParameters.NameClaimType = "name";
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        if (config is null)
        {
            // A network without SSO: a handler that never starts a sign-in (the page refuses first) nor accepts a callback.
            o.ClientId = "none";
            o.Configuration = new OpenIdConnectConfiguration();
            o.Events.OnMessageReceived = ctx => Refuse(ctx, "failed");
        }
        else
        {
            o.Authority = config.Authority;
            o.ClientId = config.ClientId;
            o.ClientSecret = config.ClientSecret;
            o.Events.OnTicketReceived = ctx =>
            {
                // The external cookie says which network's provider vouched for it; the sign-in completes only there.
                ctx.Principal!.Identities.First().AddClaim(new Claim(SsoScheme.TenantClaim, config.TenantId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return Task.CompletedTask;
            };
        }
        // Whatever fails at the provider or in validating its answer (a wrong audience or issuer, an expired token, a
        // replayed state) ends on the login page with a message, never a 500; the reason goes to the log.
        o.Events.OnRemoteFailure = ctx =>
        {
            ctx.HttpContext.RequestServices.GetRequiredService<ILogger<SsoOptionsMonitor>>()
                .LogWarning("Company sign-in failed: {Reason}", ctx.Failure?.GetType().Name + ": " + ctx.Failure?.Message);
            ctx.Response.Redirect("/accounts/login?sso=failed");
            ctx.HandleResponse();
            return Task.CompletedTask;
        };
        o.Events.OnAccessDenied = ctx =>
        {
            ctx.Response.Redirect("/accounts/login?sso=failed");
            ctx.HandleResponse();
            return Task.CompletedTask;
        };
        new OpenIdConnectPostConfigureOptions(protection).PostConfigure(SsoScheme.Name, o);
        o.Validate(SsoScheme.Name);
        return o;
    }

    static Task Refuse(MessageReceivedContext ctx, string reason)
    {
        ctx.Response.Redirect("/accounts/login?sso=" + reason);
        ctx.HandleResponse();
        return Task.CompletedTask;
    }
}

/// <summary>The framework's OpenID Connect handler, with the request's network's options.</summary>
public sealed class SsoHandler(SsoOptionsMonitor options, ILoggerFactory logger, HtmlEncoder htmlEncoder, UrlEncoder encoder)
    : OpenIdConnectHandler(options, logger, htmlEncoder, encoder);
