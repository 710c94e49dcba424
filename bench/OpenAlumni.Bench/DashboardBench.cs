using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

/// <summary>
/// The analytics dashboard at scale: the directory benchmark's network (N synthetic members, joined over
/// ~900 days) gets a year of activity days (about one member in twenty active on a given day), then the
/// dashboard's JSON, one chart's CSV and the printable report are timed over HTTP as an admin.
/// </summary>
static class DashboardBench
{
    public static async Task RunAsync(HttpClient http, string connection, int members, int rounds)
    {
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            // The admin's own sign-in has already written today's row: only earlier days tell an earlier run.
            var rows = (long)(await new NpgsqlCommand("SELECT COUNT(*) FROM \"MemberActivity\" WHERE \"Day\" < current_date", db).ExecuteScalarAsync())!;
            if (rows == 0)
            {
                var watch = Stopwatch.StartNew();
                await new NpgsqlCommand("""
                    INSERT INTO "MemberActivity" ("TenantId", "MemberId", "Day")
                    SELECT m."TenantId", m."Id", d::date
                    FROM "Members" m CROSS JOIN generate_series(now() - interval '364 days', now(), interval '1 day') d
                    WHERE random() < 0.05
                    ON CONFLICT DO NOTHING
                    """, db) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
                await new NpgsqlCommand("VACUUM ANALYZE \"MemberActivity\"", db).ExecuteNonQueryAsync();
                rows = (long)(await new NpgsqlCommand("SELECT COUNT(*) FROM \"MemberActivity\"", db).ExecuteScalarAsync())!;
                Console.WriteLine($"activity: {rows:N0} member-days written in {watch.Elapsed.TotalSeconds:F1} s");
            }
            else Console.WriteLine($"activity: {rows:N0} member-days (kept from an earlier run)");
        }

        string[] paths =
        [
            "/api/v1/admin/analytics", "/api/v1/admin/analytics?kind=Alumni", "/api/v1/admin/analytics?department=営業部",
            "/api/v1/admin/analytics/members.csv", "/admin/analytics/report",
        ];
        Console.WriteLine($"analytics dashboard over HTTP, {members:N0} members, {rounds} rounds each (admin)");
        Console.WriteLine($"{"request",-44} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        foreach (var path in paths)
        {
            var times = new List<double>();
            for (var i = 0; i < rounds + 1; i++)
            {
                var watch = Stopwatch.StartNew();
                var response = await http.GetAsync(path);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                if (i >= 1) times.Add(watch.Elapsed.TotalMilliseconds); // one warm-up round
            }
            times.Sort();
            Console.WriteLine($"{path,-44} {times[times.Count / 2],8:F1} {times[(int)(times.Count * 0.95)],8:F1} {times[^1],8:F1}");
        }
        var data = await http.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics");
        Console.WriteLine($"headline: {data.GetProperty("headline")}");
    }
}
