using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Spaces;

/// <summary>Spaces made through the API, as the secretariat and their members would.</summary>
public static class SpaceTestData
{
    public static async Task<long> CreateAsync(HttpClient admin, string visibility, string name = "エネルギー事業OB・OG会", string kind = "businessUnit")
    {
        var response = await admin.PostAsJsonAsync("/api/v1/spaces", new { name, nameEn = name == "エネルギー事業OB・OG会" ? "Energy business alumni" : null, description = "エネルギー事業に関わった仲間の場", kind, visibility });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Puts a member in the space the way the space allows: joining, or a moderator's invitation accepted.</summary>
    public static async Task AddAsync(HttpClient admin, long space, TestMember member, HttpClient client)
    {
        var invited = await admin.PostAsync($"/api/v1/spaces/{space}/invitations/{member.Id}", null);
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var joined = await client.PostAsync($"/api/v1/spaces/{space}/join", null);
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
    }

    public static async Task<long> PostAsync(HttpClient client, long? space, string title, string room = "updates")
    {
        var response = await client.PostAsJsonAsync("/api/v1/posts", new { room, title, body = title + " の本文", spaceId = space });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<List<long>> FeedIdsAsync(HttpClient client, string query = "")
    {
        var feed = await client.GetFromJsonAsync<JsonElement>("/api/v1/posts?pageSize=50" + query);
        return feed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();
    }
}
