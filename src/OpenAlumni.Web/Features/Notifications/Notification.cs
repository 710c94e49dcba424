using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Notifications;

public enum NotificationType
{
    Reply, Reaction, Mention, Announcement, ReportDecision,
    Message, ConsultationRequest, ConsultationAccepted, ConsultationProposed, ConsultationDeclined,
    // Events: a seat from the waitlist, and the day-before reminder (mail with the event's details by default).
    WaitlistPromoted, EventReminder,
    // Spaces: a new post or event in a space one hears everything of; an invitation; a request admitted.
    SpacePost, SpaceEvent, SpaceInvitation, SpaceJoined,
}

/// <summary>
/// How a member wants one type of notification: in the app only, by mail at once, in the weekly digest, or as a
/// web push to each browser they subscribed (in the app only while they have none).
/// </summary>
public enum Delivery { InApp, Email, Digest, Push }

/// <summary>Something that happened for a member; shown under the bell, and mailed per their settings.</summary>
public class Notification : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    public NotificationType Type { get; set; }
    public long? PostId { get; set; }
    public long? ActorMemberId { get; set; }
    /// <summary>A short text to show (the post's title, a decision): what the member may see anyway.</summary>
    public required string Subject { get; set; }
    /// <summary>Where the notification leads when it is not a post (a conversation, the consultations page).</summary>
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

public class NotificationPreference : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    public NotificationType Type { get; set; }
    public Delivery Delivery { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Type).HasConversion<string>().HasMaxLength(24);
        b.Property(n => n.Subject).HasMaxLength(300);
        b.Property(n => n.Link).HasMaxLength(200);
        b.HasIndex(n => new { n.TenantId, n.MemberId, n.ReadAt, n.Id });
        b.HasOne<Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.Property(p => p.Type).HasConversion<string>().HasMaxLength(24);
        b.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(p => new { p.TenantId, p.MemberId, p.Type }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
