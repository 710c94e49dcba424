using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Analytics;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Roster;
using static OpenAlumni.Tests.Features.Analytics.AnalyticsTestData;

namespace OpenAlumni.Tests.Features.Analytics;

public abstract class AnalyticsTests(AlumniApp app) : AppTest(app)
{
    /// <summary>
    /// A known quarter (Jan to Mar 2025, Tokyo): alumni A1 (Jan), A2 (Jan), employee E (Feb), one alumnus from
    /// before (Dec 2024), one pending applicant (Jan). A1 active in Jan and Feb, E at the end of March. Two updates by
    /// A1 (Jan), one announcement by the admin (Feb), a comment by E (Mar) and two reactions; one event in Feb with
    /// two confirmed sign-ups (one checked in) and one on the waitlist.
    /// </summary>
    static async Task<(TestTenant Tenant, HttpClient Admin)> QuarterAsync(AlumniApp app)
    {
        var tenant = await app.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        var admin = await tenant.ApiAsync(adminMember);
        var a1 = await tenant.MemberAsync(edit: m => m.CreatedAt = At(1, 10));
        var a2 = await tenant.MemberAsync(edit: m => m.CreatedAt = At(1, 20));
        var e = await tenant.MemberAsync(MemberKind.Employee, edit: m => m.CreatedAt = At(2, 10));
        await tenant.MemberAsync(edit: m => m.CreatedAt = new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await tenant.MemberAsync(status: MemberStatus.Pending, edit: m => m.CreatedAt = At(1, 15));
        await tenant.DbAsync(async db =>
        {
            db.AddRange(new MemberActivity { MemberId = a1.Id, Day = new DateOnly(2025, 1, 20) }, new MemberActivity { MemberId = a1.Id, Day = new DateOnly(2025, 2, 5) },
                new MemberActivity { MemberId = e.Id, Day = new DateOnly(2025, 3, 30) }, new MemberActivity { MemberId = a1.Id, Day = new DateOnly(2025, 6, 1) });
            Post P(Room room, long author, DateTimeOffset at) => new() { Room = room, Title = "t", Body = "b", BodyHtml = "b", AuthorMemberId = author, Status = PostStatus.Published, CreatedAt = at, PublishedAt = at };
            var u1 = P(Room.Updates, a1.Id, At(1, 12));
            db.AddRange(u1, P(Room.Updates, a1.Id, At(1, 13)), P(Room.Announcements, adminMember.Id, At(2, 1)));
            await db.SaveChangesAsync(Ct);
            db.AddRange(new Comment { PostId = u1.Id, AuthorMemberId = e.Id, Body = "c", BodyHtml = "c", CreatedAt = At(3, 3) },
                new Reaction { PostId = u1.Id, MemberId = e.Id, Kind = ReactionKind.Like, CreatedAt = At(1, 14) },
                new Reaction { PostId = u1.Id, MemberId = a2.Id, Kind = ReactionKind.Thanks, CreatedAt = At(1, 14) });
            var ev = new Event { Title = "交流会", Kind = EventKind.Meetup, Format = EventFormat.Offline, Status = EventStatus.Published, StartsAt = At(2, 20), EndsAt = At(2, 20).AddHours(2),
                CreatedByMemberId = adminMember.Id, CreatedAt = At(1, 1), UpdatedAt = At(1, 1), CapacityInPerson = 10, ConfirmedInPerson = 2 };
            db.Add(ev);
            await db.SaveChangesAsync(Ct);
            db.AddRange(
                new Rsvp { EventId = ev.Id, MemberId = a1.Id, Status = RsvpStatus.Confirmed, TicketCode = Guid.NewGuid().ToString("N"), CreatedAt = At(2, 1), UpdatedAt = At(2, 1), CheckedInAt = At(2, 20) },
                new Rsvp { EventId = ev.Id, MemberId = e.Id, Status = RsvpStatus.Confirmed, TicketCode = Guid.NewGuid().ToString("N"), CreatedAt = At(2, 1), UpdatedAt = At(2, 1) },
                new Rsvp { EventId = ev.Id, MemberId = a2.Id, Status = RsvpStatus.Waitlisted, TicketCode = Guid.NewGuid().ToString("N"), CreatedAt = At(2, 1), UpdatedAt = At(2, 1) });
            return await db.SaveChangesAsync(Ct);
        });
        return (tenant, admin);
    }

    [Fact]
    public async Task Dashboard_CountsAKnownQuarterExactly()
    {
        var (tenant, admin) = await QuarterAsync(App);
        // Another network's activity in the same quarter counts nowhere here.
        var (_, _) = await QuarterAsync(App);

        var data = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics?" + Period, Ct);

        Assert.Equal([3, 3, 3], Series(data, "members", "alumni"));
        Assert.Equal([0, 1, 1], Series(data, "members", "employees"));
        Assert.Equal([0, 4, 3, 2], Series(data, "funnel", "members"));
        Assert.Equal([1, 1, 1], Series(data, "active", "monthlyActive"));
        Assert.Equal(1, Series(data, "weekly", "weeklyActive").Last());
        Assert.Equal([1, 2, 0], Series(data, "rooms", "posts"));
        Assert.Equal([0, 1, 0], Series(data, "rooms", "comments"));
        Assert.Equal([0, 2, 0], Series(data, "rooms", "reactions"));
        Assert.Equal([0, 1, 0], Series(data, "events", "held"));
        Assert.Equal([0, 2, 0], Series(data, "events", "signups"));
        Assert.Equal([0, 1, 0], Series(data, "events", "attended"));
        var h = data.GetProperty("headline");
        Assert.Equal(4, h.GetProperty("members").GetInt32());
        Assert.Equal(3, h.GetProperty("newMembers").GetInt32());
        Assert.Equal(1, h.GetProperty("activeMonthly").GetInt32());
        Assert.Equal(0.5, h.GetProperty("attendanceRate").GetDouble());
    }

    [Fact]
    public async Task Dashboard_SegmentsByKindAndDepartment()
    {
        var (tenant, admin) = await QuarterAsync(App);
        // One employee: a figure of that segment would be a person's. Five more today (after the quarter) make it a group.
        var tooSmall = await admin.GetAsync("/api/v1/admin/analytics?kind=Employee&" + Period, Ct);
        await tenant.ManyMembersAsync(5, MemberKind.Employee);

        var employees = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics?kind=Employee&" + Period, Ct);
        var department = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics?department=総務部&" + Period, Ct);

        await AssertValidationProblemAsync(tooSmall, "kind");
        Assert.Equal([0, 0, 0], Series(employees, "members", "alumni"));
        Assert.Equal([0, 1, 1], Series(employees, "members", "employees"));
        Assert.Equal([1, 0, 0], Series(employees, "rooms", "posts"));
        Assert.Equal([0, 1, 0], Series(employees, "events", "signups"));
        Assert.Equal([0, 2, 0], Series(department, "rooms", "posts"));
    }

    [Fact]
    public async Task Dashboard_IsForAdminsOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var api = await tenant.ApiAsync(member);
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);

        var byMember = await api.GetAsync("/api/v1/admin/analytics", Ct);
        var csvByMember = await api.GetAsync("/api/v1/admin/analytics/members.csv", Ct);
        var anonymous = await tenant.Client().GetAsync("/api/v1/admin/analytics", Ct);
        var page = await browser.GetAsync("/admin/analytics", Ct);
        var report = await browser.GetAsync("/admin/analytics/report", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, csvByMember.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("/accounts/accessdenied", page.Headers.Location?.ToString());
        Assert.Contains("/accounts/accessdenied", report.Headers.Location?.ToString());
    }

    [Fact]
    public async Task DashboardPage_AndValueReport_ShowChartsTablesAndCsvLinks_WithChartJsServedLocally()
    {
        var (tenant, admin) = await QuarterAsync(App);

        var page = await admin.GetStringAsync("/admin/analytics?" + Period, Ct);
        var report = await admin.GetStringAsync("/admin/analytics/report?" + Period, Ct);
        var script = await admin.GetAsync("/lib/chartjs/chart.umd.min.js", Ct);

        Assert.Contains("<canvas id=\"chart-members\"", page);
        Assert.Contains("data-testid=\"table-rooms\"", page);
        Assert.Contains("href=\"/api/v1/admin/analytics/events.csv?from=2025-01-01&amp;to=2025-03-31\"", page);
        Assert.Contains("/lib/chartjs/chart.umd.min.js", page);
        Assert.DoesNotContain("cdn", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data-testid=\"value-report\"", report);
        Assert.Contains("data-testid=\"featured-collaborations\"", report);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Csv_HasABom_LocalizedHeaders_AndTheChartsRows()
    {
        var (_, admin) = await QuarterAsync(App);
        admin.DefaultRequestHeaders.AcceptLanguage.Clear();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");

        var response = await admin.GetAsync("/api/v1/admin/analytics/rooms.csv?" + Period, Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var unknown = await admin.GetAsync("/api/v1/admin/analytics/salaries.csv", Ct);
        var badPeriod = await admin.GetAsync("/api/v1/admin/analytics?from=2025-05-01&to=2025-01-01", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("ルーム,投稿,コメント,リアクション\r\nお知らせ,1,0,0\r\n近況,2,1,2\r\n告知・相談,0,0,0\r\n", text);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await AssertValidationProblemAsync(badPeriod, "from");
    }

    [Fact]
    public async Task DemoNetwork_ShowsAYearOfLife_OnTheDashboard()
    {
        var client = await (await DemoTenant.SeedAsync(App)).AdminAsync();

        var data = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics", Ct);
        var policy = await client.GetFromJsonAsync<JsonElement>("/api/v1/privacy/policy", Ct);

        var alumni = Series(data, "members", "alumni");
        Assert.Equal(12, alumni.Length);
        Assert.True(alumni.Last() > alumni.First());
        Assert.True(Series(data, "active", "monthlyActive").Count(v => v > 5) >= 10);
        Assert.True(Series(data, "events", "held").Count(v => v > 0) >= 6);
        Assert.True(Series(data, "rooms", "posts").Sum() > 20);
        Assert.InRange(data.GetProperty("headline").GetProperty("staleProfiles").GetInt32(), 1, 20);
        // The demo's collaborations and job board show on the wired charts too.
        Assert.True(data.GetProperty("headline").GetProperty("collaborations").GetInt32() > 0);
        Assert.True(Series(data, "rehires", "interests").Sum() > 0);
        var report = await client.GetStringAsync("/admin/analytics/report", Ct);
        Assert.DoesNotContain("data-testid=\"featured-none\"", report);
        Assert.Equal(2, policy.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Activity_IsOneRowPerMemberAndDay()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var api = await tenant.ApiAsync(member);

        await api.GetAsync("/api/v1/members/me", Ct);
        await api.GetAsync("/api/v1/posts", Ct);
        await api.GetAsync("/api/v1/events", Ct);

        var days = await tenant.DbAsync(db => db.Set<MemberActivity>().Where(a => a.MemberId == member.Id).ToListAsync(Ct));
        Assert.Single(days);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), days[0].Day);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AnalyticsTestsOnSqlite(SqliteApp app) : AnalyticsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AnalyticsTestsOnPostgres(PostgresApp app) : AnalyticsTests(app);
