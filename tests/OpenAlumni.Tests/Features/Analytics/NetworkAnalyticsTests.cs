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

/// <summary>The dashboard's charts of the network's other features: consultations, collaborations, the rehire board and invitations.</summary>
public abstract class NetworkAnalyticsTests(AlumniApp app) : AppTest(app)
{
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
    /// referral (Mar), a rehire recorded from it (Mar); two invitations sent in Feb and one today (outside the quarter).
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
        // A hires through the opening (recorded in the ledger, dated the day they signed).
        await PostOkAsync(admin, "/api/v1/outcomes", new { kind = "rehire", date = "2025-03-10", memberIds = new[] { a.Id }, source = new { type = "job", id = job } });
        // Four more employees, today: the employee segment is a group of five, which the dashboard may show.
        await tenant.ManyMembersAsync(4, MemberKind.Employee);

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
        Assert.Equal([0, 0, 1], Series(data, "rehires", "hires"));
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
        Assert.Equal("月,応募意思,紹介,公開した求人,採用（記録）\r\n2025-01,1,0,1,0\r\n2025-02,1,0,0,0\r\n2025-03,0,1,0,1\r\n", Encoding.UTF8.GetString(rehires, 3, rehires.Length - 3));
        Assert.Contains($"data-testid=\"featured-{featured}\"", report);
        Assert.Contains("共同配送", report);
        Assert.Contains("DX推進室", report);
        Assert.DoesNotContain("社内ハッカソン", report);
        Assert.DoesNotContain("未承認の提案", report);
        // The featured collaboration names nobody; the rehire in the notable outcomes names the one hired (who may hide it).
        var notable = report.IndexOf("data-testid=\"notable-outcomes\"", StringComparison.Ordinal);
        Assert.DoesNotContain("高橋", report[..notable]);
        Assert.Contains("高橋", report[notable..]);
        Assert.DoesNotContain("WIRE", report);
        Assert.Contains("data-testid=\"featured-none\"", before);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NetworkAnalyticsTestsOnSqlite(SqliteApp app) : NetworkAnalyticsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NetworkAnalyticsTestsOnPostgres(PostgresApp app) : NetworkAnalyticsTests(app);
