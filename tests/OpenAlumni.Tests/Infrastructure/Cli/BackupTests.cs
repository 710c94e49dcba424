using System.Data.Common;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenAlumni.Tests.Infrastructure.Trust;

namespace OpenAlumni.Tests.Infrastructure.Cli;

/// <summary>
/// The operator's <c>backup</c> and <c>restore</c> commands, run as the real binary: a network with members, a post and
/// an uploaded photo goes into one archive while the app keeps serving, and comes back row for row and byte for byte
/// on a fresh installation, where the members' sign-ins still work. A damaged archive or a live database is refused.
/// </summary>
public abstract class BackupTests : IAsyncLifetime
{
    protected readonly string Root = Directory.CreateTempSubdirectory("openalumni-backup").FullName;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
    protected abstract string Provider { get; }
    /// <summary>A connection string to a new, empty database.</summary>
    protected abstract Task<string> NewDatabaseAsync();
    protected abstract DbConnection Open(string connection);

    [Fact]
    public async Task Backup_WhileTheAppServes_RestoresOnAFreshInstallation_EveryRowFileAndSignIn()
    {
        var databaseA = await NewDatabaseAsync();
        await using var appA = new OnDatabase(Provider, databaseA, Path.Combine(Root, "files-a"));
        await appA.InitializeAsync();
        var tenant = await appA.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var api = await tenant.ClientForAsync(member);
        var photo = await api.PutAsync("/api/v1/members/me/photo", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(64, 48)), "photo", "me.png" } }, Ct);
        var post = await api.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = "近況", body = "起業しました" }, Ct);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        var photoUrl = (await photo.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("photoUrl").GetString()!;
        var photoBytes = await api.GetByteArrayAsync(photoUrl, Ct);
        var postUrl = post.Headers.Location!.ToString();
        var rows = await FingerprintAsync(databaseA);
        var files = FilesOf(Path.Combine(Root, "files-a"));

        var backup = await CliAsync(databaseA, Path.Combine(Root, "files-a"), "backup", Archive);
        var databaseB = await NewDatabaseAsync();
        var restore = await CliAsync(databaseB, Path.Combine(Root, "files-b"), "restore", Archive);

        Assert.True(backup.Code == 0, backup.Err);
        Assert.True(restore.Code == 0, restore.Err);
        // Password hashes, keys and personal data: for the operator's eyes only.
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Archive));
        Assert.Equal(rows, await FingerprintAsync(databaseB));
        Assert.Equal(files, FilesOf(Path.Combine(Root, "files-b")));
        Assert.Contains(files.Keys, f => f.Contains("photo", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jpg", StringComparison.Ordinal));
        await using var appB = new OnDatabase(Provider, databaseB, Path.Combine(Root, "files-b"));
        await appB.InitializeAsync();
        // The token was issued by the first installation: its keys came back with the database.
        var sameToken = new TestTenant(appB, tenant.Info, tenant.Host).Client();
        sameToken.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
        Assert.Equal(photoBytes, await sameToken.GetByteArrayAsync(photoUrl, Ct));
        Assert.Contains("起業しました", await sameToken.GetStringAsync(postUrl, Ct));
        var login = await sameToken.PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        TrustFigures.Report("Backup and restore", $"{Provider}: {rows.Count} tables and {files.Count} uploaded files restored identical; a sign-in issued before the backup still works.");
    }

    [Fact]
    public async Task Restore_RefusesADamagedOrForeignArchive_AndALiveDatabaseWithoutForce_ChangingNothing()
    {
        var database = await NewDatabaseAsync();
        var filesRoot = Path.Combine(Root, "files");
        Assert.Equal(0, (await CliAsync(database, filesRoot, "tenant", "create", "--slug", "acme", "--name", "ACME", "--host", "acme.localhost")).Code);
        Directory.CreateDirectory(Path.Combine(filesRoot, "1", "photos"));
        await File.WriteAllBytesAsync(Path.Combine(filesRoot, "1", "photos", "a.jpg"), [0xFF, 0xD8, 1, 2, 3], Ct);
        Assert.Equal(0, (await CliAsync(database, filesRoot, "backup", Archive)).Code);
        Assert.Equal(0, (await CliAsync(database, filesRoot, "tenant", "create", "--slug", "later", "--name", "Later", "--host", "later.localhost")).Code);
        await File.WriteAllBytesAsync(Path.Combine(filesRoot, "1", "photos", "b.jpg"), [0xFF, 0xD8, 4], Ct);
        var rows = await FingerprintAsync(database);
        var files = FilesOf(filesRoot);

        var again = await CliAsync(database, filesRoot, "backup", Archive);
        var live = await CliAsync(database, filesRoot, "restore", Archive);
        var truncated = await CliAsync(database, filesRoot, "restore", await TruncatedAsync(), "--force");
        var tampered = await CliAsync(database, filesRoot, "restore", await TamperedAsync(), "--force");
        var foreign = await CliAsync(database, filesRoot, "restore", await ManifestOnlyAsync(Provider == "Sqlite" ? "Postgres" : "Sqlite"), "--force");
        var noDatabase = await CliAsync(database, filesRoot, "restore", await ManifestOnlyAsync(Provider), "--force");
        var missing = await CliAsync(database, filesRoot, "restore", Path.Combine(Root, "nope.tar.gz"), "--force");

        Assert.Contains("already exists", again.Err);
        Assert.Contains("--force", live.Err);
        Assert.Contains("not a readable backup archive", truncated.Err);
        Assert.Contains("does not match its checksum", tampered.Err);
        Assert.Contains("this installation runs on " + Provider, foreign.Err);
        Assert.Contains("holds no database", noDatabase.Err);
        Assert.Contains("not found", missing.Err);
        Assert.All(new[] { again, live, truncated, tampered, foreign, noDatabase, missing }, r => Assert.Equal(2, r.Code));
        Assert.Equal(rows, await FingerprintAsync(database));
        Assert.Equal(files, FilesOf(filesRoot));

        var forced = await CliAsync(database, filesRoot, "restore", Archive, "--force");

        Assert.True(forced.Code == 0, forced.Err);
        Assert.NotEqual(rows, await FingerprintAsync(database));
        Assert.Equal(["1/photos/a.jpg"], FilesOf(filesRoot).Keys);
        Assert.Equal(1, (await FingerprintAsync(database))["Tenants"].Rows);
    }

    string Archive => Path.Combine(Root, "backup.tar.gz");

    async Task<string> TruncatedAsync()
    {
        var path = Path.Combine(Root, "truncated.tar.gz");
        var bytes = await File.ReadAllBytesAsync(Archive, Ct);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)], Ct);
        return path;
    }

    /// <summary>The archive unpacked, one uploaded file changed by a byte, and packed again (its manifest untouched).</summary>
    async Task<string> TamperedAsync()
    {
        var dir = Directory.CreateTempSubdirectory("openalumni-tamper").FullName;
        await using (var input = File.OpenRead(Archive))
        await using (var gzip = new GZipStream(input, CompressionMode.Decompress))
            await TarFile.ExtractToDirectoryAsync(gzip, dir, overwriteFiles: false, Ct);
        await File.WriteAllBytesAsync(Path.Combine(dir, "files", "1", "photos", "a.jpg"), [0xFF, 0xD8, 1, 2, 4], Ct);
        return await PackAsync(dir, "tampered.tar.gz");
    }

    /// <summary>A well-formed archive of a manifest alone, saying it holds a database of <paramref name="provider"/>.</summary>
    async Task<string> ManifestOnlyAsync(string provider)
    {
        var dir = Directory.CreateTempSubdirectory("openalumni-manifest").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "manifest.json"), $$"""{"format":1,"provider":"{{provider}}","createdAt":"2026-01-01T00:00:00Z","entries":[]}""", Ct);
        return await PackAsync(dir, $"manifest-only-{provider}.tar.gz");
    }

    async Task<string> PackAsync(string dir, string name)
    {
        var path = Path.Combine(Root, name);
        await using var output = File.Create(path);
        await using var gzip = new GZipStream(output, CompressionLevel.Fastest);
        await TarFile.CreateFromDirectoryAsync(dir, gzip, includeBaseDirectory: false, Ct);
        return path;
    }

    async Task<(int Code, string Out, string Err)> CliAsync(string connection, string filesRoot, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpenAlumni.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Database__Provider"] = Provider;
        start.Environment["ConnectionStrings__Alumni"] = connection;
        start.Environment["Storage__Root"] = filesRoot;
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Every table's row count and a hash of its rows (in a stable order), read straight from the database.</summary>
    async Task<Dictionary<string, (int Rows, string Hash)>> FingerprintAsync(string connection)
    {
        await using var db = Open(connection);
        await db.OpenAsync(Ct);
        var tables = new List<string>();
        await using (var list = db.CreateCommand())
        {
            list.CommandText = Provider == "Sqlite"
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()";
            await using var reader = await list.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) tables.Add(reader.GetString(0));
        }
        var result = new Dictionary<string, (int, string)>();
        foreach (var table in tables)
        {
            await using var select = db.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync(Ct);
            var rows = new List<string>();
            while (await reader.ReadAsync(Ct))
                rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            result[table] = (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows)))));
        }
        return result;
    }

    static SortedDictionary<string, string> FilesOf(string root) => new(
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            : [], StringComparer.Ordinal);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>The in-process app on the test's own database and upload folder.</summary>
    sealed class OnDatabase(string provider, string connection, string files) : AlumniApp
    {
        public override string Provider => provider;
        protected override string ConnectionString => connection;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:Root", files);
        }
    }
}

public sealed class BackupTestsOnSqlite : BackupTests
{
    int databases;
    protected override string Provider => "Sqlite";
    protected override Task<string> NewDatabaseAsync() => Task.FromResult($"Data Source={Path.Combine(Root, $"db{++databases}.db")}");
    protected override DbConnection Open(string connection) => new SqliteConnection(connection);
}

/// <summary>Each test's databases on the shared test server, dropped at the end.</summary>
public sealed class BackupTestsOnPostgres : BackupTests
{
    static readonly string? Server = Environment.GetEnvironmentVariable(PostgresApp.Variable);
    readonly List<string> created = [];
    protected override string Provider => "Postgres";

    public BackupTestsOnPostgres()
    {
        if (string.IsNullOrWhiteSpace(Server) && Environment.GetEnvironmentVariable("OPENALUMNI_REQUIRE_POSTGRES") != "1")
            Assert.Skip($"PostgreSQL not configured: set {PostgresApp.Variable} (.ci/run does).");
    }

    protected override async Task<string> NewDatabaseAsync()
    {
        var name = "openalumni_backup_" + Guid.NewGuid().ToString("N")[..10];
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ToString());
        await admin.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", admin);
        await cmd.ExecuteNonQueryAsync(Ct);
        created.Add(name);
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString();
    }

    protected override DbConnection Open(string connection) => new NpgsqlConnection(connection);

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (created.Count > 0)
        {
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ToString());
            await admin.OpenAsync();
            foreach (var name in created)
            {
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        await base.DisposeAsync();
    }
}
