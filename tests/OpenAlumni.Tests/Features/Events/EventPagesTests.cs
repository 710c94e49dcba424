using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Events;

namespace OpenAlumni.Tests.Features.Events;

/// <summary>
/// The events pages over HTTP: who may open and post what, the form's time zone, and the door page's JSON
/// handlers (the journeys in a real browser are in OpenAlumni.BrowserTests).
/// </summary>
public abstract class EventPagesTests(AlumniApp app) : AppTest(app)
{
    [Theory]
    [InlineData("/events/edit")]
    [InlineData("/events/edit?id={0}")]
    [InlineData("/events/attendees?id={0}")]
    [InlineData("/events/checkin?id={0}")]
    public async Task AdminPages_AreNotForMembers(string path)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var id = await CreateEventAsync(tenant, admin.Id, EventStatus.Published);
        var member = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);

        var response = await browser.GetAsync(string.Format(path, id), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/accounts/accessdenied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task PublishHandler_PostedByAMember_IsRefusedAndTheDraftStays()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var id = await CreateEventAsync(tenant, admin.Id, EventStatus.Draft);
        var member = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);

        var response = await Forms.PostAsync(browser, $"/events/edit?handler=Publish&id={id}", new Dictionary<string, string>(), "/events");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/accounts/accessdenied", response.Headers.Location!.ToString());
        Assert.Equal(EventStatus.Draft, await tenant.DbAsync(db => db.Set<Event>().Where(e => e.Id == id).Select(e => e.Status).FirstAsync()));
    }

    [Fact]
    public async Task DraftEvent_IsNotFoundForMembers_AndShownToAdmins()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var id = await CreateEventAsync(tenant, admin.Id, EventStatus.Draft);
        var member = await tenant.MemberAsync();
        var memberBrowser = tenant.Client();
        await Forms.SignInAsync(memberBrowser, member.Email, member.Password);
        var adminBrowser = tenant.Client();
        await Forms.SignInAsync(adminBrowser, admin.Email, admin.Password);

        var asMember = await memberBrowser.GetAsync($"/events/{id}", Ct);
        var list = await memberBrowser.GetStringAsync("/events", Ct);
        var asAdmin = await adminBrowser.GetStringAsync($"/events/{id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, asMember.StatusCode);
        Assert.DoesNotContain("Spring meetup", list);
        Assert.Contains("Spring meetup", asAdmin);
        Assert.Contains("data-testid=\"admin-tools\"", asAdmin);
    }

    [Fact]
    public async Task EditPage_TakesTimesInTheNetworksTimeZone()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, admin.Email, admin.Password);

        var response = await Forms.PostAsync(browser, "/events/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Autumn AGM", ["Input.Kind"] = "agm", ["Input.Format"] = "online", ["Input.Audience"] = "all",
            ["Input.StartsAt"] = "2030-10-01T18:30", ["Input.EndsAt"] = "2030-10-01T20:00", ["Input.Capacity"] = "200", ["Input.Publish"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await tenant.DbAsync(db => db.Set<Event>().AsNoTracking().SingleAsync(e => e.Title == "Autumn AGM"));
        // Asia/Tokyo is UTC+9.
        Assert.Equal(new DateTimeOffset(2030, 10, 1, 9, 30, 0, TimeSpan.Zero), saved.StartsAt.ToUniversalTime());
        Assert.Equal(200, saved.CapacityOnline);
        Assert.Equal(EventStatus.Published, saved.Status);
        Assert.Equal($"/events/{saved.Id}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task EditPage_WithBadFields_ShowsEachByItsFieldAndSavesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, admin.Email, admin.Password);

        var response = await Forms.PostAsync(browser, "/events/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.Kind"] = "pitch", ["Input.Format"] = "offline", ["Input.Audience"] = "all",
            ["Input.StartsAt"] = "2030-10-01T18:30", ["Input.EndsAt"] = "2030-10-01T17:00", ["Input.Capacity"] = "-1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input_Title-err\">この項目は必須です。", html);
        Assert.Contains("id=\"Input_EndsAt-err\">終了日時は開始日時より後にしてください。", html);
        Assert.Contains("id=\"Input_Venue-err\">この項目は必須です。", html);
        Assert.Contains("id=\"Input_Capacity-err\">定員は0〜100000の数で入力してください（空欄は上限なし）。", html);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<Event>().CountAsync()));
    }

    [Fact]
    public async Task CheckInHandlers_AnswerJson_WithTheTokenInTheHeader_AndRefuseASecondUse()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var id = await CreateEventAsync(tenant, admin.Id, EventStatus.Published);
        var member = await tenant.MemberAsync(family: "木村", given: "拓也");
        var memberBrowser = tenant.Client();
        await Forms.SignInAsync(memberBrowser, member.Email, member.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(memberBrowser, $"/events/{id}?handler=Rsvp", new Dictionary<string, string>(), $"/events/{id}")).StatusCode);
        var code = await tenant.DbAsync(db => db.Set<Rsvp>().Where(r => r.EventId == id).Select(r => r.TicketCode).SingleAsync());
        var door = tenant.Client();
        await Forms.SignInAsync(door, admin.Email, admin.Password);
        var token = await Forms.GetTokenAsync(door, $"/events/checkin?id={id}");

        var withoutToken = await PostCodeAsync(door, id, code, token: null);
        var first = await PostCodeAsync(door, id, RsvpService.TicketPrefix + code, token);
        var second = await PostCodeAsync(door, id, RsvpService.TicketPrefix + code, token);
        var forged = await PostCodeAsync(door, id, RsvpService.TicketPrefix + "forged-code", token);
        var attendance = await door.GetFromJsonAsync<System.Text.Json.JsonElement>($"/events/checkin?handler=Attendance&id={id}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var ok = await JsonAsync(first);
        Assert.True(ok.GetProperty("ok").GetBoolean());
        // The admin made by the operator command works in Japanese.
        Assert.Equal("受付完了：木村 拓也 さん（会場参加）", ok.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("このチケットは既に受付済みです。", (await JsonAsync(second)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("無効なチケットです。", (await JsonAsync(forged)).GetProperty("message").GetString());
        Assert.Equal(1, attendance.GetProperty("attended").GetInt32());
        Assert.NotNull(attendance.GetProperty("items")[0].GetProperty("checkedInAt").GetString());
    }

    [Fact]
    public async Task TicketPage_IsOnlyForConfirmedAttendees()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var id = await CreateEventAsync(tenant, admin.Id, EventStatus.Published, capacity: 1);
        var first = await tenant.MemberAsync(given: "一郎");
        var second = await tenant.MemberAsync(given: "二郎");
        var firstBrowser = tenant.Client();
        await Forms.SignInAsync(firstBrowser, first.Email, first.Password);
        var secondBrowser = tenant.Client();
        await Forms.SignInAsync(secondBrowser, second.Email, second.Password);
        await Forms.PostAsync(firstBrowser, $"/events/{id}?handler=Rsvp", new Dictionary<string, string>(), $"/events/{id}");
        await Forms.PostAsync(secondBrowser, $"/events/{id}?handler=Rsvp", new Dictionary<string, string>(), $"/events/{id}");

        var confirmed = await firstBrowser.GetAsync($"/events/ticket?id={id}", Ct);
        var waitlisted = await secondBrowser.GetAsync($"/events/ticket?id={id}", Ct);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("<svg", await confirmed.Content.ReadAsStringAsync(Ct));
        Assert.True(confirmed.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.NotFound, waitlisted.StatusCode);
    }

    static async Task<HttpResponseMessage> PostCodeAsync(HttpClient client, long id, string code, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/events/checkin?handler=Code&id={id}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        if (token is not null) request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>An in-person event a month ahead, made in the database: these tests are about the pages around it.</summary>
    static Task<long> CreateEventAsync(TestTenant tenant, long adminId, EventStatus status, int? capacity = 30) =>
        tenant.DbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var e = new Event
            {
                Title = "Spring meetup", Kind = EventKind.Meetup, Format = EventFormat.Offline, Status = status, Audience = EventAudience.All,
                StartsAt = now.AddDays(30), EndsAt = now.AddDays(30).AddHours(2), Venue = "Head office", CapacityInPerson = capacity,
                CreatedByMemberId = adminId, CreatedAt = now, UpdatedAt = now, PublishedAt = status == EventStatus.Draft ? null : now,
            };
            db.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
}

[Collection(SqliteCollection.Name)]
public sealed class EventPagesTestsOnSqlite(SqliteApp app) : EventPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EventPagesTestsOnPostgres(PostgresApp app) : EventPagesTests(app);
