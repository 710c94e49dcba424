namespace OpenAlumni.Web.Infrastructure.Security;

/// <summary>
/// Sets the browser's security headers on every response: pages, the API, static and uploaded files, and error
/// answers. They are written when the response starts, because the error handling clears the headers of a failed
/// response before it writes the error, and a header set on the way in would be lost with them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// Scripts come only from this origin's files (wwwroot/js, wwwroot/lib): no inline script, no event handler
    /// attribute, no eval. Inline style attributes stay allowed (the pages set widths and colours with them).
    /// connect-src 'self' covers the SignalR WebSocket to the same host (CSP Level 3). The service worker (/sw.js)
    /// and the manifest fall under default-src 'self' (worker-src and manifest-src are not set). A page that sets its own
    /// policy keeps it: the community widget, which names the portals allowed to frame it.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>The door check-in page reads tickets' QR codes with the camera; nothing uses the other features.</summary>
    public const string PermissionsPolicy =
        "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), magnetometer=(), gyroscope=(), " +
        "accelerometer=(), display-capture=()";

    /// <summary>One year; not includeSubDomains, because a network's host names belong to its company's domain.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(static state => { Apply((HttpContext)state); return Task.CompletedTask; }, http);
        return next(http);
    }

    static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Browsers ignore the header over plain HTTP, and sending it there would pin a host that cannot do TLS.
        if (http.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
        headers.Remove("Server");
        if (string.IsNullOrEmpty(headers.CacheControl) && HoldsPersonalData(http)) headers.CacheControl = "no-store";
    }

    /// <summary>
    /// What no shared or browser cache may keep: every API answer (profiles, messages, lists; the few public ones
    /// are small and cheap to ask again), and every page or file served to a signed-in member. Static files
    /// (wwwroot) are public and keep their caching.
    /// </summary>
    static bool HoldsPersonalData(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        || (http.User.Identity?.IsAuthenticated == true && http.GetEndpoint() is not null);
}
