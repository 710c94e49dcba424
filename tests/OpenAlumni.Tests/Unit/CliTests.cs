using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Tests.Unit;

/// <summary>The operator's command line, run as the real binary against a fresh SQLite file.</summary>
public sealed class CliTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("openalumni-cli").FullName;
    string Db => Path.Combine(dir, "cli.db");

    async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpenAlumni.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__Alumni"] = $"Data Source={Db}";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
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
            context.Set(TenantInfo.From(await lookup.Tenants.SingleAsync(t => t.Slug == "acme")));
        await using var db = new SqliteAlumniDb(new DbContextOptionsBuilder<SqliteAlumniDb>().UseSqlite($"Data Source={Db}").Options, context);
        Assert.Equal(251, await db.Members.CountAsync());
        Assert.Equal(MemberRole.Admin, (await db.Members.SingleAsync(m => m.User!.Email == "a@acme.example")).Role);
        Assert.True(await db.Members.AllAsync(m => m.SearchNetwork != ""));
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
        Assert.Equal(0, await db.Tenants.CountAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}
