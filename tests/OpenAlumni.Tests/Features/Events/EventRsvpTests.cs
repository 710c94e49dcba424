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

/// <summary>Signing up for an event: seats, the waitlist, cancelling, check-in, the attendee list and reminders.</summary>
public abstract class EventRsvpTests(AlumniApp app) : AppTest(app)
{
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
public sealed class EventRsvpTestsOnSqlite(SqliteApp app) : EventRsvpTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EventRsvpTestsOnPostgres(PostgresApp app) : EventRsvpTests(app);
