using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Analytics;

/// <summary>
/// The month under way is marked partial (API flag, table mark, a note on the dashboard and the value report) so its
/// low figures do not read as a drop in active members; whole months are not marked.
/// </summary>
public abstract class PartialMonthTests(AlumniApp app) : AppTest(app)
{
    static JsonElement Chart(JsonElement data, string id) =>
        data.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    static bool[] Partial(JsonElement chart) => chart.GetProperty("partial").EnumerateArray().Select(e => e.GetBoolean()).ToArray();

    [Fact]
    public async Task CurrentMonth_IsFlaggedPartial_EarlierMonthsAreNot()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        var current = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics", Ct);
        var past = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics?from=2025-01-01&to=2025-03-31", Ct);
        var page = await admin.GetStringAsync("/admin/analytics", Ct);
        var report = await admin.GetStringAsync("/admin/analytics/report", Ct);
        var pastPage = await admin.GetStringAsync("/admin/analytics?from=2025-01-01&to=2025-03-31", Ct);

        var active = Partial(Chart(current, "active"));
        Assert.Equal(12, active.Length);
        Assert.True(active[^1]);
        Assert.All(active[..^1], Assert.False);
        Assert.True(Partial(Chart(current, "members"))[^1]);
        Assert.Equal([false, false, false], Partial(Chart(past, "active")));
        Assert.True(Chart(current, "funnel").TryGetProperty("partial", out var funnel) is false || funnel.ValueKind == JsonValueKind.Null);
        Assert.Contains("data-testid=\"partial-note-active\"", page);
        Assert.Contains("data-partial=\"true\"", page);
        Assert.Contains("data-testid=\"partial-note-active\"", report);
        Assert.DoesNotContain("partial-note-", pastPage);
        Assert.DoesNotContain("data-partial=\"true\"", pastPage);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PartialMonthTestsOnSqlite(SqliteApp app) : PartialMonthTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PartialMonthTestsOnPostgres(PostgresApp app) : PartialMonthTests(app);
