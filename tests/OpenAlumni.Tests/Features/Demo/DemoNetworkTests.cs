using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Demo;

/// <summary>What a newcomer sees in the embedded default: a living network, not an empty one.</summary>
public abstract class DemoNetworkTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task DemoNetwork_HasMembers_PendingRegistrations_AndEventsInEveryState()
    {
        var client = await (await DemoTenant.SeedAsync(App)).AdminAsync();

        var members = await client.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=100", Ct);
        var pending = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/registrations", Ct);
        var upcoming = await client.GetFromJsonAsync<JsonElement>("/api/v1/events", Ct);
        var past = await client.GetFromJsonAsync<JsonElement>("/api/v1/events?when=past", Ct);
        var agm = await client.GetFromJsonAsync<JsonElement>($"/api/v1/events/{past.GetProperty("items")[0].GetProperty("id").GetInt64()}", Ct);
        var pitchNight = upcoming.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "pitch");
        var programme = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/events/{pitchNight.GetProperty("id").GetInt64()}", Ct)).GetProperty("programme");

        Assert.InRange(members.GetProperty("total").GetInt32(), 55, 70);
        Assert.InRange(pending.GetProperty("total").GetInt32(), 2, 10);
        Assert.Equal("agm", agm.GetProperty("kind").GetString());
        Assert.True(agm.GetProperty("attendedCount").GetInt32() > 10);
        Assert.Equal(3, programme.EnumerateArray().Count(p => p.GetProperty("status").GetString() == "accepted"));
        Assert.Contains(upcoming.GetProperty("items").EnumerateArray(), e => e.GetProperty("kind").GetString() == "meetup");
        var feed = await client.GetFromJsonAsync<JsonElement>("/api/v1/posts?pageSize=50", Ct);
        var rooms = feed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("room").GetString()).ToHashSet();
        Assert.Equal(["announcements", "notices", "updates"], rooms.Order());
        Assert.Contains(feed.GetProperty("items").EnumerateArray(), p => p.GetProperty("category").GetString() == "job");
        // Spaces: the four of the issue, each with members; the request space has requests waiting; the secret one is listed to the secretariat.
        var spaces = (await client.GetFromJsonAsync<JsonElement>("/api/v1/spaces", Ct)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["businessUnit", "cohort", "interest", "region"], spaces.Select(s => s.GetProperty("kind").GetString()).Order());
        Assert.All(spaces, s => Assert.True(s.GetProperty("memberCount").GetInt32() >= 5));
        Assert.True(spaces.Single(s => s.GetProperty("visibility").GetString() == "request").GetProperty("pendingCount").GetInt32() > 0);
        Assert.Contains(spaces, s => s.GetProperty("visibility").GetString() == "secret");
        foreach (var s in spaces)
        {
            var spaceFeed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/posts?spaceId={s.GetProperty("id").GetInt64()}", Ct);
            Assert.True(spaceFeed.GetProperty("total").GetInt32() > 0);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemoNetworkTestsOnSqlite(SqliteApp app) : DemoNetworkTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DemoNetworkTestsOnPostgres(PostgresApp app) : DemoNetworkTests(app);
