using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Collaborations;

/// <summary>Ordered: a move to a lower value is a move backwards (and needs a reason). <c>Stopped</c> ends any stage.</summary>
public enum CollaborationStage { Idea, Talking, Poc, Contract, Launched, Stopped }
public enum CollaborationStatus { Proposed, Accepted, Declined }
/// <summary>Where a collaboration started. Pitch, post, event and consultation carry the id of that record.</summary>
public enum CollaborationOrigin { Pitch, Post, Event, Consultation, Other }

/// <summary>
/// Work that grew out of the network: the secretariat's proof of value. An admin's record is accepted at
/// once; a member's is a proposal until an admin accepts it. Every stage change is kept in <see cref="CollaborationStageChange"/>.
/// </summary>
public class Collaboration : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    /// <summary>The company's departments involved, one per line.</summary>
    public string Departments { get; set; } = "";
    public CollaborationOrigin? OriginKind { get; set; }
    public long? OriginId { get; set; }
    public CollaborationStage Stage { get; set; }
    public CollaborationStatus Status { get; set; }
    public long ProposedByMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset StageChangedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public List<CollaborationMember> Members { get; set; } = [];
    public List<CollaborationStageChange> History { get; set; } = [];
}

/// <summary>A member involved: may edit the collaboration and move its stage.</summary>
public class CollaborationMember : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long CollaborationId { get; set; }
    public long MemberId { get; set; }
}

public class CollaborationStageChange : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long CollaborationId { get; set; }
    /// <summary>Null for the stage it was recorded in.</summary>
    public CollaborationStage? From { get; set; }
    public CollaborationStage To { get; set; }
    public DateTimeOffset At { get; set; }
    public long ByMemberId { get; set; }
    public string? Reason { get; set; }
}

public static class CollaborationLimits
{
    public const int Title = 200, Description = 5000, Department = 100, Departments = 20, Members = 50, Reason = 1000;
}

internal sealed class CollaborationConfiguration : IEntityTypeConfiguration<Collaboration>
{
    public void Configure(EntityTypeBuilder<Collaboration> b)
    {
        b.Property(c => c.Title).HasMaxLength(CollaborationLimits.Title);
        b.Property(c => c.Description).HasMaxLength(CollaborationLimits.Description);
        b.Property(c => c.Departments).HasMaxLength(CollaborationLimits.Departments * (CollaborationLimits.Department + 1));
        b.Property(c => c.OriginKind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => new { c.TenantId, c.Status, c.Stage });
        b.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CollaborationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.History).WithOne().HasForeignKey(s => s.CollaborationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollaborationMemberConfiguration : IEntityTypeConfiguration<CollaborationMember>
{
    public void Configure(EntityTypeBuilder<CollaborationMember> b)
    {
        b.HasIndex(m => new { m.TenantId, m.CollaborationId, m.MemberId }).IsUnique();
        b.HasIndex(m => m.MemberId);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollaborationStageChangeConfiguration : IEntityTypeConfiguration<CollaborationStageChange>
{
    public void Configure(EntityTypeBuilder<CollaborationStageChange> b)
    {
        b.Property(s => s.From).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.To).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Reason).HasMaxLength(CollaborationLimits.Reason);
        b.HasIndex(s => new { s.TenantId, s.CollaborationId, s.At });
    }
}
