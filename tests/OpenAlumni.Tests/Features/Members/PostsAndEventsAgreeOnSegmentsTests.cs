using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Search;

namespace OpenAlumni.Tests.Features.Members;

/// <summary>
/// An announcement and an event with the same segment reach the same people, one dimension at a time: the
/// members inside see both (by id and in their lists) and are notified of the announcement; those outside see
/// neither; and the audience count the author is shown before publishing counts exactly those inside.
/// </summary>
public abstract class PostsAndEventsAgreeOnSegmentsTests(AlumniApp app) : AppTest(app)
{
    /// <summary>One reader: what they are, and whether the segment is for them.</summary>
    public sealed record Someone(string Name, bool Inside, MemberKind Kind = MemberKind.Alumni, Action<Member>? Facts = null);

    /// <summary>
    /// A segment as both APIs take it (an announcement's kind is <c>segment.kind</c>, an event's is
    /// <c>audience</c>), and readers on both sides of it.
    /// </summary>
    public sealed record Case(string? PostKind, string EventAudience, Dictionary<string, object?> Segment, Someone[] Readers);

    static Action<Member> LeftIn(int year) => m => m.Career[0].ToYear = year;

    static Action<Member> Open(OpenTo flags) => m => m.OpenTo = flags;

    static readonly OpenTo Every = Enum.GetValues<OpenTo>().Aggregate(OpenTo.None, (all, f) => all | f);

    static Case OpenToCase(OpenTo flag) => new(null, "all", new() { ["openTo"] = new[] { flag.ToString() } },
    [
        new($"open to {flag}", true, Facts: Open(flag)),
        new("open to everything", true, Facts: Open(Every)),
        new($"open to everything but {flag}", false, Facts: Open(Every & ~flag)),
        new("open to nothing", false),
    ]);

    static readonly Dictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        ["kind alumni"] = new("Alumni", "alumni", new(),
        [
            new("an alumnus", true),
            new("an employee", false, MemberKind.Employee),
        ]),
        ["kind employee"] = new("Employee", "employees", new(),
        [
            new("an employee", true, MemberKind.Employee),
            new("an alumnus", false),
        ]),
        ["department"] = new(null, "all", new() { ["department"] = "金属本部" },
        [
            new("once in it, before another department", true, Facts: m => m.Career.Add(new CareerEntry { Department = "金属本部", FromYear = 1998, ToYear = 2004 })),
            new("an employee in it now", true, MemberKind.Employee, m => m.Career[0].Department = "金属本部"),
            new("never in it", false, Facts: m => m.Career[0].Department = "食料本部"),
        ]),
        ["left from"] = new(null, "all", new() { ["leftFrom"] = 2015 },
        [
            new("left after", true, Facts: LeftIn(2018)),
            new("left that year", true, Facts: LeftIn(2015)),
            new("left before", false, Facts: LeftIn(2010)),
            new("never left", false, MemberKind.Employee),
        ]),
        ["left to"] = new(null, "all", new() { ["leftTo"] = 2015 },
        [
            new("left before", true, Facts: LeftIn(2010)),
            new("left that year", true, Facts: LeftIn(2015)),
            new("left after", false, Facts: LeftIn(2018)),
            new("never left", false, MemberKind.Employee),
        ]),
        ["location"] = new(null, "all", new() { ["location"] = "大阪府" },
        [
            new("lives there", true, Facts: m => m.Location = "大阪府"),
            new("lives elsewhere", false, Facts: m => m.Location = "東京都"),
            new("did not say", false),
        ]),
        // Typed full-width and upper case: the segment's tag is normalised the way profile tags are.
        ["tag"] = new(null, "all", new() { ["tag"] = "ＰＹＴＨＯＮ" },
        [
            new("tagged with it", true, Facts: m => m.Tags.Add(new ProfileTag { Kind = TagKind.Skill, Name = "Python", Key = SearchText.Normalize("Python") })),
            new("tagged otherwise", false, Facts: m => m.Tags.Add(new ProfileTag { Kind = TagKind.Skill, Name = "Go", Key = SearchText.Normalize("Go") })),
            new("not tagged", false),
        ]),
    }.Concat(Enum.GetValues<OpenTo>().Where(f => f != OpenTo.None).Select(f => KeyValuePair.Create($"open to {f}", OpenToCase(f))))
        .ToDictionary();

    /// <summary>kind (both ways), department, left from, left to, location, each "open to" flag, tag.</summary>
    public static TheoryData<string> Dimensions() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Dimensions))]
    public async Task AnnouncementAndEvent_WithTheSameSegment_ReachTheSameReaders(string dimension)
    {
        var c = Cases[dimension];
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var postSegment = new Dictionary<string, object?>(c.Segment) { ["kind"] = c.PostKind };
        var before = await AudienceAsync(admin, postSegment);
        var readers = new List<(Someone Who, HttpClient Api)>();
        foreach (var who in c.Readers)
            readers.Add((who, await tenant.ClientForAsync(await tenant.MemberAsync(who.Kind, family: who.Name, edit: who.Facts))));

        var after = await AudienceAsync(admin, postSegment);
        var postId = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/v1/posts", new
        {
            room = "announcements", title = "ご案内 " + dimension, body = "対象の方へ", segment = postSegment,
        }, Ct));
        var start = DateTimeOffset.UtcNow.AddDays(7);
        var eventId = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/v1/events", new
        {
            title = "交流会 " + dimension, kind = "meetup", format = "online", publish = true,
            startsAt = start.ToString("o"), endsAt = start.AddHours(2).ToString("o"), audience = c.EventAudience, segment = c.Segment,
        }, Ct));
        var seen = new List<string>();
        foreach (var (who, api) in readers) seen.Add(await WhatTheySeeAsync(who.Name, api, postId, eventId));

        Assert.Equal(c.Readers.Select(r => Expected(r.Name, r.Inside)), seen);
        Assert.Equal(c.Readers.Count(r => r.Inside), after - before);
    }

    static string Expected(string name, bool inside) =>
        $"{name}: post {inside}, in the feed {inside}, event {inside}, in the events {inside}, notified {inside}";

    async Task<string> WhatTheySeeAsync(string name, HttpClient api, long postId, long eventId)
    {
        var post = (await api.GetAsync($"/api/v1/posts/{postId}", Ct)).StatusCode;
        var feed = await api.GetFromJsonAsync<JsonElement>("/api/v1/posts?room=announcements&pageSize=50", Ct);
        var ev = (await api.GetAsync($"/api/v1/events/{eventId}", Ct)).StatusCode;
        var events = await api.GetFromJsonAsync<JsonElement>("/api/v1/events", Ct);
        var notifications = await api.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        Assert.Contains(post, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
        Assert.Contains(ev, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
        return $"{name}: post {post == HttpStatusCode.OK}, in the feed {Ids(feed).Contains(postId)}, event {ev == HttpStatusCode.OK}, "
            + $"in the events {Ids(events).Contains(eventId)}, notified {notifications.GetProperty("unreadCount").GetInt32() == 1}";
    }

    static List<long> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    async Task<int> AudienceAsync(HttpClient admin, Dictionary<string, object?> segment)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/posts/audience", segment, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("members").GetInt32();
    }

    static async Task<long> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PostsAndEventsAgreeOnSegmentsTestsOnSqlite(SqliteApp app) : PostsAndEventsAgreeOnSegmentsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostsAndEventsAgreeOnSegmentsTestsOnPostgres(PostgresApp app) : PostsAndEventsAgreeOnSegmentsTests(app);
