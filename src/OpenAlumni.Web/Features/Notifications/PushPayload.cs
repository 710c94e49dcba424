using System.Text.Json;

namespace OpenAlumni.Web.Features.Notifications;

/// <summary>
/// What a push carries to the service worker (wwwroot/js/sw-push.js): a title, a sentence in the member's language
/// and the path to open. Kept small: push services accept about 4 KB once encrypted.
/// </summary>
public static class PushPayload
{
    // Written as is rather than \uXXXX-escaped: the JSON is read by the service worker's JSON.parse, never put
    // into HTML, and kept this way Japanese takes half the bytes and an erasure finds a member's name in the
    // queued body (MyDataService.DeleteMeAsync).
    static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(string title, string body, string url) => JsonSerializer.Serialize(new
    {
        title = Cut(title, 200), body = Cut(body, 600), url,
    }, Options);

    static string Cut(string s, int max) => s.Length > max ? s[..(max - 1)] + "…" : s;
}
