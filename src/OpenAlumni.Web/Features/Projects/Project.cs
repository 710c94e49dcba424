using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Projects;

public enum ProjectStatus { Draft, Open, Closed }

/// <summary>
/// Where an application stands: the poster shortlists or declines it (with an answer the applicant reads), and
/// engages the one they work with, which records the engagement in the outcome ledger. The applicant may withdraw.
/// </summary>
public enum ApplicationStatus { Applied, Shortlisted, Engaged, Declined, Withdrawn }

/// <summary>
/// A side project (業務委託・副業) posted by a department of the company or by an alumnus: scope, skills, period, hours, place,
/// fee range (or none: "to discuss"), closing date. A <see cref="Confidential"/> project shows its description only to its
/// poster, the secretariat and the applicants it shortlisted or engaged (details after an NDA, as such projects go).
/// </summary>
public class Project : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown as written; <see cref="DescriptionHtml"/> is it rendered and sanitized.</summary>
    public string Description { get; set; } = "";
    public string DescriptionHtml { get; set; } = "";
    /// <summary>Comma-separated skills, matched against the skills and interests of members open to side projects.</summary>
    public string Skills { get; set; } = "";
    /// <summary>The department posting it, when the company does; empty for an alumnus's own project.</summary>
    public string Department { get; set; } = "";
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int? HoursPerWeek { get; set; }
    public RemoteWork Remote { get; set; }
    public string Place { get; set; } = "";
    /// <summary>Both empty: the fee is to be discussed.</summary>
    public long? FeeMinYen { get; set; }
    public long? FeeMaxYen { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public bool Confidential { get; set; }
    public ProjectStatus Status { get; set; }
    public long PostedByMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A member's application to a project, with a note and the poster's answer. Its status is a concurrency token: two
/// decisions at once (a double click on "engage") cannot both pass. The outcome an engagement recorded is found by its
/// source (this project) and its people, not stored here, so that deleting it from the ledger leaves no stale link.
/// </summary>
public class ProjectApplication : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long ProjectId { get; set; }
    public long MemberId { get; set; }
    public string Note { get; set; } = "";
    public ApplicationStatus Status { get; set; }
    public string Answer { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public static class ProjectLimits
{
    public const int Title = 200, Description = 10_000, Skills = 500, Department = 100, Place = 100, Note = 2000, Answer = 2000, HoursPerWeek = 60;
    public const long MaxFeeYen = 1_000_000_000;
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(p => p.Title).HasMaxLength(ProjectLimits.Title);
        b.Property(p => p.Description).HasMaxLength(ProjectLimits.Description);
        b.Property(p => p.Skills).HasMaxLength(ProjectLimits.Skills);
        b.Property(p => p.Department).HasMaxLength(ProjectLimits.Department);
        b.Property(p => p.Place).HasMaxLength(ProjectLimits.Place);
        b.Property(p => p.Remote).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(p => new { p.TenantId, p.Status, p.ClosesAt });
        b.HasIndex(p => new { p.TenantId, p.CreatedAt });
    }
}

internal sealed class ProjectApplicationConfiguration : IEntityTypeConfiguration<ProjectApplication>
{
    public void Configure(EntityTypeBuilder<ProjectApplication> b)
    {
        b.Property(a => a.Note).HasMaxLength(ProjectLimits.Note);
        b.Property(a => a.Answer).HasMaxLength(ProjectLimits.Answer);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.HasIndex(a => new { a.TenantId, a.ProjectId, a.MemberId }).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
