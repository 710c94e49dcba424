using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Search;
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

        var admin = NewUser(AdminEmail, users.PasswordHasher.HashPassword(new AppUser(), AdminPassword));
        db.Users.Add(admin);
        var adminMember = NewMember(admin, MemberKind.Employee, MemberStatus.Approved, "事務局", "アルムナイ", "じむきょく", "あるむない", "Alumni Secretariat", now.AddYears(-2));
        adminMember.Role = MemberRole.Admin;
        adminMember.Career.Add(new CareerEntry { Department = "人事部", FromYear = 2008 });
        adminMember.Bio = "アルムナイネットワーク事務局です。ご質問はお気軽にどうぞ。";
        MemberSearchIndex.Update(adminMember);
        db.Members.Add(adminMember);

        var hanako = NewUser("hanako.yamada@demo.localhost", hash);
        db.Users.Add(hanako);
        var hanakoMember = NewMember(hanako, MemberKind.Alumni, MemberStatus.Approved, "山田", "花子", "やまだ", "はなこ", "Hanako Yamada", now.AddMonths(-14));
        hanakoMember.Organization = "株式会社ミライ物流";
        hanakoMember.Title = "代表取締役CEO";
        hanakoMember.Career.Add(new CareerEntry { Department = "機械・インフラ本部", FromYear = 2009, ToYear = 2019 });
        hanakoMember.Tags.Add(Tag(TagKind.Skill, "物流"));
        hanakoMember.Tags.Add(Tag(TagKind.Skill, "事業開発"));
        hanakoMember.Tags.Add(Tag(TagKind.Interest, "スタートアップ支援"));
        hanakoMember.Location = "東京都";
        hanakoMember.Bio = DemoNames.Bios[0];
        hanakoMember.OpenTo = OpenTo.Consultation | OpenTo.Collaboration | OpenTo.Speaking;
        MemberSearchIndex.Update(hanakoMember);
        db.Members.Add(hanakoMember);

        for (var i = 0; i < 58; i++)
            AddRandomMember(rng, hash, i, now, status: MemberStatus.Approved, demo: true);
        for (var i = 0; i < 4; i++)
            AddRandomMember(rng, hash, 100 + i, now, status: MemberStatus.Pending, demo: true);
        await db.SaveChangesAsync(ct);
        await DemoEvents.SeedAsync(db, now, ct);
        await DemoPosts.SeedAsync(db, now, ct);
    }

    /// <summary>Adds n members in batches, each batch one round of multi-row inserts; memory stays flat.</summary>
    public async Task SeedSyntheticAsync(int n, CancellationToken ct)
    {
        var hash = users.PasswordHasher.HashPassword(new AppUser(), MemberPassword);
        var rng = new Random(n);
        var now = clock.GetUtcNow();
        var run = Guid.NewGuid().ToString("N")[..8];
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        const int batch = 2000;
        for (var done = 0; done < n; done += batch)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            for (var i = done; i < Math.Min(n, done + batch); i++)
                AddRandomMember(rng, hash, i, now, MemberStatus.Approved, demo: false, run);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    void AddRandomMember(Random rng, string hash, int i, DateTimeOffset now, MemberStatus status, bool demo, string run = "")
    {
        // The demo walks the name lists so that its ~60 people all differ; synthetic members draw at random.
        var western = demo ? i % 9 == 4 : rng.Next(8) == 0;
        string family, given, familyKana = "", givenKana = "", romaji, email;
        if (western)
        {
            var w = DemoNames.Western[demo ? i / 9 % DemoNames.Western.Length : rng.Next(DemoNames.Western.Length)];
            (family, given, romaji) = (w.Family, w.Given, $"{w.Given} {w.Family}");
        }
        else
        {
            var f = DemoNames.Family[demo ? i % DemoNames.Family.Length : rng.Next(DemoNames.Family.Length)];
            var g = DemoNames.Given[demo ? (i * 7 + i / DemoNames.Family.Length) % DemoNames.Given.Length : rng.Next(DemoNames.Given.Length)];
            (family, given, familyKana, givenKana, romaji) = (f.Kanji, g.Kanji, f.Kana, g.Kana, $"{g.Romaji} {f.Romaji}");
        }
        var local = romaji.ToLowerInvariant().Replace(' ', '.');
        email = demo ? $"{local}{i}@demo.localhost" : $"{local}.{run}.{i}@synthetic.example";
        var kind = rng.Next(5) == 0 ? MemberKind.Employee : MemberKind.Alumni;
        if (kind == MemberKind.Employee && demo) email = $"{local}{i}@demo-shoji.example";
        var user = NewUser(email, hash);
        db.Users.Add(user);

        var m = NewMember(user, kind, status, family, given, familyKana, givenKana, romaji, now.AddDays(-rng.Next(5, 900)));
        var joined = rng.Next(1988, 2016);
        var left = kind == MemberKind.Alumni ? Math.Min(now.Year, joined + rng.Next(3, 20)) : (int?)null;
        m.Career.Add(new CareerEntry { Department = Pick(rng, DemoNames.Departments), FromYear = joined, ToYear = left is null ? null : Math.Max(joined, left.Value - rng.Next(0, 4)) });
        if (rng.Next(3) == 0) m.Career.Add(new CareerEntry { Department = Pick(rng, DemoNames.Departments), FromYear = m.Career[0].ToYear ?? joined + 4, ToYear = left });
        if (kind == MemberKind.Alumni)
        {
            m.Organization = Pick(rng, DemoNames.Organizations);
            m.Title = Pick(rng, DemoNames.Titles);
        }
        else
        {
            m.Organization = "デモ商事株式会社";
            m.Title = rng.Next(2) == 0 ? "課長" : "部長代理";
        }
        foreach (var s in DemoNames.Skills.OrderBy(_ => rng.Next()).Take(rng.Next(1, 5))) m.Tags.Add(Tag(TagKind.Skill, s));
        foreach (var s in DemoNames.Interests.OrderBy(_ => rng.Next()).Take(rng.Next(0, 3))) m.Tags.Add(Tag(TagKind.Interest, s));
        m.Location = Pick(rng, DemoNames.Locations);
        m.Bio = rng.Next(2) == 0 ? Pick(rng, DemoNames.Bios) : null;
        m.OpenTo = (OpenTo)rng.Next(0, 32);
        // Some members keep fields narrower, so the demo shows visibility at work.
        if (rng.Next(4) == 0) m.OrganizationVisibility = Visibility.Employees;
        if (rng.Next(6) == 0) m.LocationVisibility = Visibility.Admins;
        MemberSearchIndex.Update(m);
        db.Members.Add(m);
    }

    static string Pick(Random rng, string[] items) => items[rng.Next(items.Length)];

    static ProfileTag Tag(TagKind kind, string name) => new() { Kind = kind, Name = name, Key = SearchText.Normalize(name) };

    static AppUser NewUser(string email, string hash) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, PreferredCulture = "ja",
    };

    Member NewMember(AppUser user, MemberKind kind, MemberStatus status, string family, string given, string familyKana, string givenKana, string romaji, DateTimeOffset created) => new()
    {
        User = user, UserId = user.Id, Kind = kind, Status = status, Role = MemberRole.Member, CreatedAt = created, UpdatedAt = created,
        DecidedAt = status == MemberStatus.Approved ? created.AddDays(1) : null,
        FamilyName = family, GivenName = given, FamilyNameKana = familyKana.Length > 0 ? familyKana : null,
        GivenNameKana = givenKana.Length > 0 ? givenKana : null, RomanizedName = romaji,
        LocationVisibility = Visibility.Employees, EmailVisibility = Visibility.Admins, TenantId = tenant.Tenant!.Id,
    };
}
