using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// A year of activity for the dashboard: every member active on about one day in twenty (1.8 million member-days
/// at 100,000 members). Loaded the way migration ActivityRollup backfills: the MemberActivity row triggers (each
/// row's gap to the member's previous day, the rollup) would run once per row, so they are off for the insert, and
/// the gaps and the rollup are then computed by three set-based statements, all in one transaction. Kept with the
/// seeded database; the next run finds it.
/// </summary>
static class ActivityLoad
{
    public static async Task EnsureAsync(string connection, bool sqlite)
    {
        await using DbConnection db = sqlite ? new SqliteConnection(connection) : new NpgsqlConnection(connection);
        await db.OpenAsync();
        var earlier = sqlite ? "\"Day\" < date('now', '-1 day')" : "\"Day\" < current_date - 1";
        if (Convert.ToInt64(await Scalar(db, $"SELECT COUNT(*) FROM \"MemberActivity\" WHERE {earlier}")) > 0) return;

        var watch = Stopwatch.StartNew();
        if (sqlite)
        {
            // SQLite cannot switch a trigger off: its definitions are read back, dropped, and created again.
            var triggers = new List<string>();
            await using (var read = db.CreateCommand())
            {
                read.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'MemberActivity'";
                await using var r = await read.ExecuteReaderAsync();
                while (await r.ReadAsync()) triggers.Add(r.GetString(0));
            }
            await Execute(db, $"""
                BEGIN;
                DROP TRIGGER IF EXISTS member_activity_after_insert;
                DROP TRIGGER IF EXISTS member_activity_after_delete;
                WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 364)
                INSERT OR IGNORE INTO "MemberActivity" ("TenantId", "MemberId", "Day", "Kind")
                SELECT m."TenantId", m."Id", date('now', '-' || d.n || ' days'), m."Kind" FROM "Members" m, d WHERE abs(random()) % 20 = 0;
                -- Correlated on the (TenantId, MemberId, Day) index: SQLite joins an UPDATE ... FROM (window) without
                -- an index on the derived table, one scan of 900,000 rows per row.
                UPDATE "MemberActivity" SET "Gap" = CAST(julianday("Day") - julianday((SELECT MAX(p."Day") FROM "MemberActivity" p
                    WHERE p."TenantId" = "MemberActivity"."TenantId" AND p."MemberId" = "MemberActivity"."MemberId" AND p."Day" < "MemberActivity"."Day")) AS INTEGER);
                DELETE FROM "ActivityRollup";
                INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members")
                SELECT "TenantId", "Day", "Kind", CASE WHEN "Gap" IS NULL OR "Gap" > 31 THEN 32 ELSE "Gap" END, COUNT(*)
                FROM "MemberActivity" WHERE 1 GROUP BY "TenantId", "Day", "Kind", 4;
                {string.Join(";\n", triggers)};
                COMMIT;
                ANALYZE;
                """);
        }
        else
        {
            await Execute(db, """
                BEGIN;
                ALTER TABLE "MemberActivity" DISABLE TRIGGER USER;
                INSERT INTO "MemberActivity" ("TenantId", "MemberId", "Day", "Kind")
                SELECT m."TenantId", m."Id", d::date, m."Kind"
                FROM "Members" m CROSS JOIN generate_series(now() - interval '364 days', now(), interval '1 day') d
                WHERE random() < 0.05
                ON CONFLICT DO NOTHING;
                UPDATE "MemberActivity" a SET "Gap" = x."Gap" FROM (
                    SELECT "Id", "Day" - LAG("Day") OVER (PARTITION BY "TenantId", "MemberId" ORDER BY "Day") AS "Gap" FROM "MemberActivity"
                ) x WHERE x."Id" = a."Id" AND a."Gap" IS DISTINCT FROM x."Gap";
                DELETE FROM "ActivityRollup";
                INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members")
                SELECT "TenantId", "Day", "Kind", CASE WHEN "Gap" IS NULL OR "Gap" > 31 THEN 32 ELSE "Gap" END AS g, COUNT(*)
                FROM "MemberActivity" GROUP BY "TenantId", "Day", "Kind", g;
                ALTER TABLE "MemberActivity" ENABLE TRIGGER USER;
                COMMIT;
                """);
            await Execute(db, "VACUUM ANALYZE \"MemberActivity\"");
            await Execute(db, "VACUUM ANALYZE \"ActivityRollup\"");
        }
        var rows = Convert.ToInt64(await Scalar(db, "SELECT COUNT(*) FROM \"MemberActivity\""));
        Console.WriteLine($"activity: {rows:N0} member-days loaded in {watch.Elapsed.TotalSeconds:F0} s");
    }

    static async Task<object?> Scalar(DbConnection db, string sql)
    {
        await using var c = db.CreateCommand();
        c.CommandText = sql;
        return await c.ExecuteScalarAsync();
    }

    static async Task Execute(DbConnection db, string sql)
    {
        await using var c = db.CreateCommand();
        c.CommandText = sql;
        c.CommandTimeout = 1800;
        await c.ExecuteNonQueryAsync();
    }
}
