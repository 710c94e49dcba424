using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;

namespace OpenAlumni.Web.Infrastructure.Security;

/// <summary>
/// Transport and browser security: no Server banner, forwarded headers from the configured proxies only, HTTPS
/// redirection when the app knows its HTTPS port, the security headers and HSTS (SecurityHeadersMiddleware), and
/// the __Host- cookie names over HTTPS (HostPrefixCookiesMiddleware).
/// </summary>
public static class SecuritySetup
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        var section = builder.Configuration.GetSection("ForwardedHeaders");
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Only the proxies the operator names are believed: by default none, not even loopback, so that a client
            // cannot claim HTTPS or another address by sending the headers itself.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range) ? range
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR range (10.0.0.0/24)."));
            // Client address (rate limits) and scheme (HSTS, cookies, links); the host stays the request's own, since
            // the network is chosen by it and a proxy passes it through. With no proxy named, nothing: the middleware
            // believes everyone when both lists are empty, and ASPNETCORE_FORWARDEDHEADERS_ENABLED=true adds it anyway.
            o.ForwardedHeaders = o.KnownProxies.Count > 0 || o.KnownIPNetworks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
        });
        builder.Services.Configure<HttpsRedirectionOptions>(builder.Configuration.GetSection("HttpsRedirection"));
        return builder;
    }

    /// <summary>First in the pipeline, so that every later step sees the real scheme and every answer gets the headers.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        // Without a configured proxy it would read nothing (ForwardedHeaders.None), so it stays out.
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders != ForwardedHeaders.None)
            app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Without a known HTTPS port the redirection has nowhere to send a request (and would only log a warning).
        if (HttpsPortKnown(app.Configuration)) app.UseHttpsRedirection();
        app.UseMiddleware<HostPrefixCookiesMiddleware>();
        return app;
    }

    /// <summary>HTTPS_PORT / https_port (or HttpsRedirection:HttpsPort), or an https:// address the app listens on.</summary>
    static bool HttpsPortKnown(IConfiguration config) =>
        !string.IsNullOrEmpty(config["HTTPS_PORT"] ?? config["ANCM_HTTPS_PORT"] ?? config["HttpsRedirection:HttpsPort"])
        || (config["URLS"] ?? config["ASPNETCORE_URLS"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || config.GetSection("Kestrel:Endpoints").GetChildren().Any(e => e["Url"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true);
}
