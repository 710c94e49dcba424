using System.CommandLine;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Demo;
using OpenAlumni.Web.Infrastructure.Backup;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Storage;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Infrastructure.Cli;

/// <summary>
/// The operator's command line, in the same binary as the web app (DESIGN.md). Each command runs in its
/// own scope with the tenant it names set, so the same services and rules apply as in a request.
/// </summary>
public static class AlumniCli
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var slug = new Option<string>("--slug") { Description = "Short name of the tenant (a-z, 0-9, -)", Required = true };
        var name = new Option<string>("--name") { Description = "The company's network name", Required = true };
        var hosts = new Option<string[]>("--host") { Description = "Host name(s) that serve this tenant", AllowMultipleArgumentsPerToken = true };
        var domains = new Option<string?>("--employee-domains") { Description = "Comma-separated employee email domains" };
        var timeZone = new Option<string?>("--time-zone") { Description = "IANA time zone of the network (default Asia/Tokyo)" };
        var language = new Option<string?>("--language") { Description = "Default language, ja or en (default ja)" };
        var tenantCreate = new Command("create", "Create a tenant") { slug, name, hosts, domains, timeZone, language };
        tenantCreate.SetAction((r, ct) => WithScopeAsync(app, null, async (sp, _) =>
        {
            var result = await sp.GetRequiredService<TenantDirectory>().CreateAsync(r.GetValue(slug)!, r.GetValue(name)!, r.GetValue(hosts) ?? [], r.GetValue(domains), ct, r.GetValue(timeZone), r.GetValue(language));
            return Report(sp, result, t => $"Tenant '{t.Slug}' created (id {t.Id}).");
        }, ct));

        var tenant = new Option<string>("--tenant") { Description = "Slug of the tenant", Required = true };
        var email = new Option<string>("--email") { Required = true };
        var password = new Option<string?>("--password");
        var family = new Option<string>("--family-name") { DefaultValueFactory = _ => "Admin" };
        var given = new Option<string>("--given-name") { DefaultValueFactory = _ => "Secretariat" };
        var adminCreate = new Command("create", "Create (or promote) an admin of a tenant") { tenant, email, password, family, given };
        adminCreate.SetAction((r, ct) => WithScopeAsync(app, r.GetValue(tenant), async (sp, _) =>
        {
            var result = await sp.GetRequiredService<AccountService>().CreateAdminAsync(r.GetValue(email), r.GetValue(password), r.GetValue(family), r.GetValue(given), ct);
            return Report(sp, result, m => $"Admin {m.Email} is ready (member {m.Id}).");
        }, ct));

        var count = new Option<int>("--members") { Description = "How many synthetic members to add", DefaultValueFactory = _ => 1000 };
        var seed = new Command("seed", "Fill a tenant with synthetic members (benchmarks, trying the directory at scale)") { tenant, count };
        seed.SetAction((r, ct) => WithScopeAsync(app, r.GetValue(tenant), async (sp, _) =>
        {
            var n = r.GetValue(count);
            if (n is < 1 or > 1_000_000) { Console.Error.WriteLine("--members: between 1 and 1,000,000."); return 2; }
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await sp.GetRequiredService<DemoSeeder>().SeedSyntheticAsync(n, ct);
            Console.WriteLine($"Added {n} members in {watch.Elapsed.TotalSeconds:F1} s.");
            return 0;
        }, ct));

        var file = new Argument<FileInfo>("file") { Description = "Roster CSV (UTF-8 or Shift_JIS), header as in DESIGN.md" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would change, without importing" };
        var import = new Command("import", "Import the roster of former employees (all or nothing; importing a file twice changes nothing)") { tenant, file, dryRun };
        import.SetAction((r, ct) => WithScopeAsync(app, r.GetValue(tenant), async (sp, _) =>
        {
            var path = r.GetValue(file)!;
            if (!path.Exists) { Console.Error.WriteLine($"file: '{path.Name}' not found."); return 2; }
            await using var stream = path.OpenRead();
            var result = await sp.GetRequiredService<Features.Roster.RosterService>().ImportAsync(stream, path.Length, r.GetValue(dryRun), ct, asOperator: true);
            if (!result.IsOk)
            {
                // Per row and field, as the admin page shows them; nothing was imported.
                var texts = sp.GetRequiredService<IStringLocalizer<ValidationTexts>>();
                foreach (var e in result.Errors?.Items ?? []) Console.Error.WriteLine($"{e.Field}: {texts[e.Key, e.Args]}");
                Console.Error.WriteLine("Nothing imported.");
                return 2;
            }
            var v = result.Value!;
            Console.WriteLine($"{(v.DryRun ? "Dry run: would import" : "Imported")} {v.Imported} new, {v.Updated} updated, {v.Unchanged} unchanged ({v.Rows} rows).");
            return 0;
        }, ct));

        var archive = new Argument<FileInfo>("file") { Description = "The backup archive (.tar.gz)" };
        var backup = new Command("backup", "Write the database of every network and the uploaded files to one archive (the app may keep running)") { archive };
        backup.SetAction((r, ct) => WithScopeAsync(app, null, async (sp, _) =>
        {
            var manifest = await sp.GetRequiredService<BackupService>().BackupAsync(r.GetValue(archive)!.FullName, ct);
            Console.WriteLine($"Backed up the {manifest.Provider} database and {manifest.Entries.Count - 1} uploaded files to {r.GetValue(archive)!.FullName}.");
            return 0;
        }, ct));
        var force = new Option<bool>("--force") { Description = "Replace a database that already holds networks" };
        var restore = new Command("restore", "Replace the database and the uploaded files with a backup's (stop the app first)") { archive, force };
        restore.SetAction((r, ct) => WithScopeAsync(app, null, async (sp, _) =>
        {
            var manifest = await sp.GetRequiredService<BackupService>().RestoreAsync(r.GetValue(archive)!.FullName, r.GetValue(force), ct);
            // A backup taken by an older version is brought up to this version's schema.
            await DatabaseSetup.MigrateAsync(app.Services, ct);
            Console.WriteLine($"Restored the backup of {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC ({manifest.Entries.Count - 1} uploaded files).");
            return 0;
        }, ct));

        var toDatabase = new Command("to-database", "Copy the uploaded files on disk (Storage:Root) into the database, before switching Storage:Provider to Database for more than one node; copying twice copies nothing");
        toDatabase.SetAction((r, ct) => WithScopeAsync(app, null, async (sp, _) =>
        {
            var (copied, present, skipped) = await sp.GetRequiredService<FileStore>().CopyDiskToDatabaseAsync(ct);
            Console.WriteLine($"Copied {copied} files into the database; {present} were there already; {skipped} skipped (no such network).");
            return 0;
        }, ct));

        var root = new RootCommand("OpenAlumni: run with no arguments to serve.")
        {
            new Command("tenant", "Tenants (networks)") { tenantCreate },
            new Command("admin", "Admins of a tenant") { adminCreate },
            new Command("demo", "Demo and synthetic data") { seed },
            new Command("members", "Members of a tenant") { import },
            new Command("files", "Uploaded files") { toDatabase },
            backup, restore,
        };
        await DatabaseSetup.MigrateAsync(app.Services);
        return await root.Parse(args).InvokeAsync();
    }

    static async Task<int> WithScopeAsync(WebApplication app, string? tenantSlug, Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (tenantSlug is not null)
        {
            var tenant = await sp.GetRequiredService<TenantDirectory>().FindBySlugAsync(tenantSlug, ct);
            if (tenant is null) { Console.Error.WriteLine($"--tenant: no tenant '{tenantSlug}'."); return 2; }
            sp.GetRequiredService<TenantContext>().Set(tenant);
        }
        try { return await action(sp, ct); }
        catch (BackupException e) { Console.Error.WriteLine(e.Message); return 2; }
    }

    static int Report<T>(IServiceProvider sp, Result<T> result, Func<T, string> ok)
    {
        if (result.IsOk) { Console.WriteLine(ok(result.Value!)); return 0; }
        var texts = sp.GetRequiredService<IStringLocalizer<ValidationTexts>>();
        foreach (var e in result.Errors?.Items ?? [])
            Console.Error.WriteLine($"--{Kebab(e.Field)}: {texts[e.Key, e.Args]}");
        return 2;
    }

    static string Kebab(string field) => string.Concat(field.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}
