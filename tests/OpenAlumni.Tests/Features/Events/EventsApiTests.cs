using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using static OpenAlumni.Tests.Infrastructure.EventTestData;

namespace OpenAlumni.Tests.Features.Events;

public abstract class EventsApiTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Create_ByAdmin_RendersMarkdownSafely_AndShowsTimesInTheNetworksZone()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        var response = await admin.PostAsJsonAsync("/api/v1/events", new
        {
            title = "年次総会", kind = "agm", format = "offline", startsAt = "2030-06-20T18:30", endsAt = "2030-06-20T20:30",
            capacity = 100, venue = "本社", description = "**総会** <img src=x onerror=alert(1)> [資料](https://example.com)",
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var e = await JsonAsync(response);
        Assert.Equal("2030-06-20T18:30:00+09:00", e.GetProperty("startsAt").GetString());
        Assert.Equal("draft", e.GetProperty("status").GetString());
        var html = e.GetProperty("descriptionHtml").GetString()!;
        Assert.Contains("<strong>総会</strong>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Theory]
    [InlineData("endsAt", "{\"title\":\"x\",\"kind\":\"meetup\",\"format\":\"online\",\"startsAt\":\"2030-01-02T10:00\",\"endsAt\":\"2030-01-02T09:00\"}")]
    [InlineData("capacity", "{\"title\":\"x\",\"kind\":\"meetup\",\"format\":\"online\",\"startsAt\":\"2030-01-02T10:00\",\"endsAt\":\"2030-01-02T11:00\",\"capacity\":-1}")]
    [InlineData("kind", "{\"title\":\"x\",\"kind\":\"party\",\"format\":\"online\",\"startsAt\":\"2030-01-02T10:00\",\"endsAt\":\"2030-01-02T11:00\"}")]
    [InlineData("format", "{\"title\":\"x\",\"kind\":\"meetup\",\"format\":\"hologram\",\"startsAt\":\"2030-01-02T10:00\",\"endsAt\":\"2030-01-02T11:00\"}")]
    [InlineData("venue", "{\"title\":\"x\",\"kind\":\"meetup\",\"format\":\"offline\",\"startsAt\":\"2030-01-02T10:00\",\"endsAt\":\"2030-01-02T11:00\"}")]
    [InlineData("startsAt", "{\"title\":\"x\",\"kind\":\"meetup\",\"format\":\"online\",\"startsAt\":\"next tuesday\",\"endsAt\":\"2030-01-02T11:00\"}")]
    [InlineData("title", "{\"title\":\"\",\"kind\":\"meetup\",\"format\":\"online\",\"startsAt\":\"2030-01-02T10:00\",\"endsAt\":\"2030-01-02T11:00\"}")]
    [InlineData("onlineUrl", "{\"title\":\"x\",\"kind\":\"meetup\",\"format\":\"online\",\"startsAt\":\"2030-01-02T10:00\",\"endsAt\":\"2030-01-02T11:00\",\"onlineUrl\":\"javascript:alert(1)\"}")]
    [InlineData("capacity", "{\"title\":\"x\",\"kind\":\"meetup\",\"format\":\"online\",\"startsAt\":\"2030-01-02T10:00\",\"endsAt\":\"2030-01-02T11:00\",\"capacity\":\"many\"}")]
    public async Task Create_WithBadInput_Is400NamingTheField_AndCreatesNothing(string field, string json)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        var response = await admin.PostAsync("/api/v1/events", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<Event>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Create_AndAdminEndpoints_AreForAdminsOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var responses = new[]
        {
            await member.PostAsJsonAsync("/api/v1/events", Meetup(), Ct),
            await member.PatchAsJsonAsync($"/api/v1/events/{id}", new { title = "mine now" }, Ct),
            await member.PostAsync($"/api/v1/events/{id}/cancel", null, Ct),
            await member.GetAsync($"/api/v1/events/{id}/attendees", Ct),
            await member.PostAsJsonAsync($"/api/v1/events/{id}/checkins", new { code = "x" }, Ct),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("丸の内アルムナイ交流会", (await GetAsync(admin, id)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Drafts_AndOtherAudiences_AreInvisibleToMembers()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var draft = await CreateAsync(admin, Meetup(publish: false));
        var forEmployees = await CreateAsync(admin, Meetup(audience: "employees"));
        var alumnus = await tenant.ApiAsync(await tenant.MemberAsync());
        var employee = await tenant.ApiAsync(await tenant.MemberAsync(MemberKind.Employee, family: "鈴木"));

        Assert.Equal(HttpStatusCode.NotFound, (await alumnus.GetAsync($"/api/v1/events/{draft}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alumnus.GetAsync($"/api/v1/events/{forEmployees}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alumnus.PostAsync($"/api/v1/events/{forEmployees}/rsvp", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync($"/api/v1/events/{forEmployees}", Ct)).StatusCode);
        Assert.Equal(0, (await JsonAsync(await alumnus.GetAsync("/api/v1/events", Ct))).GetProperty("total").GetInt32());

        await admin.PostAsync($"/api/v1/events/{draft}/publish", null, Ct);
        Assert.Equal(HttpStatusCode.OK, (await alumnus.GetAsync($"/api/v1/events/{draft}", Ct)).StatusCode);
    }

    [Fact]
    public async Task SegmentedEvent_IsSeenAndJoinedOnlyInsideItsSegment_IncludingTheCalendarFeed()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var insiderMember = await tenant.MemberAsync(family: "中", edit: m => { m.Career[0].Department = "金属本部"; m.Location = "大阪府"; });
        var insider = await tenant.ApiAsync(insiderMember);
        var outsiderMember = await tenant.MemberAsync(family: "外", edit: m => { m.Career[0].Department = "金属本部"; m.Location = "東京都"; });
        var outsider = await tenant.ApiAsync(outsiderMember);
        var created = await admin.PostAsJsonAsync("/api/v1/events", new
        {
            title = "関西・金属本部OB会", kind = "meetup", format = "offline", venue = "大阪", capacity = 20, publish = true,
            startsAt = DateTimeOffset.UtcNow.AddDays(9).ToString("o"), endsAt = DateTimeOffset.UtcNow.AddDays(9).AddHours(2).ToString("o"),
            audience = "alumni", segment = new { department = "金属本部", location = "大阪府" },
        }, Ct);
        var id = (await JsonAsync(created)).GetProperty("id").GetInt64();
        var badSegment = await admin.PatchAsJsonAsync($"/api/v1/events/{id}", new { segment = new { leftFrom = 1700 } }, Ct);
        await insider.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);
        var feedUrl = (await JsonAsync(await outsider.GetAsync("/api/v1/me/calendar", Ct))).GetProperty("url").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await insider.GetAsync($"/api/v1/events/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/events/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct)).StatusCode);
        Assert.Equal(0, (await JsonAsync(await outsider.GetAsync("/api/v1/events", Ct))).GetProperty("total").GetInt32());
        Assert.DoesNotContain("関西・金属本部OB会", await tenant.Client().GetStringAsync(new Uri(feedUrl).PathAndQuery, Ct));
        await AssertValidationProblemAsync(badSegment, "segment.leftFrom");
        Assert.Equal("大阪府", (await GetAsync(admin, id)).GetProperty("segment").GetProperty("location").GetString());
    }

    [Fact]
    public async Task Calendar_EventIcs_AndMyPersonalFeed_WithASecretUrl()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var mine = await CreateAsync(admin, Meetup());
        await CreateAsync(admin, new { title = "Not mine", kind = "other", format = "online", startsAt = DateTimeOffset.UtcNow.AddDays(3).ToString("o"), endsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(1).ToString("o"), publish = true });
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        await member.PostAsync($"/api/v1/events/{mine}/rsvp", null, Ct);

        var ics = await member.GetAsync($"/api/v1/events/{mine}/calendar.ics", Ct);
        var feedUrl = (await JsonAsync(await member.GetAsync("/api/v1/me/calendar", Ct))).GetProperty("url").GetString()!;
        var feed = await tenant.Client().GetAsync(new Uri(feedUrl).PathAndQuery, Ct);
        var feedText = await feed.Content.ReadAsStringAsync(Ct);
        var forged = await tenant.Client().GetAsync("/calendar/not-a-real-token.ics", Ct);
        var reset = (await JsonAsync(await member.PostAsync("/api/v1/me/calendar/reset", null, Ct))).GetProperty("url").GetString()!;
        var old = await tenant.Client().GetAsync(new Uri(feedUrl).PathAndQuery, Ct);

        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        Assert.Contains("BEGIN:VEVENT", await ics.Content.ReadAsStringAsync(Ct));
        Assert.Contains("SUMMARY:丸の内アルムナイ交流会", feedText);
        Assert.DoesNotContain("Not mine", feedText);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.NotEqual(feedUrl, reset);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsEvent_Is404_ForEveryEventEndpoint()
    {
        var mine = await App.CreateTenantAsync();
        var theirs = await App.CreateTenantAsync();
        var id = await CreateAsync(await theirs.ApiAsync(await theirs.AdminAsync()), Meetup());
        var admin = await mine.ApiAsync(await mine.AdminAsync());

        var responses = new[]
        {
            await admin.GetAsync($"/api/v1/events/{id}", Ct),
            await admin.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct),
            await admin.DeleteAsync($"/api/v1/events/{id}/rsvp", Ct),
            await admin.PatchAsJsonAsync($"/api/v1/events/{id}", new { title = "taken" }, Ct),
            await admin.PostAsync($"/api/v1/events/{id}/publish", null, Ct),
            await admin.PostAsync($"/api/v1/events/{id}/cancel", null, Ct),
            await admin.GetAsync($"/api/v1/events/{id}/attendees", Ct),
            await admin.PostAsJsonAsync($"/api/v1/events/{id}/checkins", new { code = "x" }, Ct),
            await admin.GetAsync($"/api/v1/events/{id}/calendar.ics", Ct),
            await admin.PostAsJsonAsync($"/api/v1/events/{id}/pitches", new { title = "t", summary = "s" }, Ct),
            await admin.PostAsJsonAsync($"/api/v1/events/{id}/feedback", new { rating = 5 }, Ct),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(0, await mine.DbAsync(db => db.Set<Rsvp>().CountAsync(Ct)));
        Assert.Equal("丸の内アルムナイ交流会", await theirs.DbAsync(db => db.Set<Event>().Select(e => e.Title).FirstAsync(Ct)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EventsApiTestsOnSqlite(SqliteApp app) : EventsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EventsApiTestsOnPostgres(PostgresApp app) : EventsApiTests(app);
