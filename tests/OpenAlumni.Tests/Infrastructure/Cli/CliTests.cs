using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Tests.Infrastructure.Cli;

/// <summary>The operator's command line, run as the real binary against a fresh SQLite file.</summary>
public sealed class CliTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("openalumni-cli").FullName;
    string Db => Path.Combine(dir, "cli.db");
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpenAlumni.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__Alumni"] = $"Data Source={Db}";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Storage__Root"] = Path.Combine(dir, "files");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task TenantCreate_AdminCreate_AndDemoSeed_BuildAWorkingNetwork()
    {
        var tenant = await RunAsync("tenant", "create", "--slug", "acme", "--name", "ACME Corp", "--host", "acme.localhost", "--employee-domains", "acme.example");
        var admin = await RunAsync("admin", "create", "--tenant", "acme", "--email", "a@acme.example", "--password", "admin-password-1");
        var seed = await RunAsync("demo", "seed", "--tenant", "acme", "--members", "250");

        Assert.True(tenant.Code == 0, tenant.Err);
        Assert.True(admin.Code == 0, admin.Err);
        Assert.True(seed.Code == 0, seed.Err);
        var context = new TenantContext();
        await using (var lookup = new SqliteAlumniDb(new DbContextOptionsBuilder<SqliteAlumniDb>().UseSqlite($"Data Source={Db}").Options, context))
            context.Set(TenantInfo.From(await lookup.Tenants.SingleAsync(t => t.Slug == "acme", Ct)));
        await using var db = new SqliteAlumniDb(new DbContextOptionsBuilder<SqliteAlumniDb>().UseSqlite($"Data Source={Db}").Options, context);
        Assert.Equal(251, await db.Members.CountAsync(Ct));
        Assert.Equal(MemberRole.Admin, (await db.Members.SingleAsync(m => m.User!.Email == "a@acme.example", Ct)).Role);
        Assert.True(await db.Members.AllAsync(m => m.SearchNetwork != "", Ct));
    }

    [Fact]
    public async Task FilesToDatabase_CopiesEachUploadOnce_AndSkipsOrphans()
    {
        Assert.Equal(0, (await RunAsync("tenant", "create", "--slug", "acme", "--name", "ACME Corp", "--host", "acme.localhost")).Code);
        long tenantId;
        await using (var db = new SqliteAlumniDb(new DbContextOptionsBuilder<SqliteAlumniDb>().UseSqlite($"Data Source={Db}").Options, new TenantContext()))
            tenantId = (await db.Tenants.SingleAsync(Ct)).Id;
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 1, 2, 3 };
        foreach (var (path, bytes) in new[] { ($"{tenantId}/photos/a.jpg", photo), ($"{tenantId}/logo/b.jpg", new byte[] { 0xFF, 0xD8, 9 }), ("999/photos/c.jpg", photo) })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, "files", path))!);
            await File.WriteAllBytesAsync(Path.Combine(dir, "files", path), bytes, Ct);
        }

        var first = await RunAsync("files", "to-database");
        var second = await RunAsync("files", "to-database");

        Assert.True(first.Code == 0, first.Err);
        Assert.Contains("Copied 2 files", first.Out);
        Assert.Contains("1 skipped", first.Out);
        Assert.Contains("Copied 0 files", second.Out);
        Assert.Contains("2 were there already", second.Out);
        await using var check = new SqliteAlumniDb(new DbContextOptionsBuilder<SqliteAlumniDb>().UseSqlite($"Data Source={Db}").Options, new TenantContext());
        var stored = await check.Set<OpenAlumni.Web.Infrastructure.Storage.StoredFile>().OrderBy(f => f.Path).ToListAsync(Ct);
        Assert.Equal([$"{tenantId}/logo/b.jpg", $"{tenantId}/photos/a.jpg"], stored.Select(f => f.Path));
        Assert.Equal(photo, stored[1].Content);
    }

    [Fact]
    public async Task BadArguments_ExitNonZeroWithAMessage_AndCreateNothing()
    {
        var badSlug = await RunAsync("tenant", "create", "--slug", "Not A Slug!", "--name", "X", "--host", "x.localhost");
        var noTenant = await RunAsync("admin", "create", "--tenant", "nope", "--email", "a@b.example", "--password", "admin-password-1");
        var missing = await RunAsync("tenant", "create", "--name", "X");
        var badZone = await RunAsync("tenant", "create", "--slug", "zone", "--name", "Z", "--host", "z.localhost", "--time-zone", "Mars/Olympus");

        Assert.NotEqual(0, badSlug.Code);
        Assert.Contains("--slug", badSlug.Err);
        Assert.NotEqual(0, noTenant.Code);
        Assert.Contains("no tenant 'nope'", noTenant.Err);
        Assert.NotEqual(0, missing.Code);
        Assert.NotEqual(0, badZone.Code);
        Assert.Contains("--time-zone", badZone.Err);
        await using var db = new SqliteAlumniDb(new DbContextOptionsBuilder<SqliteAlumniDb>().UseSqlite($"Data Source={Db}").Options, new TenantContext());
        Assert.Equal(0, await db.Tenants.CountAsync(Ct));
    }

    [Fact]
    public async Task MembersImport_ReadsShiftJis_DryRunWritesNothing_ASecondRunChangesNothing_AndABadRowImportsNothing()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        await RunAsync("tenant", "create", "--slug", "acme", "--name", "ACME Corp", "--host", "acme.localhost");
        var csv = Path.Combine(dir, "roster.csv");
        await File.WriteAllBytesAsync(csv, System.Text.Encoding.GetEncoding(932).GetBytes(
            "family_name,given_name,family_name_kana,given_name_kana,email,department,joined_year,left_year,employee_number\r\n" +
            "山田,太郎,やまだ,たろう,taro@example.com,営業部,2001,2011,A1\r\n佐藤,花子,,,hanako@example.com,人事部,2003,2013,\r\n"), Ct);
        var bad = Path.Combine(dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "family_name,given_name,family_name_kana,given_name_kana,email,department,joined_year,left_year,employee_number\n" +
            "鈴木,一郎,,,suzuki@example.com,,,,\n田中,二郎,,,not-an-email,,,,\n", Ct);

        var dry = await RunAsync("members", "import", "--tenant", "acme", csv, "--dry-run");
        var first = await RunAsync("members", "import", "--tenant", "acme", csv);
        var second = await RunAsync("members", "import", "--tenant", "acme", csv);
        var failed = await RunAsync("members", "import", "--tenant", "acme", bad);

        Assert.True(dry.Code == 0, dry.Err);
        Assert.Contains("would import 2 new", dry.Out);
        Assert.True(first.Code == 0, first.Err);
        Assert.Contains("Imported 2 new", first.Out);
        Assert.Contains("0 new, 0 updated, 2 unchanged", second.Out);
        Assert.NotEqual(0, failed.Code);
        Assert.Contains("rows[3].email", failed.Err);
        var context = new TenantContext();
        await using (var lookup = new SqliteAlumniDb(new DbContextOptionsBuilder<SqliteAlumniDb>().UseSqlite($"Data Source={Db}").Options, context))
            context.Set(TenantInfo.From(await lookup.Tenants.SingleAsync(t => t.Slug == "acme", Ct)));
        await using var db = new SqliteAlumniDb(new DbContextOptionsBuilder<SqliteAlumniDb>().UseSqlite($"Data Source={Db}").Options, context);
        var rows = await db.Set<OpenAlumni.Web.Features.Roster.RosterEntry>().OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal(["山田", "佐藤"], rows.Select(r => r.FamilyName));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}
