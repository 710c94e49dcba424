using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Security;

namespace OpenAlumni.Web.Features.Sso;

public static class SsoSetup
{
    /// <summary>Single sign-on for employees through the company's OpenID Connect provider, configured per network.</summary>
    public static WebApplicationBuilder AddSso(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SsoOptions>(builder.Configuration.GetSection("Sso"));
        services.AddSingleton<SsoSecrets>();
        services.AddSingleton<SsoOptionsMonitor>();
        services.AddScoped<SsoDirectory>();
        services.AddScoped<SsoService>();
        services.AddScoped<SsoGate>();
        services.AddScoped<SsoSignIn>();
        services.AddAuthentication().AddScheme<OpenIdConnectOptions, SsoHandler>(SsoScheme.Name, "Company account", _ => { });
        // The provider's discovery document, keys and token endpoint: a short timeout, no redirect followed, no address
        // inside the server's own network (an admin's typo, or a stolen admin session, must not make the server probe it).
        services.AddHttpClient(SsoOptionsMonitor.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(sp => PublicInternetOnly.Handler(sp.GetRequiredService<IOptions<SsoOptions>>().Value.AllowPrivateAddresses));
        services.AddPageRules(pages => pages.AuthorizePage("/Sso/Index", Policies.Admin));
        return builder;
    }

    public static IEndpointRouteBuilder MapSso(this IEndpointRouteBuilder app) => app.MapSsoApi();
}
