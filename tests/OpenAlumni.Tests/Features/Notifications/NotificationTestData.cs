using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using static OpenAlumni.Tests.Infrastructure.AppTest;

namespace OpenAlumni.Tests.Features.Notifications;

/// <summary>Making notifications as members make them, and reading the bell.</summary>
public static class NotificationTestData
{
    public static async Task<long> PostAsync(HttpClient author, string title)
    {
        var response = await author.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title, body = "近況です" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt64();
    }

    public static async Task ReplyAsync(HttpClient member, long post) =>
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/v1/posts/{post}/comments", new { body = "おめでとうございます" }, Ct)).StatusCode);

    public static async Task ReactAsync(HttpClient member, long post) =>
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync($"/api/v1/posts/{post}/reactions", new { kind = "like" }, Ct)).StatusCode);

    public static Task<JsonElement> BellAsync(HttpClient member) => member.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);

    public static List<string> Types(JsonElement bell) => bell.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("type").GetString()!).ToList();
}
