using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Posts;

/// <summary>Writing posts and reading the feed through the API.</summary>
public static class PostTestData
{
    public static object Update(string title = "近況：物流スタートアップを始めました", string body = "**Hello** <script>alert('x')</script> [site](https://example.com)") =>
        new { room = "updates", title, body };

    public static async Task<long> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/posts", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<List<long>> FeedIdsAsync(HttpClient client, string query = "")
    {
        var feed = await client.GetFromJsonAsync<JsonElement>("/api/v1/posts?pageSize=50" + query);
        return feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
    }
}
