namespace OpenAlumni.Web.Infrastructure.Security;

/// <summary>
/// Sent with the answer that signs a member out: the browser then drops what this origin stored on the device.
/// "storage" removes the service worker and its caches, among them the event tickets saved for use offline
/// (wwwroot/sw.js), so that a shared phone keeps nothing of the member; "cache" empties the HTTP cache.
/// Browsers honour it only over HTTPS or on localhost.
/// </summary>
public static class ClearSiteData
{
    public const string OnSignOut = "\"cache\", \"storage\"";

    /// <summary>
    /// A sign-in drops what a previous member of the same phone left, had their session only expired: their saved
    /// tickets would else be listed to the next one. Only "storage": the HTTP cache holds no private page (no-store).
    /// </summary>
    public const string OnSignIn = "\"storage\"";

    public static void Send(HttpResponse response) => response.Headers["Clear-Site-Data"] = OnSignOut;

    public static void SendOnSignIn(HttpResponse response) => response.Headers["Clear-Site-Data"] = OnSignIn;
}
