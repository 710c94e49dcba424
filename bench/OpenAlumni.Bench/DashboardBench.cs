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
            // A year of activity, loaded once and kept with the database (the suite's loader).
            await ActivityLoad.EnsureAsync(connection, sqlite: false);
            await SeedNetworkAsync(db, members);
        }

        string[] paths =
        [
            "/api/v1/admin/analytics", "/api/v1/admin/analytics?kind=Alumni", "/api/v1/admin/analytics?department=営業部",
            "/api/v1/admin/analytics/members.csv", "/api/v1/admin/analytics/collaborations.csv", "/admin/analytics/report",
        ];
        Console.WriteLine($"analytics dashboard over HTTP, {members:N0} members, {rounds} rounds each (admin)");
        Console.WriteLine($"{"request",-44} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"SQL",5}");
        foreach (var path in paths)
        {
            var times = new List<double>();
            var commands = 0;
            for (var i = 0; i < rounds + 1; i++)
            {
                var before = CommandCount.Value;
                var watch = Stopwatch.StartNew();
                var response = await http.GetAsync(path);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                commands = CommandCount.Value - before;
                if (i >= 1) times.Add(watch.Elapsed.TotalMilliseconds); // one warm-up round
            }
            times.Sort();
            Console.WriteLine($"{path,-44} {times[times.Count / 2],8:F1} {times[(int)(times.Count * 0.95)],8:F1} {times[^1],8:F1} {commands,5}");
        }
        var data = await http.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics");
        Console.WriteLine($"headline: {data.GetProperty("headline")}");
    }

    /// <summary>
    /// A year of the network's other features, in proportion to its size: per 100 members about 20 consultation
    /// requests (half accepted), 20 invitations, 10 rehire interests and 2 referrals; one collaboration per 200
    /// members walked through up to five stages a month apart; one opening per 1,000 members. Written in SQL
    /// once.
    /// </summary>
    static async Task SeedNetworkAsync(NpgsqlConnection db, int members)
    {
        if ((long)(await new NpgsqlCommand("SELECT COUNT(*) FROM \"ConsultationRequest\"", db).ExecuteScalarAsync())! > 0)
        {
            Console.WriteLine("network data: kept from an earlier run");
            return;
        }
        var watch = Stopwatch.StartNew();
        const string ago = "(extract(epoch from now())::bigint - (random() * 364 * 86400)::bigint)";
        static string Bin(string epoch) => $"to_timestamp({epoch})";
        var sql = $"""
            CREATE TEMP TABLE m AS SELECT row_number() OVER (ORDER BY "Id") AS n, "Id", "TenantId" FROM "Members" WHERE "Status" = 'Approved';
            CREATE TEMP TABLE t AS SELECT {ago} AS e, g FROM generate_series(1, {members / 5}) g;
            INSERT INTO "ConsultationRequest" ("TenantId", "RequesterMemberId", "RecipientMemberId", "Topic", "Goal", "Format", "Status", "CreatedAt", "WaitingSince", "DecidedAt")
            SELECT a."TenantId", a."Id", b."Id", '相談', '進め方', 'OnlineCall', CASE WHEN t.g % 2 = 0 THEN 'Accepted' ELSE 'Pending' END,
                   {Bin("t.e")}, {Bin("t.e")}, CASE WHEN t.g % 2 = 0 THEN {Bin("t.e + 86400 * 3")} END
            FROM t JOIN m a ON a.n = 1 + (t.g * 7) % (SELECT COUNT(*) FROM m) JOIN m b ON b.n = 1 + (t.g * 13 + 1) % (SELECT COUNT(*) FROM m) WHERE a."Id" <> b."Id";
            INSERT INTO "Invitation" ("TenantId", "Email", "EmailKey", "TokenHash", "Language", "CreatedAt", "SentAt", "SendCount", "ExpiresAt", "CreatedByMemberId")
            SELECT m."TenantId", 'inv' || t.g || '@bench.example', 'inv' || t.g || '@bench.example', md5('inv' || t.g), 'ja', {Bin("t.e")}, {Bin("t.e")}, 1, {Bin("t.e + 86400 * 14")}, m."Id"
            FROM t JOIN m ON m.n = 1;
            INSERT INTO "JobOpening" ("TenantId", "Title", "Department", "Location", "Remote", "Description", "DescriptionHtml", "HowToApply", "Keywords", "ClosesAt", "Status", "PostedByMemberId", "CreatedAt", "UpdatedAt", "AnnouncedAt")
            SELECT m."TenantId", '求人' || t.g, '営業部', '東京', 'Hybrid', '', '', 'recruit@bench.example', '', {Bin("t.e + 86400 * 60")}, 'Open', m."Id", {Bin("t.e")}, {Bin("t.e")}, {Bin("t.e")}
            FROM t JOIN m ON m.n = 1 WHERE t.g <= GREATEST(1, {members / 1000});
            INSERT INTO "JobInterest" ("TenantId", "OpeningId", "MemberId", "ConsentToShare", "CreatedAt")
            SELECT DISTINCT ON (o."Id", m."Id") m."TenantId", o."Id", m."Id", t.g % 2 = 0, {Bin("t.e")}
            FROM t JOIN m ON m.n = 1 + (t.g * 11) % (SELECT COUNT(*) FROM m) JOIN LATERAL (SELECT "Id" FROM "JobOpening" ORDER BY "Id" OFFSET t.g % GREATEST(1, {members / 1000}) LIMIT 1) o ON true
            WHERE t.g <= {members / 10};
            INSERT INTO "JobReferral" ("TenantId", "OpeningId", "ReferrerMemberId", "Name", "Email", "CreatedAt")
            SELECT m."TenantId", (SELECT MIN("Id") FROM "JobOpening"), m."Id", '紹介' || t.g, 'ref' || t.g || '@bench.example', {Bin("t.e")}
            FROM t JOIN m ON m.n = 1 + (t.g * 17) % (SELECT COUNT(*) FROM m) WHERE t.g <= {members / 50};
            CREATE TEMP TABLE c AS SELECT g, {ago} - 120 * 86400 AS e, 1 + (g % 5) AS steps FROM generate_series(1, GREATEST(1, {members / 200})) g;
            INSERT INTO "Collaboration" ("TenantId", "Title", "Description", "Departments", "Stage", "Status", "ProposedByMemberId", "CreatedAt", "UpdatedAt", "StageChangedAt", "AcceptedAt")
            SELECT m."TenantId", '協業' || c.g, '', '営業部' || chr(10) || 'DX推進室', (ARRAY['Idea','Talking','Poc','Contract','Launched'])[c.steps], 'Accepted', m."Id",
                   {Bin("c.e")}, {Bin("c.e")}, {Bin("c.e + (c.steps - 1) * 30 * 86400")}, {Bin("c.e")}
            FROM c JOIN m ON m.n = 1 + c.g % (SELECT COUNT(*) FROM m) ORDER BY c.g;
            INSERT INTO "CollaborationStageChange" ("TenantId", "CollaborationId", "From", "To", "At", "ByMemberId")
            SELECT x."TenantId", x."Id", CASE WHEN s > 1 THEN (ARRAY['Idea','Talking','Poc','Contract','Launched'])[s - 1] END, (ARRAY['Idea','Talking','Poc','Contract','Launched'])[s],
                   {Bin("c.e + (s - 1) * 30 * 86400")}, x."ProposedByMemberId"
            FROM "Collaboration" x JOIN c ON x."Title" = '協業' || c.g CROSS JOIN LATERAL generate_series(1, c.steps) s;
            ANALYZE;
            """;
        await new NpgsqlCommand(sql, db) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
        Console.WriteLine($"network data: consultations, invitations, openings, interests, referrals, collaborations written in {watch.Elapsed.TotalSeconds:F1} s");
    }
}
