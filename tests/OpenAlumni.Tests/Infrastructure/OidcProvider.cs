using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>What the provider does wrong on purpose, for the tests of what the app must refuse.</summary>
public enum OidcQuirk { None, WrongAudience, ExpiredIdToken }

/// <summary>The person the provider signs in at its next authorization request for a client.</summary>
public sealed record OidcUser(string Email, string Name, bool EmailVerified = true, OidcQuirk Quirk = OidcQuirk.None, string? Subject = null);

/// <summary>
/// A real OpenID Connect provider (OpenIddict 7.9 on Kestrel, http://127.0.0.1 on a free port) for the company sign-in
/// tests: authorization and token endpoints, authorization code with PKCE required, signing keys made at start. Each test
/// registers a client for its own network (<see cref="RegisterClientAsync"/>) and names who signs in next
/// (<see cref="SignInNext"/>); with nobody named, the authorization endpoint shows a small sign-in form (the browser journey).
/// One provider serves the whole test run.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    static readonly SemaphoreSlim Starting = new(1, 1);
    static OidcProvider? shared;

    readonly WebApplication app;
    readonly ConcurrentDictionary<string, OidcUser> next = new();
    const string QuirkClaim = "test_quirk";

    public Uri Authority { get; }

    OidcProvider(WebApplication app, Uri authority)
    {
        this.app = app;
        Authority = authority;
    }

    public static async Task<OidcProvider> SharedAsync()
    {
        await Starting.WaitAsync();
        try { return shared ??= await StartAsync(); }
        finally { Starting.Release(); }
    }

    public void SignInNext(string clientId, OidcUser user) => next[clientId] = user;

    public async Task RegisterClientAsync(string clientId, string clientSecret, string redirectUri)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(redirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    static async Task<OidcProvider> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "openalumni-oidc", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderDb>(o =>
        {
            o.UseSqlite($"Data Source={Path.Combine(root, "provider.db")}");
            o.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
                // The quirks: an ID token for another client, or one that expired an hour ago.
                o.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(h => h
                    .UseInlineHandler(ctx =>
                    {
                        if (ctx.IdentityTokenPrincipal is not { } id) return default;
                        switch (ctx.Principal?.GetClaim(QuirkClaim))
                        {
                            case nameof(OidcQuirk.WrongAudience):
                                id.SetAudiences("another-client");
                                break;
                            case nameof(OidcQuirk.ExpiredIdToken):
                                id.SetCreationDate(DateTimeOffset.UtcNow.AddHours(-2)).SetExpirationDate(DateTimeOffset.UtcNow.AddHours(-1));
                                break;
                        }
                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1)
                    .SetType(OpenIddictServerHandlerType.Custom));
            });
        builder.Services.AddAuthentication();
        var app = builder.Build();
        app.UseAuthentication();
        OidcProvider? self = null;
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)(http => self!.AuthorizeAsync(http)));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new OidcProvider(app, new Uri(address.TrimEnd('/') + "/"));
        return self;
    }

    async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        OidcUser? user = null;
        if (next.TryRemove(request.ClientId ?? "", out var named)) user = named;
        else if (HttpMethods.IsPost(http.Request.Method) && request.GetParameter("login_email")?.ToString() is { Length: > 0 } email)
            user = new OidcUser(email, request.GetParameter("login_name")?.ToString() ?? email);
        if (user is null) return Results.Content(LoginForm(request), "text/html; charset=utf-8");

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject ?? "sub-" + user.Email)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.Name);
        identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        if (user.Quirk != OidcQuirk.None) identity.SetClaim(QuirkClaim, user.Quirk.ToString());
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(c => c.Type == QuirkClaim ? [] : [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The provider's own sign-in page: the request's parameters ride along, with the address and name typed.</summary>
    static string LoginForm(OpenIddictRequest request)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>Test company sign-in</title><body style=\"font-family:sans-serif;padding:1rem\"><h1>Test company sign-in</h1><form method=\"post\">");
        foreach (var (name, value) in request.GetParameters())
            html.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(name)).Append("\" value=\"").Append(WebUtility.HtmlEncode(value.ToString())).Append("\">");
        html.Append("<p><label>Email <input name=\"login_email\" type=\"email\" required></label></p>")
            .Append("<p><label>Name <input name=\"login_name\" required></label></p>")
            .Append("<p><button type=\"submit\">Sign in</button></p></form></body></html>");
        return html.ToString();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}
