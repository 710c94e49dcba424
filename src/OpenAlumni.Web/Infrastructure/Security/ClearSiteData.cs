namespace OpenAlumni.Web.Infrastructure.Security;

/// <summary>
/// Sent with the answer that signs a member out: the browser then drops what this origin stored on the device.
/// "storage" removes the service worker and its caches, among them the event tickets saved for use offline
/// (wwwroot/sw.js), so that a shared phone keeps nothing of the member; "cache" empties the HTTP cache.
/// Browsers honour it only over HTTPS or on localhost. A sign-in sends nothing: it would end the push subscription
/// of a member who signs in again on their own phone; js/pwa.js drops a previous member's tickets and subscription
/// when another member signs in instead.
/// </summary>
public static class ClearSiteData
{
    public const string OnSignOut = "\"cache\", \"storage\"";

    public static void Send(HttpResponse response) => response.Headers["Clear-Site-Data"] = OnSignOut;
}
