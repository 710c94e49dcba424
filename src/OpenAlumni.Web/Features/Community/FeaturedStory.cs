using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Community;

/// <summary>
/// An alumni story an admin chose for the public community page. It shows only while its member is approved
/// and has agreed to be featured (the purpose <see cref="Privacy.Purpose.Featured"/>), which the member can withdraw.
/// </summary>
public class FeaturedStory : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    public required string Story { get; set; }
    public long ChosenByMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class FeaturedStoryConfiguration : IEntityTypeConfiguration<FeaturedStory>
{
    public void Configure(EntityTypeBuilder<FeaturedStory> b)
    {
        b.Property(s => s.Story).HasMaxLength(CommunityLimits.Story);
        b.HasIndex(s => new { s.TenantId, s.MemberId }).IsUnique();
        b.HasOne<Members.Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class CommunityLimits
{
    public const int Story = 1000, Stories = 6, UpcomingEvents = 5;
}
