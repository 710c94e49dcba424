using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Outcomes;

/// <summary>What the network produced. Rehire and referral hire are the hires (recruiters record those too).</summary>
public enum OutcomeKind { Rehire, ReferralHire, Deal, Investment, SideProject, Engagement }

/// <summary>
/// Where an outcome came from: a record of the network (checked to exist in it when recorded) or <c>Other</c>.
/// The report's attribution groups outcomes by this; <c>Pitch</c> counts with events.
/// </summary>
public enum OutcomeSource { Consultation, Event, Pitch, Post, Job, Project, Collaboration, Other }

/// <summary>
/// One line of the outcome ledger: the secretariat's proof of value to management. <see cref="ValueYen"/> is what
/// the recorder entered; when empty, the report counts the network's configured value for the kind
/// (<see cref="OutcomeKindValue"/>), so that "a rehire saved the hiring cost" is counted without a figure each time.
/// </summary>
public class Outcome : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public OutcomeKind Kind { get; set; }
    /// <summary>The day it happened (the network's calendar): the month the report counts it in.</summary>
    public DateOnly Date { get; set; }
    public long? ValueYen { get; set; }
    public OutcomeSource Source { get; set; }
    public long? SourceId { get; set; }
    /// <summary>The company's departments involved, one per line.</summary>
    public string Departments { get; set; } = "";
    public string Note { get; set; } = "";
    public long RecordedByMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<OutcomeMember> Members { get; set; } = [];
}

/// <summary>A member the outcome involved; <see cref="HideName"/>: the member asked not to be named to anyone but the secretariat.</summary>
public class OutcomeMember : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long OutcomeId { get; set; }
    public long MemberId { get; set; }
    public bool HideName { get; set; }
}

/// <summary>The value a network counts for an outcome of a kind recorded without one (e.g. the hiring cost a rehire saved).</summary>
public class OutcomeKindValue : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public OutcomeKind Kind { get; set; }
    public long ValueYen { get; set; }
}

public static class OutcomeLimits
{
    public const int Note = 2000, Department = 100, Departments = 20, Members = 50;
    /// <summary>A trillion yen: above any single outcome, far below what a 64-bit sum of a ledger could overflow.</summary>
    public const long MaxValueYen = 1_000_000_000_000;
    /// <summary>No figure of the report is shown for a group of fewer people than this (nobody identifiable in a breakdown).</summary>
    public const int MinGroup = 5;
}

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> b)
    {
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Departments).HasMaxLength(OutcomeLimits.Departments * (OutcomeLimits.Department + 1));
        b.Property(o => o.Note).HasMaxLength(OutcomeLimits.Note);
        b.HasIndex(o => new { o.TenantId, o.Date });
        b.HasIndex(o => new { o.TenantId, o.Source, o.SourceId });
        b.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OutcomeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutcomeMemberConfiguration : IEntityTypeConfiguration<OutcomeMember>
{
    public void Configure(EntityTypeBuilder<OutcomeMember> b)
    {
        b.HasIndex(m => new { m.TenantId, m.OutcomeId, m.MemberId }).IsUnique();
        b.HasOne<Members.Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutcomeKindValueConfiguration : IEntityTypeConfiguration<OutcomeKindValue>
{
    public void Configure(EntityTypeBuilder<OutcomeKindValue> b)
    {
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(v => new { v.TenantId, v.Kind }).IsUnique();
    }
}
