using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Events;
using static OpenAlumni.Tests.Infrastructure.EventTestData;

namespace OpenAlumni.Tests.Features.Events;

/// <summary>Capacity holds when hundreds of members sign up in the same second.</summary>
public abstract class EventConcurrencyTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task ThreeHundredSimultaneousSignUps_ForFiftySeats_Confirm50_Waitlist250_NoError()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(capacity: 50));
        var members = await tenant.ManyMembersAsync(300);
        var clients = await Task.WhenAll(members.Select(tenant.ClientForAsync));

        using var start = new SemaphoreSlim(0);
        var tasks = clients.Select(async c =>
        {
            await start.WaitAsync(Ct);
            return await c.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);
        }).ToList();
        start.Release(clients.Length);
        var responses = await Task.WhenAll(tasks);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var statuses = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString()));
        Assert.Equal(50, statuses.Count(s => s == "confirmed"));
        Assert.Equal(250, statuses.Count(s => s == "waitlisted"));
        Assert.Equal(50, await tenant.DbAsync(db => db.Set<Rsvp>().CountAsync(r => r.EventId == id && r.Status == RsvpStatus.Confirmed, Ct)));
        var e = await GetAsync(admin, id);
        Assert.Equal(50, e.GetProperty("confirmedCount").GetInt32());
        Assert.Equal(250, e.GetProperty("waitlistedCount").GetInt32());
    }

    [Fact]
    public async Task SixtySimultaneousSignUps_ForTenSeats_EachMemberIsToldTheirOwnPlace_InOneConsistentOrder()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(capacity: 10));
        var members = await tenant.ManyMembersAsync(60);
        var clients = await Task.WhenAll(members.Select(tenant.ClientForAsync));

        // The first five click twice: a click is decided once, whichever batch it lands in.
        var presses = members.Select((m, i) => (m, c: clients[i])).Concat(members.Take(5).Select((m, i) => (m, c: clients[i]))).ToList();
        using var start = new SemaphoreSlim(0);
        var tasks = presses.Select(async p =>
        {
            await start.WaitAsync(Ct);
            var response = await p.c.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);
            return (Member: p.m.Id, response.StatusCode, Body: response.StatusCode == HttpStatusCode.OK ? await JsonAsync(response) : default);
        }).ToList();
        start.Release(presses.Count);
        var answers = await Task.WhenAll(tasks);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var rows = await tenant.DbAsync(db => db.Set<Rsvp>().Where(r => r.EventId == id).OrderBy(r => r.Id).ToListAsync(Ct));
        Assert.Equal(60, rows.Count);
        // One queue: the ten seats went to the ten earliest sign-ups, and nobody confirmed came after someone waitlisted.
        Assert.All(rows.Take(10), r => Assert.Equal(RsvpStatus.Confirmed, r.Status));
        Assert.All(rows.Skip(10), r => Assert.Equal(RsvpStatus.Waitlisted, r.Status));
        var place = rows.Skip(10).Select((r, i) => (r.MemberId, Place: i + 1)).ToDictionary(x => x.MemberId, x => x.Place);
        foreach (var a in answers)
        {
            // Each response tells its own member what the database holds for them, and a waitlisted member their place.
            var mine = rows.Single(r => r.MemberId == a.Member);
            Assert.Equal(mine.Status == RsvpStatus.Confirmed ? "confirmed" : "waitlisted", a.Body.GetProperty("status").GetString());
            if (mine.Status == RsvpStatus.Waitlisted) Assert.Equal(place[a.Member], a.Body.GetProperty("waitlistPosition").GetInt32());
            else Assert.False(a.Body.TryGetProperty("waitlistPosition", out var p) && p.ValueKind != JsonValueKind.Null);
        }
        var e = await GetAsync(admin, id);
        Assert.Equal(10, e.GetProperty("confirmedCount").GetInt32());
        Assert.Equal(50, e.GetProperty("waitlistedCount").GetInt32());
    }

    [Fact]
    public async Task SimultaneousCancellations_PromoteEachWaitlistedMemberOnce_InOrder()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(capacity: 10));
        var members = await tenant.ManyMembersAsync(20);
        var clients = await Task.WhenAll(members.Select(tenant.ClientForAsync));
        foreach (var c in clients) await c.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);

        var cancels = await Task.WhenAll(clients.Take(5).Select(c => c.DeleteAsync($"/api/v1/events/{id}/rsvp", Ct)));

        Assert.All(cancels, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var confirmed = await tenant.DbAsync(db => db.Set<Rsvp>().Where(r => r.EventId == id && r.Status == RsvpStatus.Confirmed).Select(r => r.MemberId).ToListAsync(Ct));
        Assert.Equal(10, confirmed.Count);
        Assert.Equal(members.Skip(5).Take(10).Select(m => m.Id).Order(), confirmed.Order());
        Assert.Equal(10, (await GetAsync(admin, id)).GetProperty("confirmedCount").GetInt32());
    }

    [Fact]
    public async Task CalendarFeed_AskedForTheFirstTimeManyTimesAtOnce_GivesEveryoneTheSameUrl()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ClientForAsync(await tenant.MemberAsync());

        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 8).Select(async _ =>
        {
            await start.WaitAsync(Ct);
            return await member.GetAsync("/api/v1/me/calendar", Ct);
        }).ToList();
        start.Release(8);
        var responses = await Task.WhenAll(tasks);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var urls = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("url").GetString()));
        Assert.Single(urls.Distinct());
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<CalendarFeed>().CountAsync(Ct)));
    }

    [Fact]
    public async Task PitchDecision_ByTwoAdminsAtOnce_OneDecides_TheOtherGets409()
    {
        var tenant = await App.CreateTenantAsync();
        var admins = new[] { await tenant.ClientForAsync(await tenant.AdminAsync()), await tenant.ClientForAsync(await tenant.AdminAsync()) };
        var id = await CreateAsync(admins[0], Meetup(kind: "pitch"));
        var pitchers = await tenant.ManyMembersAsync(5);
        var pitches = new List<long>();
        foreach (var p in pitchers)
            pitches.Add((await JsonAsync(await (await tenant.ClientForAsync(p)).PostAsJsonAsync($"/api/v1/events/{id}/pitches", new { title = "t", summary = "s" }, Ct))).GetProperty("id").GetInt64());

        foreach (var pitch in pitches)
        {
            using var start = new SemaphoreSlim(0);
            var decisions = new[] { "accept", "decline" }.Select(async (verb, i) =>
            {
                await start.WaitAsync(Ct);
                return await admins[i].PostAsync($"/api/v1/events/{id}/pitches/{pitch}/{verb}", null, Ct);
            }).ToList();
            start.Release(2);
            var answers = await Task.WhenAll(decisions);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            var winner = answers[0].StatusCode == HttpStatusCode.OK ? PitchStatus.Accepted : PitchStatus.Declined;
            Assert.Equal(winner, await tenant.DbAsync(db => db.Set<Pitch>().Where(p => p.Id == pitch).Select(p => p.Status).SingleAsync(Ct)));
        }
        var accepted = await tenant.DbAsync(db => db.Set<Pitch>().Where(p => p.EventId == id && p.Status == PitchStatus.Accepted).Select(p => p.Position).ToListAsync(Ct));
        Assert.Equal(Enumerable.Range(1, accepted.Count).Select(n => (int?)n), accepted.Order());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EventConcurrencyTestsOnSqlite(SqliteApp app) : EventConcurrencyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EventConcurrencyTestsOnPostgres(PostgresApp app) : EventConcurrencyTests(app);
