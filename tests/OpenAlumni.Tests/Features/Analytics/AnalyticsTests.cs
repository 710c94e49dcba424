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

namespace OpenAlumni.Tests.Features.Analytics;

public abstract class AnalyticsTests(AlumniApp app) : AppTest(app)
{
    const string Period = "from=2025-01-01&to=2025-03-31";
    static DateTimeOffset At(int month, int day) => new(2025, month, day, 3, 0, 0, TimeSpan.Zero);

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

    static double[] Series(JsonElement data, string chart, string series) =>
        data.GetProperty("charts").EnumerateArray().First(c => c.GetProperty("id").GetString() == chart)
            .GetProperty("series").EnumerateArray().First(s => s.GetProperty("name").GetString() == series)
            .GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();

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
        var (_, admin) = await QuarterAsync(App);

        var employees = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics?kind=Employee&" + Period, Ct);
        var department = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics?department=総務部&" + Period, Ct);

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

    static async Task<JsonElement> PostOkAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>
    /// The network's other features in the same quarter, made through the API on the day each happened:
    /// consultations E→A (asked Jan, accepted Feb), E→B (asked Feb, never answered), A→B (asked and accepted Mar);
    /// collaboration "共同配送" talking (Jan) → poc (Feb) → contract (Mar), "社内ハッカソン" idea (Jan) → stopped (Mar),
    /// and a member's proposal never accepted; one opening published in Jan, interests by A (Jan) and B (Feb), one
    /// referral (Mar); two invitations sent in Feb and one today (outside the quarter).
    /// </summary>
    static async Task<(TestTenant Tenant, HttpClient Admin, long Featured)> NetworkQuarterAsync(AlumniApp app)
    {
        var tenant = await app.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        static void Open(Member m) => m.OpenTo = OpenTo.Consultation | OpenTo.Rehire;
        var a = await tenant.MemberAsync(edit: Open, family: "高橋", given: "健");
        var b = await tenant.MemberAsync(edit: Open, family: "佐藤", given: "陽子");
        var e = await tenant.MemberAsync(MemberKind.Employee, "田中", "美咲");

        // An app of its own whose clock the quarter's days are set on, in order (a fake clock only moves forward).
        var clock = new FakeTimeProvider(At(1, 3));
        await using var then = app.WithClock(clock);
        var lifetime = TimeSpan.FromHours(1); // tokens minted now are valid at any earlier time
        var (admin, aApi, bApi, eApi) = (await tenant.ClientForAsync(adminMember, then, lifetime), await tenant.ClientForAsync(a, then, lifetime),
            await tenant.ClientForAsync(b, then, lifetime), await tenant.ClientForAsync(e, then, lifetime));
        object Ask(long to) => new { memberId = to, topic = "新規事業の立ち上げについて", goal = "進め方を伺いたいです", format = "onlineCall" };
        object Collab(string title, string stage) => new { title, description = "説明", stage, memberIds = new[] { a.Id }, departments = new[] { "DX推進室", "機械・インフラ本部" } };
        async Task Patch(long collaboration, object body) =>
            Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/v1/collaborations/{collaboration}", body, Ct)).StatusCode);

        var job = (await PostOkAsync(admin, "/api/v1/jobs", new { title = "事業開発", department = "機械・インフラ本部", location = "東京", remote = "hybrid",
            description = "d", howToApply = "recruit@example.com", closesAt = At(1, 3).AddDays(120).ToString("yyyy-MM-dd") })).GetProperty("id").GetInt64();
        clock.SetUtcNow(At(1, 5));
        var delivery = (await PostOkAsync(admin, "/api/v1/collaborations", Collab("共同配送", "talking"))).GetProperty("collaboration").GetProperty("id").GetInt64();
        await PostOkAsync(aApi, "/api/v1/collaborations", Collab("未承認の提案", "launched"));
        clock.SetUtcNow(At(1, 15));
        await PostOkAsync(aApi, $"/api/v1/jobs/{job}/interest", new { consent = true }, HttpStatusCode.OK);
        clock.SetUtcNow(At(1, 20));
        var hackathon = (await PostOkAsync(admin, "/api/v1/collaborations", Collab("社内ハッカソン", "idea"))).GetProperty("collaboration").GetProperty("id").GetInt64();
        clock.SetUtcNow(At(1, 25)); // answered within the 14 days a request waits
        var c1 = (await PostOkAsync(eApi, "/api/v1/consultations", Ask(a.Id))).GetProperty("id").GetInt64();
        clock.SetUtcNow(At(2, 1));
        await PostOkAsync(admin, "/api/v1/admin/invitations", new { emails = "x1@example.com\ny1@example.com" }, HttpStatusCode.OK);
        clock.SetUtcNow(At(2, 2));
        await PostOkAsync(aApi, $"/api/v1/consultations/{c1}/accept", new { }, HttpStatusCode.OK);
        clock.SetUtcNow(At(2, 5));
        await PostOkAsync(eApi, "/api/v1/consultations", Ask(b.Id));
        clock.SetUtcNow(At(2, 10));
        await Patch(delivery, new { stage = "poc" });
        clock.SetUtcNow(At(2, 15));
        await PostOkAsync(bApi, $"/api/v1/jobs/{job}/interest", new { consent = false }, HttpStatusCode.OK);
        clock.SetUtcNow(At(3, 1));
        var c3 = (await PostOkAsync(aApi, "/api/v1/consultations", Ask(b.Id))).GetProperty("id").GetInt64();
        clock.SetUtcNow(At(3, 2));
        await PostOkAsync(eApi, $"/api/v1/jobs/{job}/referrals", new { name = "鈴木一郎", email = "ichiro@example.com", note = "元同僚" });
        clock.SetUtcNow(At(3, 3));
        await PostOkAsync(bApi, $"/api/v1/consultations/{c3}/accept", new { }, HttpStatusCode.OK);
        clock.SetUtcNow(At(3, 5));
        await Patch(hackathon, new { stage = "stopped", reason = "予算なし" });
        clock.SetUtcNow(At(3, 20));
        await Patch(delivery, new { stage = "contract" });

        var today = await tenant.ApiAsync(adminMember);
        await PostOkAsync(today, "/api/v1/admin/invitations", new { emails = "today@example.com" }, HttpStatusCode.OK);
        return (tenant, today, delivery);
    }

    [Fact]
    public async Task Dashboard_CountsConsultationsCollaborationsRehireBoardAndInvitations_Exactly()
    {
        var (_, admin, _) = await NetworkQuarterAsync(App);
        // Another network's identical quarter counts nowhere here.
        await NetworkQuarterAsync(App);

        var data = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics?" + Period, Ct);
        var employees = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics?kind=Employee&" + Period, Ct);

        Assert.Equal([1, 1, 1], Series(data, "consultations", "requested"));
        Assert.Equal([0, 1, 1], Series(data, "consultations", "accepted"));
        Assert.Equal([1, 1, 0], Series(data, "collaborations", "idea"));
        Assert.Equal([1, 0, 0], Series(data, "collaborations", "talking"));
        Assert.Equal([0, 1, 0], Series(data, "collaborations", "poc"));
        Assert.Equal([0, 0, 1], Series(data, "collaborations", "contract"));
        Assert.Equal([0, 0, 0], Series(data, "collaborations", "launched"));
        Assert.Equal([0, 0, 1], Series(data, "collaborations", "stopped"));
        Assert.Equal([1, 1, 0], Series(data, "rehires", "interests"));
        Assert.Equal([0, 0, 1], Series(data, "rehires", "referrals"));
        Assert.Equal([1, 0, 0], Series(data, "rehires", "openings"));
        Assert.Equal([2, 0, 0, 0], Series(data, "funnel", "members"));
        var h = data.GetProperty("headline");
        Assert.Equal(3, h.GetProperty("consultationsRequested").GetInt32());
        Assert.Equal(2, h.GetProperty("consultationsAccepted").GetInt32());
        Assert.Equal(1, h.GetProperty("collaborations").GetInt32());
        Assert.Equal(2, h.GetProperty("rehireInterests").GetInt32());
        // Segmented to employees: the consultations E took part in, E's referral, no alumni interest.
        Assert.Equal([1, 1, 0], Series(employees, "consultations", "requested"));
        Assert.Equal([0, 1, 0], Series(employees, "consultations", "accepted"));
        Assert.Equal([0, 0, 0], Series(employees, "rehires", "interests"));
        Assert.Equal([0, 0, 1], Series(employees, "rehires", "referrals"));
    }

    [Fact]
    public async Task NetworkCharts_HaveTablesAndCsv_AndTheReportFeaturesCollaborationsWithoutNames()
    {
        var (_, admin, featured) = await NetworkQuarterAsync(App);
        admin.DefaultRequestHeaders.AcceptLanguage.Clear();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");

        var page = await admin.GetStringAsync("/admin/analytics?" + Period, Ct);
        var report = await admin.GetStringAsync("/admin/analytics/report?" + Period, Ct);
        var before = await admin.GetStringAsync("/admin/analytics/report?from=2024-01-01&to=2024-12-31", Ct);
        var csv = await admin.GetByteArrayAsync("/api/v1/admin/analytics/collaborations.csv?" + Period, Ct);
        var rehires = await admin.GetByteArrayAsync("/api/v1/admin/analytics/rehires.csv?" + Period, Ct);

        foreach (var chart in new[] { "consultations", "collaborations", "rehires" })
        {
            Assert.Contains($"data-testid=\"table-{chart}\"", page);
            Assert.Contains($"href=\"/api/v1/admin/analytics/{chart}.csv?from=2025-01-01&amp;to=2025-03-31\"", page);
        }
        Assert.Equal("月,アイデア,協議中,PoC（実証）,契約,ローンチ,中止\r\n2025-01,1,1,0,0,0,0\r\n2025-02,1,0,1,0,0,0\r\n2025-03,0,0,0,1,0,1\r\n",
            Encoding.UTF8.GetString(csv, 3, csv.Length - 3));
        Assert.Equal("月,応募意思,紹介,公開した求人\r\n2025-01,1,0,1\r\n2025-02,1,0,0\r\n2025-03,0,1,0\r\n", Encoding.UTF8.GetString(rehires, 3, rehires.Length - 3));
        Assert.Contains($"data-testid=\"featured-{featured}\"", report);
        Assert.Contains("共同配送", report);
        Assert.Contains("DX推進室", report);
        Assert.DoesNotContain("社内ハッカソン", report);
        Assert.DoesNotContain("未承認の提案", report);
        Assert.DoesNotContain("高橋", report);
        Assert.DoesNotContain("WIRE", report);
        Assert.Contains("data-testid=\"featured-none\"", before);
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
