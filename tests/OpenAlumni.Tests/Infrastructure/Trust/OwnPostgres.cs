using System.Diagnostics;

namespace OpenAlumni.Tests.Infrastructure.Trust;

/// <summary>
/// A PostgreSQL server of the test's own (initdb in a temporary directory, default durability settings), so that the
/// test may restart it abruptly without disturbing the server every other test shares.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    readonly string bin;
    readonly string data = Path.Combine(Path.GetTempPath(), "openalumni-own-pg-" + Guid.NewGuid().ToString("N")[..8]);
    public int Port { get; } = ExternalApp.FreePort();
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Maximum Pool Size=60";

    OwnPostgres(string bin) => this.bin = bin;

    /// <summary>The server binaries (initdb, pg_ctl) of the newest PostgreSQL installed, or null.</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;

    public static async Task<OwnPostgres> StartAsync(string bin, CancellationToken ct)
    {
        var pg = new OwnPostgres(bin);
        Directory.CreateDirectory(pg.data);
        if (IsRoot) await RunAsync("chown", ["postgres", pg.data], ct, asPostgres: false);
        await pg.PgAsync("initdb", ["-D", pg.data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], ct);
        await pg.CtlAsync("start", ct);
        return pg;
    }

    /// <summary>An immediate shutdown (no checkpoint: recovery replays the WAL on start, as after a crash), then a start.</summary>
    public async Task CrashRestartAsync(CancellationToken ct)
    {
        await PgAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], ct);
        await CtlAsync("start", ct);
        // The test's own connections to the old server are dead; the app under test must cope on its own.
        using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        Npgsql.NpgsqlConnection.ClearPool(connection);
    }

    Task CtlAsync(string verb, CancellationToken ct) =>
        PgAsync("pg_ctl", ["-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={data}", verb], ct);

    Task PgAsync(string tool, string[] args, CancellationToken ct) => RunAsync(Path.Combine(bin, tool), args, ct, asPostgres: true);

    static bool IsRoot => Environment.UserName == "root";

    static async Task RunAsync(string file, string[] args, CancellationToken ct, bool asPostgres)
    {
        // initdb and the server refuse to run as root; CI runs as root, so they run as the postgres user there.
        var start = asPostgres && IsRoot ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", file } } : new ProcessStartInfo(file);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync(ct);
        var error = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({p.ExitCode}): {await output}{await error}");
    }

    public async ValueTask DisposeAsync()
    {
        try { await PgAsync("pg_ctl", ["-D", data, "-m", "immediate", "stop"], CancellationToken.None); } catch (InvalidOperationException) { }
        try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
