using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace OpenAlumni.Web.Infrastructure.Security;

/// <summary>
/// Over HTTPS the sign-in, two-factor and antiforgery cookies travel as <c>__Host-&lt;name&gt;</c>: a browser then
/// accepts them only with Secure, Path=/ and no Domain, so neither a sibling host of the same domain nor a plain-HTTP
/// answer can plant or overwrite them (session fixation, a planted antiforgery token). Over plain HTTP (development,
/// tests) they keep their names, since a browser refuses a __Host- cookie without Secure.
/// The names are set in their handlers' options and those handlers know nothing of the request's scheme, so this
/// renames at the edge: the request's <c>__Host-</c> cookies are handed to them under their plain names (and a plain
/// one sent over HTTPS is dropped: it may have been planted), and their Set-Cookie lines get the prefix and Secure.
/// </summary>
public sealed class HostPrefixCookiesMiddleware(RequestDelegate next, IOptionsMonitor<CookieAuthenticationOptions> cookies,
    IOptions<AntiforgeryOptions> antiforgery)
{
    public const string Prefix = "__Host-";

    readonly string[] names =
    [
        .. new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme }
            .Select(scheme => cookies.Get(scheme).Cookie.Name).OfType<string>(),
        .. antiforgery.Value.Cookie.Name is { } csrf ? new[] { csrf } : [],
    ];

    public Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.IsHttps) return next(http);
        RenameIncoming(http.Request);
        http.Response.OnStarting(static state =>
        {
            var (self, response) = ((HostPrefixCookiesMiddleware, HttpResponse))state;
            self.RenameOutgoing(response);
            return Task.CompletedTask;
        }, (this, http.Response));
        return next(http);
    }

    /// <summary>Whether a cookie name is one of ours (a chunked cookie's parts are "nameC1", "nameC2", ...).</summary>
    bool Ours(string name) => names.Any(n => name == n
        || (name.Length > n.Length + 1 && name.StartsWith(n, StringComparison.Ordinal) && name[n.Length] == 'C' && name[(n.Length + 1)..].All(char.IsAsciiDigit)));

    void RenameIncoming(HttpRequest request)
    {
        if (request.Headers.Cookie.Count == 0) return;
        var kept = new List<string>();
        foreach (var line in request.Headers.Cookie)
        foreach (var pair in (line ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair.Split('=', 2)[0];
            if (name.StartsWith(Prefix, StringComparison.Ordinal) && Ours(name[Prefix.Length..])) kept.Add(pair[Prefix.Length..]);
            else if (!Ours(name)) kept.Add(pair);
        }
        request.Headers.Cookie = string.Join("; ", kept);
    }

    void RenameOutgoing(HttpResponse response)
    {
        var lines = response.Headers.SetCookie;
        if (lines.Count == 0) return;
        var renamed = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i] ?? "";
            if (!SetCookieHeaderValue.TryParse(line, out var cookie) || !Ours(cookie.Name.Value ?? "")) { renamed[i] = line; continue; }
            cookie.Name = Prefix + cookie.Name.Value;
            cookie.Secure = true;
            cookie.Path = "/";
            cookie.Domain = null;
            renamed[i] = cookie.ToString();
        }
        response.Headers.SetCookie = renamed;
    }
}
