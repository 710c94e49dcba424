using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using OpenAlumni.Web.Features.Demo;

/// <summary>
/// People worth meeting at scale: on the directory benchmark's network (N synthetic members with skills, interests and
/// careers), a member's first look of the week finds and writes the week (the engine's queries over tags, careers,
/// spaces, check-ins and posts), and a later look reads it back. Each round takes another synthetic member and drops
/// their week first, so every first look is a real one.
/// </summary>
static class SuggestionsBench
{
    public static async Task RunAsync(Uri address, string host, string connection, int members, int rounds)
    {
        List<string> emails;
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var pick = new NpgsqlCommand(
                "SELECT u.\"Email\" FROM \"Members\" m JOIN \"AspNetUsers\" u ON u.\"Id\" = m.\"UserId\" " +
                "WHERE m.\"Status\" = 'Approved' AND m.\"Role\" = 'Member' AND u.\"Email\" LIKE '%@synthetic.example' ORDER BY m.\"Id\" LIMIT @n", db);
            pick.Parameters.AddWithValue("n", rounds + 1);
            emails = [];
            await using var reader = await pick.ExecuteReaderAsync();
            while (await reader.ReadAsync()) emails.Add(reader.GetString(0));
            await reader.CloseAsync();
            await new NpgsqlCommand("DELETE FROM \"Suggestion\"", db).ExecuteNonQueryAsync();
        }

        Console.WriteLine($"people worth meeting over HTTP, {members:N0} members, {rounds} members (one warm-up)");
        var first = new List<double>();
        var again = new List<double>();
        var found = new List<int>();
        var commands = new List<int>();
        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
        {
            using var http = new HttpClient { BaseAddress = address };
            http.DefaultRequestHeaders.Host = host;
            var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoSeeder.MemberPassword });
            login.EnsureSuccessStatusCode();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            var before = CommandCount.Value;
            var watch = Stopwatch.StartNew();
            var week = await http.GetFromJsonAsync<JsonElement>("/api/v1/me/suggestions");
            var cold = watch.Elapsed.TotalMilliseconds;
            var sql = CommandCount.Value - before;
            watch.Restart();
            await http.GetFromJsonAsync<JsonElement>("/api/v1/me/suggestions");
            var warm = watch.Elapsed.TotalMilliseconds;
            if (i == 0) continue;
            first.Add(cold);
            again.Add(warm);
            found.Add(week.GetArrayLength());
            commands.Add(sql);
        }
        first.Sort();
        again.Sort();
        Console.WriteLine($"{"look",-24} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        Console.WriteLine($"{"first of the week",-24} {first[first.Count / 2],8:F1} {first[(int)(first.Count * 0.95)],8:F1} {first[^1],8:F1}");
        Console.WriteLine($"{"again",-24} {again[again.Count / 2],8:F1} {again[(int)(again.Count * 0.95)],8:F1} {again[^1],8:F1}");
        Console.WriteLine($"people found per member: {found.Average():F1} (of {5}); SQL commands per first look: {commands.Average():F0}");
    }
}
