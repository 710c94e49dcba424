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
    public async Task Rsvp_WhenFull_Waitlists_AndCancellingPromotesTheFirstWhoIsToldByMail()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(capacity: 1));
        var first = await tenant.ApiAsync(await tenant.MemberAsync(family: "一番"));
        var secondMember = await tenant.MemberAsync(family: "二番");
        var second = await tenant.ApiAsync(secondMember);
        var third = await tenant.ApiAsync(await tenant.MemberAsync(family: "三番"));

        var r1 = await JsonAsync(await first.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct));
        var r2 = await JsonAsync(await second.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct));
        var r3 = await JsonAsync(await third.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct));
        var cancel = await first.DeleteAsync($"/api/v1/events/{id}/rsvp", Ct);
        await App.SendQueuedMailAsync();
        var seenBySecond = await GetAsync(second, id);
        var seenByThird = await GetAsync(third, id);

        Assert.Equal("confirmed", r1.GetProperty("status").GetString());
        Assert.Equal("waitlisted", r2.GetProperty("status").GetString());
        Assert.Equal(1, r2.GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(2, r3.GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("confirmed", seenBySecond.GetProperty("myStatus").GetString());
        Assert.Equal("waitlisted", seenByThird.GetProperty("myStatus").GetString());
        Assert.Equal(1, seenByThird.GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(1, seenBySecond.GetProperty("confirmedCount").GetInt32());
        Assert.Equal(1, seenBySecond.GetProperty("waitlistedCount").GetInt32());
        Assert.Contains("You have a seat", Mailbox.Last(App, secondMember.Email).Subject);
    }

    [Fact]
    public async Task Rsvp_Twice_ChangesNothing_AndTheOnlineUrlIsOnlyForConfirmedAttendees()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(capacity: 1, format: "online"));
        var confirmed = await tenant.ApiAsync(await tenant.MemberAsync());
        var waitlisted = await tenant.ApiAsync(await tenant.MemberAsync(family: "待機"));
        var bystander = await tenant.ApiAsync(await tenant.MemberAsync(family: "見学"));

        await confirmed.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);
        var again = await JsonAsync(await confirmed.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct));
        await waitlisted.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);

        Assert.Equal("confirmed", again.GetProperty("status").GetString());
        Assert.Equal(1, (await GetAsync(admin, id)).GetProperty("confirmedCount").GetInt32());
        Assert.Equal("https://meet.example/secret-room", (await GetAsync(confirmed, id)).GetProperty("onlineUrl").GetString());
        Assert.Equal(JsonValueKind.Null, (await GetAsync(waitlisted, id)).GetProperty("onlineUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await GetAsync(bystander, id)).GetProperty("onlineUrl").ValueKind);
        var ics = await bystander.GetStringAsync($"/api/v1/events/{id}/calendar.ics", Ct);
        Assert.DoesNotContain("secret-room", ics);
    }

    [Fact]
    public async Task Rsvp_AfterTheDeadline_OrToACancelledEvent_Is409AndChangesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var closed = await CreateAsync(admin, Meetup(deadline: DateTimeOffset.UtcNow.AddHours(-1).ToString("o")));
        var cancelled = await CreateAsync(admin, Meetup());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        await admin.PostAsync($"/api/v1/events/{cancelled}/cancel", null, Ct);

        var late = await member.PostAsync($"/api/v1/events/{closed}/rsvp", null, Ct);
        var toCancelled = await member.PostAsync($"/api/v1/events/{cancelled}/rsvp", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, toCancelled.StatusCode);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<Rsvp>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Cancel_TellsEveryoneWhoSignedUp()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(capacity: 1));
        var a = await tenant.MemberAsync(family: "一番");
        var b = await tenant.MemberAsync(family: "二番");
        await (await tenant.ApiAsync(a)).PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);
        await (await tenant.ApiAsync(b)).PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);

        var cancel = await admin.PostAsync($"/api/v1/events/{id}/cancel", null, Ct);
        var again = await admin.PostAsync($"/api/v1/events/{id}/cancel", null, Ct);
        await App.SendQueuedMailAsync();

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Cancelled", Mailbox.Last(App, a.Email).Subject);
        Assert.Contains("Cancelled", Mailbox.Last(App, b.Email).Subject);
    }

    [Fact]
    public async Task Capacity_CannotDropBelowConfirmed_AndRaisingItPromotesTheWaitlist()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(capacity: 2));
        foreach (var name in new[] { "一", "二", "三" })
            await (await tenant.ApiAsync(await tenant.MemberAsync(family: name))).PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);

        var lower = await admin.PatchAsJsonAsync($"/api/v1/events/{id}", new { capacity = 1 }, Ct);
        var negative = await admin.PatchAsJsonAsync($"/api/v1/events/{id}", new { capacity = -5 }, Ct);
        var unchanged = await GetAsync(admin, id);
        var raise = await admin.PatchAsJsonAsync($"/api/v1/events/{id}", new { capacity = 3 }, Ct);

        await AssertValidationProblemAsync(lower, "capacity");
        await AssertValidationProblemAsync(negative, "capacity");
        Assert.Equal(2, unchanged.GetProperty("capacity").GetInt32());
        Assert.Equal(HttpStatusCode.OK, raise.StatusCode);
        var after = await JsonAsync(raise);
        Assert.Equal(3, after.GetProperty("confirmedCount").GetInt32());
        Assert.Equal(0, after.GetProperty("waitlistedCount").GetInt32());
        var unlimited = await JsonAsync(await admin.PatchAsJsonAsync($"/api/v1/events/{id}", new { noCapacityLimit = true }, Ct));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unlimited.GetProperty("capacity").ValueKind);
    }

    [Fact]
    public async Task Hybrid_HasSeparateSeatsInTheRoomAndOnline()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(capacity: 1, format: "hybrid", capacityOnline: 1));
        var offline = await CreateAsync(admin, Meetup(capacity: 5));
        var a = await tenant.ApiAsync(await tenant.MemberAsync(family: "会場"));
        var b = await tenant.ApiAsync(await tenant.MemberAsync(family: "画面"));
        var c = await tenant.ApiAsync(await tenant.MemberAsync(family: "後発"));

        var inPerson = await JsonAsync(await a.PostAsJsonAsync($"/api/v1/events/{id}/rsvp", new { mode = "inPerson" }, Ct));
        var online = await JsonAsync(await b.PostAsJsonAsync($"/api/v1/events/{id}/rsvp", new { mode = "online" }, Ct));
        var late = await JsonAsync(await c.PostAsJsonAsync($"/api/v1/events/{id}/rsvp", new { mode = "online" }, Ct));
        var wrongMode = await c.PostAsJsonAsync($"/api/v1/events/{offline}/rsvp", new { mode = "online" }, Ct);
        var badMode = await c.PostAsJsonAsync($"/api/v1/events/{offline}/rsvp", new { mode = "telepathy" }, Ct);

        Assert.Equal(("confirmed", "inPerson"), (inPerson.GetProperty("status").GetString(), inPerson.GetProperty("mode").GetString()));
        Assert.Equal(("confirmed", "online"), (online.GetProperty("status").GetString(), online.GetProperty("mode").GetString()));
        Assert.Equal("waitlisted", late.GetProperty("status").GetString());
        await AssertValidationProblemAsync(wrongMode, "mode");
        await AssertValidationProblemAsync(badMode, "mode");
    }

    [Fact]
    public async Task CheckIn_ByTicketCode_OnceOnly_AtItsOwnEventOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(capacity: 1));
        var other = await CreateAsync(admin, Meetup(capacity: 5));
        var attendee = await tenant.MemberAsync(family: "来場");
        var waitlisted = await tenant.MemberAsync(family: "待機");
        await (await tenant.ApiAsync(attendee)).PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);
        await (await tenant.ApiAsync(waitlisted)).PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);
        var code = await tenant.DbAsync(db => db.Set<Rsvp>().Where(r => r.MemberId == attendee.Id).Select(r => r.TicketCode).FirstAsync(Ct));
        var waitCode = await tenant.DbAsync(db => db.Set<Rsvp>().Where(r => r.MemberId == waitlisted.Id).Select(r => r.TicketCode).FirstAsync(Ct));

        var atOtherEvent = await admin.PostAsJsonAsync($"/api/v1/events/{other}/checkins", new { code = "oa-ticket:" + code }, Ct);
        var forged = await admin.PostAsJsonAsync($"/api/v1/events/{id}/checkins", new { code = "oa-ticket:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }, Ct);
        var notConfirmed = await admin.PostAsJsonAsync($"/api/v1/events/{id}/checkins", new { code = "oa-ticket:" + waitCode }, Ct);
        var first = await admin.PostAsJsonAsync($"/api/v1/events/{id}/checkins", new { code = "oa-ticket:" + code }, Ct);
        var reused = await admin.PostAsJsonAsync($"/api/v1/events/{id}/checkins", new { code = "oa-ticket:" + code }, Ct);
        var attendees = await JsonAsync(await admin.GetAsync($"/api/v1/events/{id}/attendees", Ct));

        Assert.Equal(HttpStatusCode.Conflict, atOtherEvent.StatusCode);
        await AssertValidationProblemAsync(forged, "code");
        Assert.Equal(HttpStatusCode.Conflict, notConfirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("来場 花子", (await JsonAsync(first)).GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Single(attendees.EnumerateArray(), a => a.GetProperty("checkedInAt").ValueKind != JsonValueKind.Null);
        Assert.Equal(1, (await GetAsync(admin, id)).GetProperty("attendedCount").GetInt32());
    }

    [Fact]
    public async Task Attendees_AsCsv_OpensInExcel_WithFormulasEscaped()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup());
        var hostile = await tenant.MemberAsync(family: "山本", edit: m => m.Organization = "=cmd|' /C calc'!A0");
        await (await tenant.ApiAsync(hostile)).PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);

        var response = await admin.GetAsync($"/api/v1/events/{id}/attendees?format=csv", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("山本 花子", text);
        Assert.DoesNotContain(",=cmd", text);
        Assert.Contains("'=cmd", text);
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

    [Fact]
    public async Task Reminders_AreQueuedOnceTheDayBefore_ForConfirmedAttendees()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var start = DateTimeOffset.UtcNow.AddDays(3);
        var id = await CreateAsync(admin, Meetup(capacity: 1, start: start));
        var attendee = await tenant.MemberAsync(family: "出席");
        var waitlisted = await tenant.MemberAsync(family: "待機");
        await (await tenant.ApiAsync(attendee)).PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);
        await (await tenant.ApiAsync(waitlisted)).PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);

        var twoDaysBefore = await App.InTenantAsync(tenant, sp => sp.GetRequiredService<EventReminders>().QueueDueAsync(start.AddDays(-2), Ct));
        var dayBefore = await App.InTenantAsync(tenant, sp => sp.GetRequiredService<EventReminders>().QueueDueAsync(start.AddHours(-23), Ct));
        var again = await App.InTenantAsync(tenant, sp => sp.GetRequiredService<EventReminders>().QueueDueAsync(start.AddHours(-22), Ct));
        await App.SendQueuedMailAsync();

        Assert.Equal(0, twoDaysBefore);
        Assert.Equal(1, dayBefore);
        Assert.Equal(0, again);
        Assert.Contains("Tomorrow", Mailbox.Last(App, attendee.Email).Subject);
        Assert.DoesNotContain(Mailbox.For(App, waitlisted.Email), m => (m.Subject ?? "").Contains("Tomorrow"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EventsApiTestsOnSqlite(SqliteApp app) : EventsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EventsApiTestsOnPostgres(PostgresApp app) : EventsApiTests(app);
