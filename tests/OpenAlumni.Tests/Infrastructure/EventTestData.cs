using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>Creating events through the API, as an admin would.</summary>
public static class EventTestData
{
    public static object Meetup(int? capacity = 10, string format = "offline", int? capacityOnline = null, DateTimeOffset? start = null, string? deadline = null,
        string kind = "meetup", string audience = "all", bool publish = true, string? onlineUrl = "https://meet.example/secret-room")
    {
        var s = start ?? DateTimeOffset.UtcNow.AddDays(10);
        return new
        {
            title = "丸の内アルムナイ交流会", description = "**ようこそ** <script>alert(1)</script>", kind, format,
            startsAt = s.ToString("o"), endsAt = s.AddHours(2).ToString("o"), capacity, capacityOnline,
            venue = format == "online" ? null : "本社 20F ラウンジ", address = "東京都千代田区丸の内1-1-1",
            onlineUrl, signupDeadline = deadline, audience, publish,
        };
    }

    public static async Task<long> CreateAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/events", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, long id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}");

    /// <summary>Moves an event into the past (admins may, e.g. to record an AGM); for "after the event" rules.</summary>
    public static async Task EndAsync(HttpClient admin, long id)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        var response = await admin.PatchAsJsonAsync($"/api/v1/events/{id}", new { startsAt = start.ToString("o"), endsAt = start.AddHours(2).ToString("o") });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
