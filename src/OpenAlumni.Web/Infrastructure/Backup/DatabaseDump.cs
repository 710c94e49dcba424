using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OpenAlumni.Web.Infrastructure.Backup;

/// <summary>
/// Copies the database out of and back into a running installation with each engine's own tools: SQLite's online
/// backup API (a consistent copy while the app keeps writing) and pg_dump / pg_restore for PostgreSQL.
/// </summary>
public static class DatabaseDump
{
    public const string SqliteFile = "database.sqlite";
    public const string PostgresFile = "database.pgdump";

    public static void BackupSqlite(string connectionString, string target)
    {
        using var source = new SqliteConnection(connectionString);
        source.Open();
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        source.BackupDatabase(copy);
    }

    /// <summary>Replaces every page of the target with the backup's, in one step: readers see the old or the new database.</summary>
    public static void RestoreSqlite(string backup, string connectionString)
    {
        SqliteConnection.ClearAllPools();
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        source.Open();
        using var target = new SqliteConnection(connectionString);
        target.Open();
        source.BackupDatabase(target);
        SqliteConnection.ClearAllPools();
    }

    public static async Task BackupPostgresAsync(string connectionString, string target, string? binDirectory, CancellationToken ct) =>
        await RunAsync(Tool("pg_dump", binDirectory), connectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", target], ct);

    /// <summary>
    /// Empties the schema (tables of newer migrations included, which a --clean restore would leave behind) and loads
    /// the dump in ONE transaction through psql: if anything fails (a tool, the server, a damaged dump), the database is
    /// as it was. The dump is turned into SQL first, which also proves it readable before anything is touched.
    /// </summary>
    public static async Task RestorePostgresAsync(string dump, string connectionString, string? binDirectory, CancellationToken ct)
    {
        var pgRestore = Tool("pg_restore", binDirectory);
        var psql = Tool("psql", binDirectory);
        var folder = Path.GetDirectoryName(dump)!;
        var script = Path.Combine(folder, "restore.sql");
        var empty = Path.Combine(folder, "empty-schema.sql");
        await RunAsync(pgRestore, connectionString, ["--no-owner", "--no-privileges", "--file", script, dump], ct);
        await File.WriteAllTextAsync(empty, """
            DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
                EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', r.tablename); END LOOP;
              FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                       LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
                       WHERE n.nspname = current_schema() AND d.objid IS NULL LOOP
                EXECUTE format('DROP FUNCTION IF EXISTS %s CASCADE', r.f); END LOOP;
              FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() LOOP
                EXECUTE format('DROP SEQUENCE IF EXISTS %I CASCADE', r.sequencename); END LOOP;
            END $$;
            """, ct);
        NpgsqlConnection.ClearAllPools();
        await RunAsync(psql, connectionString, ["--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction", "--file", empty, "--file", script], ct);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Finds pg_dump, pg_restore or psql: the configured folder, then PATH, then Debian's /usr/lib/postgresql/N/bin (newest first).</summary>
    static string Tool(string name, string? binDirectory)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(binDirectory)) candidates.Add(Path.Combine(binDirectory, name));
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, name)));
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", name)));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new BackupException($"{name} not found: install PostgreSQL's client tools or set Backup:PostgresBin.");
    }

    /// <summary>Runs a PostgreSQL tool with the app's connection in its environment (never on the command line, where ps shows a password).</summary>
    static async Task RunAsync(string tool, string connectionString, IEnumerable<string> args, CancellationToken ct)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PGHOST"] = csb.Host;
        start.Environment["PGPORT"] = csb.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = csb.Database;
        if (csb.Username is { } user) start.Environment["PGUSER"] = user;
        if (csb.Password is { } password) start.Environment["PGPASSWORD"] = password;
        start.Environment["PGSSLMODE"] = csb.SslMode switch
        {
            SslMode.Disable => "disable", SslMode.Allow => "allow", SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer",
        };
        using var process = Process.Start(start) ?? throw new BackupException($"{Path.GetFileName(tool)} could not be started.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new BackupException($"{Path.GetFileName(tool)} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
    }
}

/// <summary>A backup or restore that cannot go on; the message is for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
