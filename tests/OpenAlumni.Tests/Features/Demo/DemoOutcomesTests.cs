using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Demo;

namespace OpenAlumni.Tests.Features.Demo;

/// <summary>The demo network shows a year of outcomes, each linked to where it came from, and its value report.</summary>
public abstract class DemoOutcomesTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task DemoNetwork_ShowsAYearOfOutcomes_WithTheirSources_AndTheValueReport()
    {
        var demo = await DemoTenant.SeedAsync(App);
        var admin = await demo.AdminAsync();
        var hanako = await demo.ApiAsync(DemoTenant.MemberEmail, DemoSeeder.MemberPassword);

        var ledger = await admin.GetFromJsonAsync<JsonElement>("/api/v1/outcomes", Ct);
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics/outcomes", Ct);
        var mine = await hanako.GetFromJsonAsync<JsonElement>("/api/v1/me/outcomes", Ct);

        Assert.Equal(19, ledger.GetProperty("total").GetInt32());
        // Entered values, plus ¥3,000,000 for each of three rehires, ¥1,500,000 for a referral hire, ¥100,000 for four engagements.
        Assert.Equal(104_600_000, report.GetProperty("totals").GetProperty("valueYen").GetInt64());
        Assert.Equal(ledger.GetProperty("valueYen").GetInt64(), report.GetProperty("totals").GetProperty("valueYen").GetInt64());
        var perMonth = report.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "outcomes");
        var months = Enumerable.Range(0, perMonth.GetProperty("labels").GetArrayLength())
            .Count(i => perMonth.GetProperty("series").EnumerateArray().Any(s => s.GetProperty("values")[i].GetDouble() > 0));
        Assert.True(months >= 9, $"outcomes in {months} months of the year");
        foreach (var source in new[] { "consultations", "events", "posts", "jobs", "projects", "collaborations", "other" })
            Assert.True(report.GetProperty("attribution").EnumerateArray().Single(a => a.GetProperty("source").GetString() == source).GetProperty("outcomes").GetInt32() > 0, source);
        Assert.Contains(report.GetProperty("byDepartment").EnumerateArray(), d => d.GetProperty("department").ValueKind == JsonValueKind.Null);
        var engagement = Assert.Single(mine.EnumerateArray()).GetProperty("outcome");
        Assert.Equal("consultation", engagement.GetProperty("source").GetProperty("type").GetString());

        // The pages of the ledger and the report render with the demo's data.
        var browser = await demo.AdminBrowserAsync();
        var ids = ledger.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).Take(5);
        foreach (var path in new[] { "/outcomes", "/outcomes/edit", "/admin/analytics", "/admin/analytics/report" }.Concat(ids.Select(id => $"/outcomes/edit/{id}")))
            Assert.True((await browser.GetAsync(path, Ct)).StatusCode == System.Net.HttpStatusCode.OK, path);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemoOutcomesTestsOnSqlite(SqliteApp app) : DemoOutcomesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DemoOutcomesTestsOnPostgres(PostgresApp app) : DemoOutcomesTests(app);
