using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Demo;
using OpenAlumni.Web.Infrastructure.Tenancy;

/// <summary>
/// Sign-up burst: N members press "sign up" for an event of C seats at the same moment, over HTTP on
/// Kestrel. Reports throughput and latency percentiles, and checks that exactly C are confirmed and that the
/// waitlist positions are 1..N-C. With --floor, each round first times the same members reading the event at once.
/// </summary>
static class RsvpBench
{
    public static async Task RunAsync(WebApplication app, string label, int members, int seats, int rounds, bool floor = false)
    {
        var host = $"rsvp-{Guid.NewGuid():N}"[..16] + ".localhost";
        string[] tokens;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var tenant = (await sp.GetRequiredService<TenantDirectory>().CreateAsync(host.Split('.')[0], "RSVP bench", [host], null, default)).Value!;
            sp.GetRequiredService<TenantContext>().Set(tenant);
            await sp.GetRequiredService<AccountService>().CreateAdminAsync("admin@" + host, "bench-password-1", "事務局", "太郎", default);
            await sp.GetRequiredService<DemoSeeder>().SeedSyntheticAsync(members, default);
            // Minted, not logged in: the burst measures sign-ups, not password hashing.
            var db = sp.GetRequiredService<AlumniDb>();
            var users = await db.Members.Where(m => m.User!.Email != "admin@" + host).Select(m => m.User!).ToListAsync();
            tokens = new string[users.Count];
            for (var i = 0; i < users.Count; i++) tokens[i] = await BenchTokens.MintAsync(sp, users[i]);
            var admin = await sp.GetRequiredService<SignInManager<AppUser>>().UserManager.FindByEmailAsync("admin@" + host);
            AdminToken = await BenchTokens.MintAsync(sp, admin!);
        }

        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000 };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()) };
        Console.WriteLine($"{label}: {tokens.Length} members sign up at once for {seats} seats, {rounds} rounds");
        var all = new List<double>();
        var totalSeconds = 0.0;
        for (var round = 0; round < rounds; round++)
        {
            var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
            {
                Content = JsonContent.Create(new
                {
                    title = $"Burst {round}", kind = "meetup", format = "offline", venue = "Hall", capacity = seats, publish = true,
                    startsAt = DateTimeOffset.UtcNow.AddDays(7).ToString("o"), endsAt = DateTimeOffset.UtcNow.AddDays(7).AddHours(2).ToString("o"),
                }),
            };
            create.Headers.Host = host;
            create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
            var created = await http.SendAsync(create);
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

            if (floor)
            {
                // The floor: the same members read the event at once (sign-in check, audience, the event row),
                // the work every sign-up does before its seat is decided.
                var read = Stopwatch.StartNew();
                await Task.WhenAll(tokens.Select(async token =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/events/{id}");
                    request.Headers.Host = host;
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    (await http.SendAsync(request)).EnsureSuccessStatusCode();
                }));
                Console.WriteLine($"  round {round + 1}: floor, {tokens.Length} reads of the event at once: {read.Elapsed.TotalMilliseconds:F0} ms");
            }
            using var gate = new SemaphoreSlim(0);
            var latencies = new double[tokens.Length];
            var statuses = new string?[tokens.Length];
            var positions = new int[tokens.Length];
            var tasks = tokens.Select(async (token, i) =>
            {
                await gate.WaitAsync();
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/events/{id}/rsvp");
                request.Headers.Host = host;
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var watch = Stopwatch.StartNew();
                var response = await http.SendAsync(request);
                latencies[i] = watch.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode) { statuses[i] = $"HTTP {(int)response.StatusCode}"; return; }
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                statuses[i] = body.GetProperty("status").GetString();
                positions[i] = body.TryGetProperty("waitlistPosition", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0;
            }).ToList();
            var burst = Stopwatch.StartNew();
            gate.Release(tokens.Length);
            await Task.WhenAll(tasks);
            burst.Stop();
            totalSeconds += burst.Elapsed.TotalSeconds;
            all.AddRange(latencies);
            var confirmed = statuses.Count(s => s == "confirmed");
            var errors = statuses.Count(s => s is not ("confirmed" or "waitlisted"));
            Console.WriteLine($"  round {round + 1}: {burst.Elapsed.TotalMilliseconds:F0} ms, {tokens.Length / burst.Elapsed.TotalSeconds:F0} sign-ups/s, confirmed {confirmed}, waitlisted {statuses.Count(s => s == "waitlisted")}, errors {errors}");
            if (confirmed != Math.Min(seats, tokens.Length) || errors > 0) throw new InvalidOperationException("Capacity or error check failed.");
            // Each waitlisted member was told a distinct place, 1..N-C: one queue, no gaps, no two in one place.
            if (!positions.Where((_, i) => statuses[i] == "waitlisted").Order().SequenceEqual(Enumerable.Range(1, tokens.Length - confirmed)))
                throw new InvalidOperationException("Waitlist order check failed.");
        }
        all.Sort();
        Console.WriteLine($"  overall: {all.Count / totalSeconds:F0} sign-ups/s; latency p50 {all[all.Count / 2]:F0} ms, p95 {all[(int)(all.Count * 0.95)]:F0} ms, p99 {all[(int)(all.Count * 0.99)]:F0} ms, max {all[^1]:F0} ms");
    }

    static string AdminToken = "";
}
