using Microsoft.Extensions.Options;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Infrastructure.Links;

/// <summary>How links in mail, calendars and feeds reach the app from outside (README: <c>PublicUrl:*</c>).</summary>
public sealed class PublicUrlOptions
{
    /// <summary>
    /// <c>https</c> or <c>http</c>. Empty: a request's own scheme (<c>X-Forwarded-Proto</c> when forwarded
    /// headers are on), and <c>https</c> for background work, which has no request to ask.
    /// </summary>
    public string? Scheme { get; set; }

    /// <summary>The port, when it is not the scheme's own. Empty: a request's own port; none for background work.</summary>
    public int? Port { get; set; }
}

/// <summary>
/// Absolute links to the current network's pages, the same whether a request or background work (a digest,
/// a reminder) makes them: the network's canonical host (its first host name), the public scheme and port.
/// A link never uses the request's Host header when the network has a host of its own, so nobody can make
/// the app mail out a reset link to a host of their choosing (a request may reach a network through the
/// default-tenant fallback, under any host).
/// </summary>
public sealed class AppLinks(ITenantContext tenant, IHttpContextAccessor http, IOptions<PublicUrlOptions> options)
{
    string? root;

    /// <summary>Scheme, host and port, without a trailing slash: <c>https://alumni.acme.example</c>.</summary>
    public string Root => root ??= MakeRoot();

    /// <summary>The absolute link to a path of this network (<c>/posts/12</c>, with its query if any).</summary>
    public string To(string path) => Root + path;

    string MakeRoot()
    {
        var request = http.HttpContext?.Request;
        var o = options.Value;
        var scheme = string.IsNullOrEmpty(o.Scheme) ? request?.Scheme ?? "https" : o.Scheme;
        var host = tenant.Tenant is { Hosts.Count: > 0 } t ? t.Hosts[0] : request?.Host.Host.ToLowerInvariant();
        // A network without a host name of its own, outside a request, has no address: links stay paths.
        if (string.IsNullOrEmpty(host)) return "";
        var port = o.Port ?? request?.Host.Port;
        var defaultPort = scheme == "https" ? 443 : 80;
        return port is { } p && p != defaultPort ? $"{scheme}://{host}:{p}" : $"{scheme}://{host}";
    }
}

public static class AppLinksSetup
{
    /// <summary>Registers <see cref="AppLinks"/> and its settings; the embedded demo links to the address it listens on.</summary>
    public static IServiceCollection AddAppLinks(this IServiceCollection services, IConfiguration config, bool demo)
    {
        services.AddOptions<PublicUrlOptions>().Bind(config.GetSection("PublicUrl"))
            .Validate(o => o.Scheme is null or "" or "https" or "http", "PublicUrl:Scheme must be https or http.")
            .ValidateOnStart();
        if (demo)
            services.PostConfigure<PublicUrlOptions>(o =>
            {
                // Without this the demo's digest would link to https://localhost, where nothing answers.
                var listens = (config["urls"] ?? "http://localhost:5000").Split(';')[0].Replace("://+", "://localhost").Replace("://*", "://localhost");
                if (!Uri.TryCreate(listens, UriKind.Absolute, out var uri)) return;
                if (string.IsNullOrEmpty(o.Scheme)) o.Scheme = uri.Scheme;
                o.Port ??= uri.Port;
            });
        return services.AddScoped<AppLinks>();
    }
}
