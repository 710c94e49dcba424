using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Members;

public enum MemberKind { Alumni, Employee }
public enum MemberRole { Member, Admin }
/// <summary>Former: the one placeholder per network that keeps the posts of members who deleted themselves ("former member").</summary>
public enum MemberStatus { Pending, Approved, Rejected, Suspended, Former }

/// <summary>Who may see a profile field. Ordered: a viewer at a level sees fields at that level and below.</summary>
public enum Visibility { Network = 0, Employees = 1, Admins = 2 }

[Flags]
public enum OpenTo
{
    None = 0, Consultation = 1, Collaboration = 2, Rehire = 4, Mentoring = 8, Speaking = 16, SideProjects = 32,
}

/// <summary>
/// A membership: one login in one tenant, with its kind, role and status, and the profile it shows there.
/// One row per (tenant, user); the profile lives here because it is per network (a person may present
/// themselves differently in two companies' networks).
/// </summary>
public class Member : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }

    public MemberKind Kind { get; set; }
    public MemberRole Role { get; set; }
    public MemberStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecisionReason { get; set; }

    // Name: always visible to the network (a directory needs it).
    public required string FamilyName { get; set; }
    public required string GivenName { get; set; }
    public string? FamilyNameKana { get; set; }
    public string? GivenNameKana { get; set; }
    public string? RomanizedName { get; set; }

    public string? PhotoPath { get; set; }
    public Visibility PhotoVisibility { get; set; }
    public string? Organization { get; set; }
    public string? Title { get; set; }
    public Visibility OrganizationVisibility { get; set; }
    public List<CareerEntry> Career { get; set; } = [];
    public Visibility CareerVisibility { get; set; }
    public List<ProfileTag> Tags { get; set; } = [];
    public Visibility TagsVisibility { get; set; }
    public string? Location { get; set; }
    public Visibility LocationVisibility { get; set; }
    public string? Bio { get; set; }
    public Visibility BioVisibility { get; set; }
    /// <summary>Up to five http(s) links, one per line.</summary>
    public string? Links { get; set; }
    public Visibility LinksVisibility { get; set; }
    public OpenTo OpenTo { get; set; }
    public Visibility OpenToVisibility { get; set; }
    /// <summary>When open to side projects: how much and when (e.g. "8 hours a week, weekday evenings"); shown with <see cref="OpenTo"/>.</summary>
    public string? Availability { get; set; }
    public Visibility EmailVisibility { get; set; } = Visibility.Admins;
    /// <summary>May post rehire openings and see who is interested (set by admins; admins may anyway).</summary>
    public bool IsRecruiter { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When the owner last confirmed the profile is current (registering and saving it count); the yearly mail asks again.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
    /// <summary>When the last "is your profile current?" mail was queued; at most one per interval.</summary>
    public DateTimeOffset? ConfirmRequestedAt { get; set; }
    /// <summary>Purposes of use this member has NOT consented to (see <see cref="Privacy.Consents"/>); none = all consented.</summary>
    public Privacy.Purpose WithheldPurposes { get; set; }
    /// <summary>When the member last used the network (updated at most once an hour, by <see cref="Infrastructure.Auth.CurrentMember"/>).</summary>
    public DateTimeOffset? LastActiveAt { get; set; }

    /// <summary>Normalised searchable text per viewer level (cumulative), written by <see cref="MemberSearchIndex"/>.</summary>
    public string SearchNetwork { get; set; } = "";
    public string SearchEmployees { get; set; } = "";
    public string SearchAdmins { get; set; } = "";
    /// <summary>Level-prefixed character bigrams of the texts above; PostgreSQL indexes them as a tsvector.</summary>
    public string SearchTokens { get; set; } = "";
    public NpgsqlTsVector? SearchVector { get; set; }
    /// <summary>Kana reading (else name), normalised: the directory's order, as a Japanese list is sorted.</summary>
    public string SortKey { get; set; } = "";

    /// <summary>The name in the reader's language (<see cref="PersonName.Display(string, string, string?)"/>).</summary>
    public string DisplayName => PersonName.Display(FamilyName, GivenName, RomanizedName);
}

public static class PersonName
{
    /// <summary>Japanese names read family-first (山田 花子); names in Latin letters given-first (Michael Chen).</summary>
    public static string Display(string family, string given) =>
        IsLatin(family) && IsLatin(given) ? given + " " + family : family + " " + given;

    /// <summary>
    /// The name as the reader's language shows it: in English the romanised name when the member gave one
    /// (Taro Yamada), else the name as written. The one place where that choice is made; it reads the current
    /// UI culture, so a projection run for a request (or inside <c>Cultures.Use</c> for a mail) gets the right one.
    /// The name itself is always visible to the network (see <see cref="Member"/>), the romanised one with it.
    /// </summary>
    public static string Display(string family, string given, string? romanized) =>
        !string.IsNullOrWhiteSpace(romanized) && InEnglish ? romanized.Trim() : Display(family, given);

    /// <summary>The name as written, when it differs from <paramref name="shown"/> (山田 太郎 beside Taro Yamada); else null.</summary>
    public static string? Original(string family, string given, string shown) =>
        Display(family, given) is var original && original != shown ? original : null;

    static bool InEnglish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The first character as a reader sees it (a surrogate pair such as 𠮷 stays whole), for avatars.</summary>
    public static string Initial(string name) =>
        string.IsNullOrEmpty(name) ? "?" : name[..System.Globalization.StringInfo.GetNextTextElementLength(name)];

    static bool IsLatin(string s) => s.All(c => c < '\u0250' || char.IsWhiteSpace(c));
}

public class CareerEntry : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    public required string Department { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
}

public enum TagKind { Skill, Interest }

public class ProfileTag : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    public TagKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>Normalised name; the skill filter matches on it.</summary>
    public required string Key { get; set; }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.HasIndex(m => new { m.TenantId, m.UserId }).IsUnique();
        // The directory walks this index in reading order; with the columns its filters test (consent, kind, open to,
        // and the visibilities they depend on) in the index (PostgreSQL), counting and skipping members is an
        // index-only scan, and only the page's rows are read from the 1.6 KB table rows.
        b.HasIndex(m => new { m.TenantId, m.Status, m.SortKey })
            .IncludeProperties(m => new { m.Id, m.WithheldPurposes, m.Kind, m.OpenTo, m.OpenToVisibility, m.TagsVisibility, m.CareerVisibility });
        // Analytics counts members who joined in a period (members over time, the sign-up funnel), by kind: with the
        // kind and id in the index (PostgreSQL), those counts are index-only scans instead of reading 1.6 KB rows.
        b.HasIndex(m => new { m.TenantId, m.Status, m.CreatedAt }).IncludeProperties(m => new { m.Kind, m.Id });
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.DecisionReason).HasMaxLength(1000);
        b.Property(m => m.FamilyName).HasMaxLength(MemberLimits.Name);
        b.Property(m => m.GivenName).HasMaxLength(MemberLimits.Name);
        b.Property(m => m.FamilyNameKana).HasMaxLength(MemberLimits.Name);
        b.Property(m => m.GivenNameKana).HasMaxLength(MemberLimits.Name);
        b.Property(m => m.RomanizedName).HasMaxLength(MemberLimits.Name * 2);
        b.Property(m => m.PhotoPath).HasMaxLength(200);
        b.Property(m => m.Organization).HasMaxLength(MemberLimits.Organization);
        b.Property(m => m.Title).HasMaxLength(MemberLimits.Organization);
        b.Property(m => m.Location).HasMaxLength(MemberLimits.Location);
        b.Property(m => m.Availability).HasMaxLength(MemberLimits.Availability);
        b.Property(m => m.Bio).HasMaxLength(MemberLimits.Bio);
        b.Property(m => m.Links).HasMaxLength(3000);
        b.Property(m => m.SortKey).HasMaxLength(400);
        b.HasMany(m => m.Career).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Tags).WithOne().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(m => m.DisplayName);
    }

    /// <summary>PostgreSQL only: the bigram tsvector, generated from SearchTokens and GIN-indexed with TenantId first.</summary>
    public static void ConfigurePostgres(ModelBuilder builder)
    {
        builder.HasPostgresExtension("btree_gin");
        builder.Entity<Member>(b =>
        {
            b.HasGeneratedTsVectorColumn(m => m.SearchVector!, "simple", m => new { m.SearchTokens });
            b.HasIndex(m => new { m.TenantId, m.SearchVector }).HasMethod("GIN");
        });
    }

    public static void ConfigureSqlite(ModelBuilder builder) => builder.Entity<Member>().Ignore(m => m.SearchVector);
}

internal sealed class CareerEntryConfiguration : IEntityTypeConfiguration<CareerEntry>
{
    public void Configure(EntityTypeBuilder<CareerEntry> b)
    {
        b.Property(c => c.Department).HasMaxLength(MemberLimits.Department);
        b.HasIndex(c => new { c.TenantId, c.Department });
        b.HasIndex(c => c.MemberId);
    }
}

internal sealed class ProfileTagConfiguration : IEntityTypeConfiguration<ProfileTag>
{
    public void Configure(EntityTypeBuilder<ProfileTag> b)
    {
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.Name).HasMaxLength(MemberLimits.Tag);
        b.Property(t => t.Key).HasMaxLength(MemberLimits.Tag);
        b.HasIndex(t => new { t.TenantId, t.Kind, t.Key });
        b.HasIndex(t => t.MemberId);
    }
}

public static class MemberLimits
{
    public const int Name = 50, Organization = 100, Location = 100, Bio = 2000, Department = 100, Tag = 40, Tags = 20, Links = 5, Availability = 200;
    public const int PhotoBytes = 5 * 1024 * 1024, PhotoPixels = 12_000_000, PhotoSide = 512;
}
