using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// The demo network of the embedded default, and synthetic members in bulk for benchmarks. Every demo
/// login shares one password, hashed once: hashing is deliberately slow, and 100k hashes would take hours.
/// </summary>
public sealed class DemoSeeder(AlumniDb db, TenantDirectory tenants, TenantContext tenant, UserManager<AppUser> users, TimeProvider clock)
{
    public const string DemoSlug = "demo";
    public const string AdminEmail = "admin@demo.localhost";
    public const string AdminPassword = "demo-admin-2026";
    public const string MemberPassword = "demo-member-2026";

    public async Task EnsureDemoAsync(ILogger log, CancellationToken ct)
    {
        if (await tenants.FindBySlugAsync(DemoSlug, ct) is null)
        {
            var created = await tenants.CreateAsync(DemoSlug, "デモ商事 アルムナイネットワーク", ["localhost"], "demo-shoji.example", ct);
            tenant.Set(created.Value!);
            await SeedDemoAsync(ct);
        }
        log.LogInformation("Demo network ready");
        Console.WriteLine($"""

            ==============================================================
             OpenAlumni demo network is ready.
             Open   http://localhost:5000  (or the URL printed below)
             Admin  {AdminEmail} / {AdminPassword}
             Member hanako.yamada@demo.localhost / {MemberPassword}
            ==============================================================

            """);
    }

    async Task SeedDemoAsync(CancellationToken ct)
    {
        var rng = new Random(2026);
        var hash = users.PasswordHasher.HashPassword(new AppUser(), MemberPassword);
        var now = clock.GetUtcNow();
        var tenantId = tenant.Tenant!.Id;

        var admin = DemoPeople.NewUser(AdminEmail, users.PasswordHasher.HashPassword(new AppUser(), AdminPassword));
        db.Users.Add(admin);
        var adminMember = DemoPeople.NewMember(admin, MemberKind.Employee, MemberStatus.Approved, "事務局", "アルムナイ", "じむきょく", "あるむない", "Alumni Secretariat", now.AddYears(-2), tenantId);
        adminMember.Role = MemberRole.Admin;
        adminMember.Career.Add(DemoPeople.Career(tenantId, "人事部", 2008, null));
        adminMember.Bio = "アルムナイネットワーク事務局です。ご質問はお気軽にどうぞ。";
        MemberSearchIndex.Update(adminMember);
        db.Members.Add(adminMember);

        var hanako = DemoPeople.NewUser("hanako.yamada@demo.localhost", hash);
        db.Users.Add(hanako);
        var hanakoMember = DemoPeople.NewMember(hanako, MemberKind.Alumni, MemberStatus.Approved, "山田", "花子", "やまだ", "はなこ", "Hanako Yamada", now.AddMonths(-14), tenantId);
        hanakoMember.Organization = "株式会社ミライ物流";
        hanakoMember.Title = "代表取締役CEO";
        hanakoMember.Career.Add(DemoPeople.Career(tenantId, "機械・インフラ本部", 2009, 2019));
        hanakoMember.Tags.Add(DemoPeople.Tag(tenantId, TagKind.Skill, "物流"));
        hanakoMember.Tags.Add(DemoPeople.Tag(tenantId, TagKind.Skill, "事業開発"));
        hanakoMember.Tags.Add(DemoPeople.Tag(tenantId, TagKind.Interest, "スタートアップ支援"));
        hanakoMember.Location = "東京都";
        hanakoMember.Bio = DemoNames.Bios[0];
        hanakoMember.OpenTo = OpenTo.Consultation | OpenTo.Collaboration | OpenTo.Speaking;
        MemberSearchIndex.Update(hanakoMember);
        db.Members.Add(hanakoMember);

        for (var i = 0; i < 58; i++)
            AddDemoMember(rng, hash, i, now, MemberStatus.Approved);
        for (var i = 0; i < 4; i++)
            AddDemoMember(rng, hash, 100 + i, now, MemberStatus.Pending);
        await db.SaveChangesAsync(ct);
        await DemoEvents.SeedAsync(db, now, ct);
        await DemoCards.SeedAsync(db, now, ct);
        await DemoPosts.SeedAsync(db, now, ct);
        await DemoSpaces.SeedAsync(db, now, ct);
        await DemoRoster.SeedAsync(db, tenantId, now, ct);
        await DemoConnections.SeedAsync(db, tenantId, now, ct);
        await DemoMessages.SeedAsync(db, now, ct);
        await DemoProjects.SeedAsync(db, now, ct);
        await DemoOutcomes.SeedAsync(db, now, ct);
        await DemoActivity.SeedAsync(db, now, ct);
        await DemoSuggestions.SeedAsync(db, tenant.Tenant!.TimeZoneInfo, now, ct);
    }

    /// <summary>
    /// Adds n synthetic members. Generating people is separate from writing them: <see cref="DemoPeople"/>
    /// makes each batch as plain objects, and a <see cref="SeedWriter"/> writes it in one transaction
    /// (binary COPY on PostgreSQL, prepared statements on SQLite), bypassing EF's change tracker.
    /// Generation stays sequential (one Random, so a given n always yields the same people) while
    /// earlier batches are being written; at most a few batches are in memory at once.
    /// </summary>
    public async Task SeedSyntheticAsync(int n, CancellationToken ct)
    {
        var tenantId = tenant.Tenant?.Id ?? throw new InvalidOperationException("Synthetic members need a tenant.");
        var hash = users.PasswordHasher.HashPassword(new AppUser(), MemberPassword);
        var rng = new Random(n);
        var now = clock.GetUtcNow();
        var run = Guid.NewGuid().ToString("N")[..8];
        var writer = SeedWriter.For(db);
        const int batchSize = 5_000;

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var queue = Channel.CreateBounded<List<Member>>(writer.Parallelism);
        // Whichever task fails first cancels the others, and WhenAll throws its exception. Batches
        // already committed stay: each is whole, and seeding again adds a fresh run of members.
        var writing = Enumerable.Range(0, writer.Parallelism).Select(_ => Guard(WriteAllAsync)).ToList();
        await Task.WhenAll([.. writing, Guard(GenerateAsync)]);

        async Task GenerateAsync()
        {
            try
            {
                for (var done = 0; done < n; done += batchSize)
                {
                    var batch = new List<Member>(batchSize);
                    for (var i = done; i < Math.Min(n, done + batchSize); i++)
                        batch.Add(DemoPeople.Random(rng, hash, i, now, MemberStatus.Approved, demo: false, tenantId, run));
                    await queue.Writer.WriteAsync(batch, failed.Token);
                }
            }
            finally
            {
                queue.Writer.TryComplete();
            }
        }

        async Task WriteAllAsync()
        {
            await foreach (var batch in queue.Reader.ReadAllAsync(failed.Token))
                await writer.WriteAsync(batch, failed.Token);
        }

        async Task Guard(Func<Task> work)
        {
            try { await work(); }
            catch { await failed.CancelAsync(); throw; }
        }
    }

    void AddDemoMember(Random rng, string hash, int i, DateTimeOffset now, MemberStatus status)
    {
        var m = DemoPeople.Random(rng, hash, i, now, status, demo: true, tenant.Tenant!.Id);
        db.Users.Add(m.User!);
        db.Members.Add(m);
    }
}
