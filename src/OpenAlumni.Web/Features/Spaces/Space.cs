using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Spaces;

public enum SpaceKind { BusinessUnit, Region, Cohort, Interest, Project }

/// <summary>
/// Open: anyone in the network joins and reads. Request: listed to all, a moderator admits, only members read.
/// Secret: by invitation; to anyone else it does not exist (lists, search, counts, notifications: 404).
/// </summary>
public enum SpaceVisibility { Open, Request, Secret }

/// <summary>Member: in the space. Pending: asked to join a request space. Invited: asked in by a moderator (secret spaces).</summary>
public enum SpaceMemberStatus { Member, Pending, Invited }

public enum SpaceRole { Member, Moderator }

/// <summary>What a member hears of one space, on top of their delivery choice per notification type.</summary>
public enum SpaceNotify { Everything, Highlights, Nothing }

/// <summary>A sub-community of the network: a business unit, an office, an intake, an interest, a project.</summary>
public class Space : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    /// <summary>The name as the secretariat writes it (usually Japanese); <see cref="NameEn"/> is shown to English readers when set.</summary>
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public string Description { get; set; } = "";
    public string? DescriptionEn { get; set; }
    public SpaceKind Kind { get; set; }
    public SpaceVisibility Visibility { get; set; }
    public string? ImagePath { get; set; }
    public long CreatedByMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One member's place in one space: in it, asking, or invited; a moderator or not; and how much they hear of it.</summary>
public class SpaceMember : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long SpaceId { get; set; }
    public long MemberId { get; set; }
    public SpaceMemberStatus Status { get; set; }
    public SpaceRole Role { get; set; }
    public SpaceNotify Notify { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }
}

/// <summary>A volunteer the secretariat appointed for the whole network: moderates the network's own (not a space's) posts.</summary>
public class Supporter : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    public long AppointedByMemberId { get; set; }
    public DateTimeOffset AppointedAt { get; set; }
}

public static class SpaceLimits
{
    public const int Name = 100, Description = 2000;
}

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> b)
    {
        b.Property(s => s.Name).HasMaxLength(SpaceLimits.Name);
        b.Property(s => s.NameEn).HasMaxLength(SpaceLimits.Name);
        b.Property(s => s.Description).HasMaxLength(SpaceLimits.Description);
        b.Property(s => s.DescriptionEn).HasMaxLength(SpaceLimits.Description);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Visibility).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.ImagePath).HasMaxLength(200);
        b.HasIndex(s => new { s.TenantId, s.Visibility });
    }
}

internal sealed class SpaceMemberConfiguration : IEntityTypeConfiguration<SpaceMember>
{
    public void Configure(EntityTypeBuilder<SpaceMember> b)
    {
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Notify).HasConversion<string>().HasMaxLength(16);
        // One row per member and space: joining twice at once is one membership.
        b.HasIndex(s => new { s.TenantId, s.SpaceId, s.MemberId }).IsUnique();
        // A reader's spaces, read on every feed request.
        b.HasIndex(s => new { s.TenantId, s.MemberId, s.Status });
        b.HasOne<Space>().WithMany().HasForeignKey(s => s.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupporterConfiguration : IEntityTypeConfiguration<Supporter>
{
    public void Configure(EntityTypeBuilder<Supporter> b)
    {
        b.HasIndex(s => new { s.TenantId, s.MemberId }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
