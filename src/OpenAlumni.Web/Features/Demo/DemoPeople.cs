using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Search;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// Makes demo and synthetic people as plain objects, without touching the database: a member with its
/// login (<see cref="Member.User"/>), career and tags, search columns filled, every tenant-owned row
/// stamped with the tenant. The demo adds them through EF; bulk seeding writes them with COPY or
/// prepared statements (<see cref="SeedWriter"/>), so both get the same data from the same code.
/// </summary>
internal static class DemoPeople
{
    /// <summary>
    /// A random person. The draws from <paramref name="rng"/> are made in a fixed order, so a given seed
    /// always yields the same people, whichever path writes them.
    /// </summary>
    public static Member Random(Random rng, string hash, int i, DateTimeOffset now, MemberStatus status, bool demo, long tenantId, string run = "")
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

        var m = NewMember(user, kind, status, family, given, familyKana, givenKana, romaji, now.AddDays(-rng.Next(5, 900)), tenantId);
        var joined = rng.Next(1988, 2016);
        var left = kind == MemberKind.Alumni ? Math.Min(now.Year, joined + rng.Next(3, 20)) : (int?)null;
        m.Career.Add(Career(tenantId, Pick(rng, DemoNames.Departments), joined, left is null ? null : Math.Max(joined, left.Value - rng.Next(0, 4))));
        if (rng.Next(3) == 0) m.Career.Add(Career(tenantId, Pick(rng, DemoNames.Departments), m.Career[0].ToYear ?? joined + 4, left));
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
        foreach (var s in DemoNames.Skills.OrderBy(_ => rng.Next()).Take(rng.Next(1, 5))) m.Tags.Add(Tag(tenantId, TagKind.Skill, s));
        foreach (var s in DemoNames.Interests.OrderBy(_ => rng.Next()).Take(rng.Next(0, 3))) m.Tags.Add(Tag(tenantId, TagKind.Interest, s));
        m.Location = Pick(rng, DemoNames.Locations);
        m.Bio = rng.Next(2) == 0 ? Pick(rng, DemoNames.Bios) : null;
        m.OpenTo = (OpenTo)rng.Next(0, 32);
        // Some members keep fields narrower, so the demo shows visibility at work.
        if (rng.Next(4) == 0) m.OrganizationVisibility = Visibility.Employees;
        if (rng.Next(6) == 0) m.LocationVisibility = Visibility.Admins;
        MemberSearchIndex.Update(m);
        return m;
    }

    static string Pick(Random rng, string[] items) => items[rng.Next(items.Length)];

    public static CareerEntry Career(long tenantId, string department, int? from, int? to) =>
        new() { TenantId = tenantId, Department = department, FromYear = from, ToYear = to };

    public static ProfileTag Tag(long tenantId, TagKind kind, string name) =>
        new() { TenantId = tenantId, Kind = kind, Name = name, Key = SearchText.Normalize(name) };

    public static AppUser NewUser(string email, string hash) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, PreferredCulture = "ja",
    };

    public static Member NewMember(AppUser user, MemberKind kind, MemberStatus status, string family, string given, string familyKana, string givenKana, string romaji, DateTimeOffset created, long tenantId) => new()
    {
        User = user, UserId = user.Id, Kind = kind, Status = status, Role = MemberRole.Member, CreatedAt = created, UpdatedAt = created, ConfirmedAt = created,
        DecidedAt = status == MemberStatus.Approved ? created.AddDays(1) : null,
        FamilyName = family, GivenName = given, FamilyNameKana = familyKana.Length > 0 ? familyKana : null,
        GivenNameKana = givenKana.Length > 0 ? givenKana : null, RomanizedName = romaji,
        LocationVisibility = Visibility.Employees, EmailVisibility = Visibility.Admins, TenantId = tenantId,
    };
}
