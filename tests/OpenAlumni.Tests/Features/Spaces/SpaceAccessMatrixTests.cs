using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Spaces;

/// <summary>
/// A space's content (the space, its post, its event, its feed, calendar, members and search) as each kind of reader
/// meets it, for each visibility: a member of the network who is not in the space, a member of it, a moderator of
/// another space, its moderator, the secretariat, and a member of another network. The one audience rule decides
/// every surface alike; a secret space is to outsiders exactly what another network's is (404).
/// </summary>
public abstract class SpaceAccessMatrixTests(AlumniApp app) : AppTest(app)
{
    public enum Role { NonMember, Member, OtherModerator, Moderator, Admin, OtherNetwork }

    static bool Reads(Role r, string visibility) => r switch
    {
        Role.Member or Role.Moderator or Role.Admin => true,
        Role.NonMember or Role.OtherModerator => visibility == "open",
        _ => false,
    };

    static bool Lists(Role r, string visibility) => r switch
    {
        Role.Member or Role.Moderator or Role.Admin => true,
        Role.NonMember or Role.OtherModerator => visibility != "secret",
        _ => false,
    };

    static HttpStatusCode ReadOrRefuse(Role r, string visibility) =>
        Reads(r, visibility) ? HttpStatusCode.OK : Lists(r, visibility) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;

    [Theory]
    [InlineData("open")]
    [InlineData("request")]
    [InlineData("secret")]
    public async Task SpaceContent_IsReadExactlyByThoseTheRuleAdmits_OnEverySurface(string visibility)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var space = await SpaceTestData.CreateAsync(admin, visibility);
        var otherSpace = await SpaceTestData.CreateAsync(admin, "open", "シンガポール拠点");
        var people = new Dictionary<Role, TestMember>
        {
            [Role.NonMember] = await tenant.MemberAsync(family: "部外"),
            [Role.Member] = await tenant.MemberAsync(family: "会員"),
            [Role.OtherModerator] = await tenant.MemberAsync(family: "他モデ"),
            [Role.Moderator] = await tenant.MemberAsync(family: "モデ"),
        };
        var clients = new Dictionary<Role, HttpClient> { [Role.Admin] = admin };
        foreach (var (role, person) in people) clients[role] = await tenant.ApiAsync(person);
        var other = await App.CreateTenantAsync();
        clients[Role.OtherNetwork] = await other.ApiAsync(await other.MemberAsync(family: "他社"));
        await SpaceTestData.AddAsync(admin, space, people[Role.Member], clients[Role.Member]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/spaces/{space}/moderators/{people[Role.Moderator].Id}", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/spaces/{otherSpace}/moderators/{people[Role.OtherModerator].Id}", null, Ct)).StatusCode);
        var marker = "SPX" + Guid.NewGuid().ToString("N")[..8];
        var post = await SpaceTestData.PostAsync(clients[Role.Member], space, marker);
        var eventResponse = await clients[Role.Moderator].PostAsJsonAsync("/api/v1/events", SpaceMembershipTests.WithSpace(EventTestData.Meetup(), space), Ct);
        Assert.Equal(HttpStatusCode.Created, eventResponse.StatusCode);
        var eventId = (await JsonAsync(eventResponse)).GetProperty("id").GetInt64();

        var wrong = new List<string>();
        void Expect(Role role, string what, object expected, object actual)
        {
            if (!Equals(expected, actual)) wrong.Add($"{visibility} space, {role}: {what} expected {expected}, got {actual}");
        }
        foreach (var (role, client) in clients)
        {
            var lists = Lists(role, visibility);
            var reads = Reads(role, visibility);
            Expect(role, "GET space", lists ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/spaces/{space}", Ct)).StatusCode);
            var list = await client.GetAsync("/api/v1/spaces", Ct);
            var listed = list.IsSuccessStatusCode && (await JsonAsync(list)).GetProperty("items").EnumerateArray().Any(s => s.GetProperty("id").GetInt64() == space);
            Expect(role, "space in the list", lists, listed);
            Expect(role, "GET post", reads ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/posts/{post}", Ct)).StatusCode);
            Expect(role, "GET event", reads ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/events/{eventId}", Ct)).StatusCode);
            Expect(role, "calendar.ics", reads ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/events/{eventId}/calendar.ics", Ct)).StatusCode);
            var feed = await client.GetAsync($"/api/v1/posts?spaceId={space}", Ct);
            Expect(role, "space feed", ReadOrRefuse(role, visibility), feed.StatusCode);
            if (feed.IsSuccessStatusCode) Expect(role, "post in the space feed", true, (await JsonAsync(feed)).GetProperty("items").EnumerateArray().Any(p => p.GetProperty("id").GetInt64() == post));
            var calendar = await client.GetAsync($"/api/v1/events?spaceId={space}", Ct);
            Expect(role, "space calendar", ReadOrRefuse(role, visibility), calendar.StatusCode);
            Expect(role, "space members", ReadOrRefuse(role, visibility), (await client.GetAsync($"/api/v1/spaces/{space}/members", Ct)).StatusCode);
            // The network's calendar lists the events of the spaces one may read (an open space's for everyone).
            var network = await client.GetAsync("/api/v1/events", Ct);
            Expect(role, "event in the network calendar", reads,
                network.IsSuccessStatusCode && (await JsonAsync(network)).GetProperty("items").EnumerateArray().Any(x => x.GetProperty("id").GetInt64() == eventId));
            // The network's feed and its search carry the spaces one is in, not every space one could read.
            var inSpace = role is Role.Member or Role.Moderator;
            var found = await client.GetAsync($"/api/v1/posts?q={marker}", Ct);
            Expect(role, "post found by search", inSpace,
                found.IsSuccessStatusCode && (await JsonAsync(found)).GetProperty("items").EnumerateArray().Any(p => p.GetProperty("id").GetInt64() == post));
            var foundInSpace = await client.GetAsync($"/api/v1/posts?spaceId={space}&q={marker}", Ct);
            Expect(role, "search in the space", ReadOrRefuse(role, visibility), foundInSpace.StatusCode);
            Expect(role, "GET space activity", role is Role.Moderator or Role.Admin ? HttpStatusCode.OK : lists ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound,
                (await client.GetAsync($"/api/v1/spaces/{space}/activity", Ct)).StatusCode);
        }
        // Moderation last (it changes the post): only the space's moderator and the secretariat hide it.
        foreach (var (role, client) in clients.Where(c => c.Key != Role.Admin))
        {
            var hide = await client.PostAsJsonAsync($"/api/v1/posts/{post}/hide", new { reason = "matrix" }, Ct);
            var expected = role == Role.Moderator ? HttpStatusCode.NoContent : Reads(role, visibility) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            Expect(role, "hide the post", expected, hide.StatusCode);
            if (hide.IsSuccessStatusCode) Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/posts/{post}/restore", null, Ct)).StatusCode);
        }
        Expect(Role.Admin, "hide the post", HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/posts/{post}/hide", new { reason = "matrix" }, Ct)).StatusCode);

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SpaceAccessMatrixTestsOnSqlite(SqliteApp app) : SpaceAccessMatrixTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SpaceAccessMatrixTestsOnPostgres(PostgresApp app) : SpaceAccessMatrixTests(app);
