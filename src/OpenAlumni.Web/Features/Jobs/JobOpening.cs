using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Jobs;

public enum RemoteWork { Onsite, Hybrid, Remote }
public enum JobStatus { Draft, Open, Closed }

/// <summary>
/// An opening of the company posted for alumni (boomerang hiring) by an admin or a recruiter. Published
/// (status Open) once: that moment mails the alumni open to rehire whose profile matches (<see cref="JobMatching"/>).
/// </summary>
public class JobOpening : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public required string Title { get; set; }
    public required string Department { get; set; }
    public required string Location { get; set; }
    public RemoteWork Remote { get; set; }
    /// <summary>Markdown as written; <see cref="DescriptionHtml"/> is it rendered and sanitized.</summary>
    public string Description { get; set; } = "";
    public string DescriptionHtml { get; set; } = "";
    public required string HowToApply { get; set; }
    /// <summary>Comma-separated words matched against alumni's skills and interests when the opening is announced.</summary>
    public string Keywords { get; set; } = "";
    public DateTimeOffset ClosesAt { get; set; }
    public JobStatus Status { get; set; }
    public long PostedByMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When the matching alumni were mailed; set once, so re-opening does not mail them again.</summary>
    public DateTimeOffset? AnnouncedAt { get; set; }
}

/// <summary>An alumnus raised their hand. Only with <see cref="ConsentToShare"/> do recruiters see who it is.</summary>
public class JobInterest : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long OpeningId { get; set; }
    public long MemberId { get; set; }
    public bool ConsentToShare { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A member suggests someone (possibly outside the network) for an opening; the recruiters get it.</summary>
public class JobReferral : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long OpeningId { get; set; }
    public long ReferrerMemberId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class JobLimits
{
    public const int Title = 200, Department = 100, Location = 100, Description = 10_000, HowToApply = 2000, Keywords = 500, Name = 100, Note = 2000;
}

internal sealed class JobOpeningConfiguration : IEntityTypeConfiguration<JobOpening>
{
    public void Configure(EntityTypeBuilder<JobOpening> b)
    {
        b.Property(j => j.Title).HasMaxLength(JobLimits.Title);
        b.Property(j => j.Department).HasMaxLength(JobLimits.Department);
        b.Property(j => j.Location).HasMaxLength(JobLimits.Location);
        b.Property(j => j.Remote).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.Description).HasMaxLength(JobLimits.Description);
        b.Property(j => j.HowToApply).HasMaxLength(JobLimits.HowToApply);
        b.Property(j => j.Keywords).HasMaxLength(JobLimits.Keywords);
        b.HasIndex(j => new { j.TenantId, j.Status, j.ClosesAt });
        b.HasIndex(j => new { j.TenantId, j.AnnouncedAt });
    }
}

internal sealed class JobInterestConfiguration : IEntityTypeConfiguration<JobInterest>
{
    public void Configure(EntityTypeBuilder<JobInterest> b)
    {
        b.HasIndex(i => new { i.TenantId, i.OpeningId, i.MemberId }).IsUnique();
        b.HasIndex(i => new { i.TenantId, i.CreatedAt });
        b.HasOne<JobOpening>().WithMany().HasForeignKey(i => i.OpeningId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobReferralConfiguration : IEntityTypeConfiguration<JobReferral>
{
    public void Configure(EntityTypeBuilder<JobReferral> b)
    {
        b.Property(r => r.Name).HasMaxLength(JobLimits.Name);
        b.Property(r => r.Email).HasMaxLength(254);
        b.Property(r => r.Note).HasMaxLength(JobLimits.Note);
        b.HasIndex(r => new { r.TenantId, r.OpeningId });
        b.HasIndex(r => new { r.TenantId, r.CreatedAt });
        b.HasOne<JobOpening>().WithMany().HasForeignKey(r => r.OpeningId).OnDelete(DeleteBehavior.Cascade);
    }
}
