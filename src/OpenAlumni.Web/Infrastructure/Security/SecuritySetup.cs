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
            // Client address (rate limits) and scheme (HSTS, cookies, links); the host stays the request's own, since
            // the network is chosen by it and a proxy passes it through.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies the operator names are believed: by default none, not even loopback, so that a client
            // cannot claim HTTPS or another address by sending the headers itself.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        builder.Services.Configure<HttpsRedirectionOptions>(builder.Configuration.GetSection("HttpsRedirection"));
        return builder;
    }

    /// <summary>First in the pipeline, so that every later step sees the real scheme and every answer gets the headers.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        // With both lists empty the middleware would believe anyone's headers, so without a configured proxy it stays out.
        var proxies = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (proxies.KnownProxies.Count > 0 || proxies.KnownIPNetworks.Count > 0) app.UseForwardedHeaders();
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
