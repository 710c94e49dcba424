// Benchmarks, by --scenario:
//  suite: the one benchmark (bench/README.md): networks at SaaS scale, the published app in its own process beside a
// raw Npgsql baseline, N clients per page, results under bench/results/. --smoke runs it small (CI).
//   dotnet run -c Release --project bench/OpenAlumni.Bench -- --scenario suite --postgres "Host=127.0.0.1;Port=5432;Username=postgres"
//  directory (default): fills a fresh PostgreSQL database with N synthetic members (the CLI's `demo seed`),
// serves the real app on Kestrel (127.0.0.1) and times directory searches over HTTP as a member would.
//   dotnet run -c Release --project bench/OpenAlumni.Bench -- --postgres "Host=127.0.0.1;Port=5432;Username=postgres" --members 100000
// The database (openalumni_bench_<n>) is kept between runs so that seeding happens once; --fresh drops it.
//  feed: one network with --posts N posts (default 1,000,000), the feed's time and SQL commands per page:
//   dotnet run -c Release --project bench/OpenAlumni.Bench -- --scenario feed --posts 1000000 --postgres "..."
//  dashboard: the directory's network plus a year of activity days; times the analytics dashboard, a CSV and the report:
//   dotnet run -c Release --project bench/OpenAlumni.Bench -- --scenario dashboard --members 100000 --postgres "..."
//  suggestions: the directory's network; a member's first look of the week at people worth meeting (found and written) and a later one:
//   dotnet run -c Release --project bench/OpenAlumni.Bench -- --scenario suggestions --members 100000 --postgres "..."
//  rsvp: N members sign up at the same moment for an event of C seats, on SQLite and (with --postgres) PostgreSQL:
//   dotnet run -c Release --project bench/OpenAlumni.Bench -- --scenario rsvp --members 300 --seats 50 --rounds 5 [--floor] [--postgres "..."]
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using OpenAlumni.Web;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Demo;
using OpenAlumni.Web.Infrastructure.Tenancy;

if (args.Length >= 3 && args[0] == "--raw-server")
{
    await RawServer.RunAsync(int.Parse(args[1]), args[2]);
    return 0;
}
if (Arg("--scenario") == "suite" || args.Contains("--smoke"))
    return await SuiteBench.RunAsync(args);
if (Arg("--scenario") == "rsvp")
{
    await RsvpScenarioAsync();
    return 0;
}
var feedPosts = Arg("--scenario") == "feed" ? int.Parse(Arg("--posts") ?? "1000000") : 0;

var server = Arg("--postgres") ?? Environment.GetEnvironmentVariable("OPENALUMNI_TEST_POSTGRES")
    ?? throw new ArgumentException("--postgres \"Host=...;Username=...\" (a server where the user may create databases)");
var members = int.Parse(Arg("--members") ?? "100000");
var rounds = int.Parse(Arg("--rounds") ?? "20");
var database = feedPosts > 0 ? $"openalumni_feed_{feedPosts}" : Arg("--scenario") == "dashboard" ? $"openalumni_dash_{members}" : $"openalumni_bench_{members}";
var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();

await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString()))
{
    await admin.OpenAsync();
    if (args.Contains("--fresh")) await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    var exists = await new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{database}'", admin).ExecuteScalarAsync() is not null;
    if (!exists) await new NpgsqlCommand($"CREATE DATABASE {database} ENCODING 'UTF8' TEMPLATE template0", admin).ExecuteNonQueryAsync();
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Postgres", ["ConnectionStrings:Alumni"] = connection, ["Demo:Enabled"] = "false",
    ["RateLimiting:Enabled"] = "false", ["Logging:LogLevel:Default"] = "Warning",
    ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "openalumni-bench-mail"),
});
builder.Configuration["Outbox:WorkerEnabled"] = "false";
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.AddOpenAlumni();
builder.Services.ConfigureDbContext<PostgresAlumniDb>(o => o.AddInterceptors(new CommandCount()));
var app = builder.Build();
await DatabaseSetup.MigrateAsync(app.Services);
if (feedPosts > 0)
{
    app.UseOpenAlumni();
    app.MapOpenAlumni();
    await app.StartAsync();
    await FeedBench.RunAsync(app, connection, feedPosts, rounds);
    await app.StopAsync();
    return 0;
}

const string host = "bench.localhost";
const string viewerEmail = "viewer@bench.example";
const string password = "bench-password-1";
await using (var scope = app.Services.CreateAsyncScope())
{
    var tenants = scope.ServiceProvider.GetRequiredService<TenantDirectory>();
    var tenant = await tenants.FindBySlugAsync("bench", default);
    if (tenant is null)
    {
        tenant = (await tenants.CreateAsync("bench", "Bench Network", [host], null, default)).Value!;
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var watch = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedSyntheticAsync(members, default);
        Console.WriteLine($"seed: {members:N0} members in {watch.Elapsed.TotalSeconds:F1} s ({members / watch.Elapsed.TotalSeconds:N0}/s)");
        await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAdminAsync(viewerEmail, password, "閲覧", "太郎", default);
        await using var vacuum = new NpgsqlConnection(connection);
        await vacuum.OpenAsync();
        await new NpgsqlCommand("VACUUM ANALYZE", vacuum).ExecuteNonQueryAsync();
    }
}

app.UseOpenAlumni();
app.MapOpenAlumni();
await app.StartAsync();
var address = app.Urls.First();
using var http = new HttpClient { BaseAddress = new Uri(address) };
http.DefaultRequestHeaders.Host = host;
var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = viewerEmail, password });
login.EnsureSuccessStatusCode();
var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
if (Arg("--scenario") == "suggestions")
{
    await SuggestionsBench.RunAsync(new Uri(address), host, connection, members, rounds);
    await app.StopAsync();
    return 0;
}
if (Arg("--scenario") == "dashboard")
{
    await DashboardBench.RunAsync(http, connection, members, rounds);
    await app.StopAsync();
    return 0;
}

string[] queries =
[
    "", "q=山田", "q=山", "q=やまだ", "q=ヤマダ", "q=yamada", "q=山田 花子", "q=hanako yamada", "q=事業開発", "q=ミライ物流",
    "skill=物流", "openTo=Consultation", "kind=Employee&q=田中", "q=山田&page=20", "page=2000",
];
Console.WriteLine($"directory over HTTP, {members:N0} members, {rounds} rounds each (admin viewer, pageSize 20)");
Console.WriteLine($"{"query",-28} {"total",8} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
foreach (var q in queries)
{
    var times = new List<double>();
    var total = 0;
    for (var i = 0; i < rounds + 2; i++)
    {
        var watch = Stopwatch.StartNew();
        var response = await http.GetAsync("/api/v1/members?" + q);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        watch.Stop();
        total = body.GetProperty("total").GetInt32();
        if (i >= 2) times.Add(watch.Elapsed.TotalMilliseconds); // two warm-up rounds
    }
    times.Sort();
    Console.WriteLine($"{(q.Length == 0 ? "(all)" : q),-28} {total,8} {times[times.Count / 2],8:F1} {times[(int)(times.Count * 0.95)],8:F1} {times[^1],8:F1}");
}
await app.StopAsync();
return 0;

async Task RsvpScenarioAsync()
{
    var n = int.Parse(Arg("--members") ?? "300");
    var seats = int.Parse(Arg("--seats") ?? "50");
    var rounds = int.Parse(Arg("--rounds") ?? "5");
    var sqliteFile = Path.Combine(Path.GetTempPath(), $"openalumni-rsvp-{Guid.NewGuid():N}.db");
    var targets = new List<(string Label, Dictionary<string, string?> Settings)>
    {
        ("SQLite", new() { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Alumni"] = $"Data Source={sqliteFile}" }),
    };
    var pg = Arg("--postgres") ?? Environment.GetEnvironmentVariable("OPENALUMNI_TEST_POSTGRES");
    string? pgDatabase = null;
    if (pg is not null)
    {
        pgDatabase = $"openalumni_rsvp_{Guid.NewGuid():N}"[..28];
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg) { Database = "postgres" }.ToString());
        await conn.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {pgDatabase} ENCODING 'UTF8' TEMPLATE template0", conn).ExecuteNonQueryAsync();
        targets.Add(("PostgreSQL", new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Alumni"] = new NpgsqlConnectionStringBuilder(pg) { Database = pgDatabase, MaxPoolSize = 100 }.ToString() }));
    }
    foreach (var (label, settings) in targets)
    {
        var b = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        settings["Demo:Enabled"] = "false";
        settings["RateLimiting:Enabled"] = "false";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Outbox:WorkerEnabled"] = "false";
        b.Configuration.AddInMemoryCollection(settings);
        b.WebHost.UseUrls("http://127.0.0.1:0");
        b.AddOpenAlumni();
        var a = b.Build();
        await DatabaseSetup.MigrateAsync(a.Services);
        a.UseOpenAlumni();
        a.MapOpenAlumni();
        await a.StartAsync();
        await RsvpBench.RunAsync(a, label, n, seats, rounds, args.Contains("--floor"));
        await a.StopAsync();
        await a.DisposeAsync();
    }
    File.Delete(sqliteFile);
    if (pgDatabase is not null)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg) { Database = "postgres" }.ToString());
        await conn.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgDatabase} WITH (FORCE)", conn).ExecuteNonQueryAsync();
    }
}

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
