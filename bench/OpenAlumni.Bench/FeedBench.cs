using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Demo;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Search;
using OpenAlumni.Web.Infrastructure.Tenancy;

/// <summary>Counts every SQL command the app sends (the bench sends one request at a time).</summary>
sealed class CommandCount : DbCommandInterceptor
{
    public static int Value;
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand c, CommandEventData e, InterceptionResult<DbDataReader> r, CancellationToken ct = default)
    { Interlocked.Increment(ref Value); return base.ReaderExecutingAsync(c, e, r, ct); }
    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand c, CommandEventData e, InterceptionResult<object> r, CancellationToken ct = default)
    { Interlocked.Increment(ref Value); return base.ScalarExecutingAsync(c, e, r, ct); }
}

/// <summary>
/// The feed at scale: one network with N posts (inserted by SQL in bulk: the app's write path is not what is
/// measured here), read over HTTP by a member: time per page and SQL commands per page.
/// </summary>
static class FeedBench
{
    public static async Task RunAsync(WebApplication app, string connection, int posts, int rounds)
    {
        const string host = "feed.localhost";
        long tenantId;
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var tenants = sp.GetRequiredService<TenantDirectory>();
            var tenant = await tenants.FindBySlugAsync("feed", default);
            var fresh = tenant is null;
            tenant ??= (await tenants.CreateAsync("feed", "Feed bench", [host], null, default)).Value!;
            tenantId = tenant.Id;
            sp.GetRequiredService<TenantContext>().Set(tenant);
            if (fresh)
            {
                await sp.GetRequiredService<DemoSeeder>().SeedSyntheticAsync(1000, default);
                await sp.GetRequiredService<AccountService>().CreateAdminAsync("reader@feed.example", "bench-password-1", "読者", "一郎", default);
                var watch = Stopwatch.StartNew();
                await InsertPostsAsync(connection, tenantId, posts);
                Console.WriteLine($"inserted {posts:N0} posts (SQL bulk) in {watch.Elapsed.TotalSeconds:F0} s");
            }
            var signIn = sp.GetRequiredService<SignInManager<AppUser>>();
            var user = (await signIn.UserManager.FindByEmailAsync("reader@feed.example"))!;
            token = await BenchTokens.MintAsync(sp, user);
        }

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Host = host;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        string[] queries = ["", "room=notices", "room=notices&category=job", "room=updates&page=200", "q=営業", "q=物流 相談", "pageSize=50"];
        Console.WriteLine($"feed over HTTP, {posts:N0} posts, {rounds} rounds each (member reading, pageSize 20 unless given)");
        Console.WriteLine($"{"query",-28} {"total",9} {"SQL",4} {"p50 ms",8} {"p95 ms",8}");
        foreach (var q in queries)
        {
            var times = new List<double>();
            int total = 0, commands = 0;
            for (var i = 0; i < rounds + 2; i++)
            {
                var before = CommandCount.Value;
                var watch = Stopwatch.StartNew();
                var response = await http.GetAsync("/api/v1/posts?" + q);
                response.EnsureSuccessStatusCode();
                total = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
                watch.Stop();
                commands = CommandCount.Value - before;
                if (i >= 2) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"{(q.Length == 0 ? "(all rooms)" : q),-28} {total,9} {commands,4} {times[times.Count / 2],8:F1} {times[(int)(times.Count * 0.95)],8:F1}");
        }
    }

    internal static async Task InsertPostsAsync(string connection, long tenantId, int n)
    {
        (string Room, string? Category, string Title, string Body)[] variants =
        [
            ("Updates", null, "近況：物流スタートアップを創業しました", "商社時代の経験を活かして、中小倉庫向けの在庫最適化に取り組んでいます。"),
            ("Updates", null, "Moved to Singapore", "Working on food distribution in Southeast Asia. Say hello if you are around."),
            ("Notices", "Business", "地方食品メーカーの輸出支援を始めました", "東南アジアの小売網を活かして輸出を伴走します。"),
            ("Notices", "Consultation", "海外営業の立ち上げについて相談させてください", "製造業の海外営業経験がある方、お話を聞かせてください。"),
            ("Notices", "Job", "プロダクトマネージャー募集", "物流SaaSで最初のPMを募集しています。"),
            ("Announcements", null, "年次総会のご案内", "今年も総会を開催します。ぜひご参加ください。"),
            ("Updates", null, "脱炭素のVCに参加しました", "エネルギー本部での経験を活かして投資をしています。"),
            ("Notices", "Consultation", "Scope3算定の相談", "化学品本部の方にサプライヤー実務を伺いたいです。"),
        ];
        var texts = variants.Select(v => SearchText.Normalize(v.Title + " | " + v.Body)).ToArray();
        var tokens = texts.Select(t => string.Join(' ', SearchText.Grams(t, "p").Distinct())).ToArray();
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        string Arr(IEnumerable<string?> items) => "ARRAY[" + string.Join(",", items.Select(i => i is null ? "NULL" : "'" + i.Replace("'", "''") + "'")) + "]::text[]";
        var sql = $"""
            WITH authors AS (SELECT array_agg("Id") AS ids FROM "Members" WHERE "TenantId" = {tenantId})
            INSERT INTO "Post" ("TenantId","Room","Category","Title","Body","BodyHtml","AuthorMemberId","Status","Pinned","CreatedAt","PublishedAt","CommentCount","SegmentOpenTo","SearchText","SearchTokens",
                                "JobRole","JobPlace","JobHowToApply","JobUntil")
            SELECT {tenantId}, ({Arr(variants.Select(v => v.Room))})[g % 8 + 1], ({Arr(variants.Select(v => v.Category))})[g % 8 + 1],
                   ({Arr(variants.Select(v => v.Title))})[g % 8 + 1] || ' #' || g, ({Arr(variants.Select(v => v.Body))})[g % 8 + 1],
                   '<p>' || ({Arr(variants.Select(v => v.Body))})[g % 8 + 1] || '</p>',
                   authors.ids[1 + (g % array_length(authors.ids, 1))], 'Published', false,
                   now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval, g % 5, 0,
                   ({Arr(texts)})[g % 8 + 1], ({Arr(tokens)})[g % 8 + 1],
                   CASE WHEN g % 8 = 4 THEN 'PM' END, CASE WHEN g % 8 = 4 THEN 'Tokyo' END, CASE WHEN g % 8 = 4 THEN 'DM' END, CASE WHEN g % 8 = 4 THEN now() + interval '30 days' END
            FROM generate_series(1, {n}) g, authors
            """;
        await using (var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 3600 }) await cmd.ExecuteNonQueryAsync();
        var reactions = $"""
            WITH authors AS (SELECT array_agg("Id") AS ids FROM "Members" WHERE "TenantId" = {tenantId})
            INSERT INTO "Reaction" ("TenantId","PostId","MemberId","Kind","CreatedAt")
            SELECT {tenantId}, p."Id", authors.ids[1 + (p."Id" % array_length(authors.ids, 1))], 'Like', now()
            FROM "Post" p, authors WHERE p."TenantId" = {tenantId} AND p."Id" % 10 = 0
            """;
        await using (var cmd = new NpgsqlCommand(reactions, conn) { CommandTimeout = 3600 }) await cmd.ExecuteNonQueryAsync();
        await using (var cmd = new NpgsqlCommand("VACUUM ANALYZE", conn) { CommandTimeout = 3600 }) await cmd.ExecuteNonQueryAsync();
    }
}
