using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Privacy;

/// <summary>
/// The purposes of use a member consents to, one by one (APPI). Wire names: directory, companyNews,
/// rehireContact, featured, eventPhotos.
/// </summary>
[Flags]
public enum Purpose
{
    None = 0,
    /// <summary>Listed in the directory (search, API, home page lists). Admins still see everyone.</summary>
    Directory = 1,
    /// <summary>Receives the company's announcements and broadcasts (notification, mail, digest).</summary>
    CompanyNews = 2,
    /// <summary>May be contacted about rehire openings (job board).</summary>
    RehireContact = 4,
    /// <summary>May be featured on the public community page.</summary>
    Featured = 8,
    /// <summary>May appear in photographs taken at events.</summary>
    EventPhotos = 16,
}

/// <summary>
/// One version of the privacy policy in one language. An admin's edit adds a version; old ones are kept,
/// because each consent names the version it was given under.
/// </summary>
public class PrivacyPolicy : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    /// <summary>ja or en.</summary>
    public required string Culture { get; set; }
    /// <summary>1, 2, 3... per tenant, shared by both languages: version n is "the policy as of that edit".</summary>
    public int Version { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long? CreatedByMemberId { get; set; }
}

/// <summary>One consent or withdrawal, for one purpose, under one policy version. Append-only.</summary>
public class ConsentRecord : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    public Purpose Purpose { get; set; }
    public bool Granted { get; set; }
    /// <summary>0 when the network had no policy text yet.</summary>
    public int PolicyVersion { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// The one consent rule other features call. The current state lives on the member
/// (<see cref="Member.WithheldPurposes"/>: the purposes NOT consented to, so a member written by any path
/// that predates this feature consents to all), the history in <see cref="ConsentRecord"/>.
/// </summary>
public static class Consents
{
    public static readonly Purpose[] All = [Purpose.Directory, Purpose.CompanyNews, Purpose.RehireContact, Purpose.Featured, Purpose.EventPhotos];

    /// <summary>What the registration form offers checked; also what an API registration that names no purposes gives.</summary>
    public const Purpose RegistrationDefault = Purpose.Directory | Purpose.CompanyNews;

    /// <summary>Members who consent to <paramref name="purpose"/>: filter in SQL wherever a member is listed or messaged for it.</summary>
    public static IQueryable<Member> Consenting(this IQueryable<Member> members, Purpose purpose) =>
        members.Where(Grants(purpose));

    public static Expression<Func<Member, bool>> Grants(Purpose purpose) => m => (m.WithheldPurposes & purpose) == Purpose.None;

    public static bool Has(this Member m, Purpose purpose) => (m.WithheldPurposes & purpose) == Purpose.None;

    public static string WireName(Purpose p) => Infrastructure.WireNames.Of(p);

    public static Purpose? Parse(string? name) =>
        All.Cast<Purpose?>().FirstOrDefault(p => string.Equals(WireName(p!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(p!.Value.ToString(), name?.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(p!.Value.ToString(), name?.Replace("_", "").Trim(), StringComparison.OrdinalIgnoreCase));
}

internal sealed class PrivacyPolicyConfiguration : IEntityTypeConfiguration<PrivacyPolicy>
{
    public void Configure(EntityTypeBuilder<PrivacyPolicy> b)
    {
        b.Property(p => p.Culture).HasMaxLength(8);
        b.Property(p => p.Text).HasMaxLength(PrivacyLimits.PolicyText);
        b.HasIndex(p => new { p.TenantId, p.Culture, p.Version }).IsUnique();
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(c => new { c.TenantId, c.MemberId, c.Id });
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class PrivacyLimits
{
    public const int PolicyText = 50_000;
}
