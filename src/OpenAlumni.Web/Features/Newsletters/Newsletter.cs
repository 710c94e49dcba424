using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>Draft (editable) → scheduled (waits for its send time; can go back to draft) → sending (one node is on it) → sent.</summary>
public enum NewsletterStatus { Draft, Scheduled, Sending, Sent }

/// <summary>Whom a newsletter is for: the whole network, a segment (kind and facts, as announcements), or the members of some spaces.</summary>
public enum NewsletterAudience { Everyone, Segment, Spaces }

/// <summary>The lists a newsletter's blocks are chosen from.</summary>
public enum NewsletterBlockKind { Event, Job, Project, Story }

/// <summary>
/// The secretariat's newsletter: a Markdown body, blocks chosen from lists (stored as references, rendered per recipient at
/// send time so that nobody reads an item they may not see), an audience, a send time. Sent once, by one node
/// (<see cref="NewsletterDispatcher"/>); how each recipient fared is in <see cref="NewsletterDelivery"/>.
/// </summary>
public class Newsletter : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public required string Subject { get; set; }
    /// <summary>Markdown as written.</summary>
    public string Body { get; set; } = "";
    /// <summary>The chosen blocks in order, one <c>kind:id</c> a line (<c>event:12</c>).</summary>
    public string Blocks { get; set; } = "";
    public NewsletterAudience Audience { get; set; }
    public MemberKind? SegmentKind { get; set; }
    public Segment Segment { get; set; } = new();
    /// <summary>For <see cref="NewsletterAudience.Spaces"/>: the spaces' ids, comma-separated.</summary>
    public string SpaceIds { get; set; } = "";
    public DateTimeOffset? SendAt { get; set; }
    public NewsletterStatus Status { get; set; }
    /// <summary>While sending: until when the sending node's claim holds (another node takes over a claim run out).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public long CreatedByMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Members of the audience left out at send time: withdrew company news, unsubscribed, or an undeliverable address.</summary>
    public int Withheld { get; set; }
}

/// <summary>What became of one recipient's copy: queued (in the outbox), delivered (the mail server took it), bounced, or capped (over the weekly cap, not sent).</summary>
public enum DeliveryOutcome { Queued, Delivered, Bounced, Capped }

/// <summary>One member's copy of a newsletter. Unique per newsletter and member: a node taking over a stalled send skips those done.</summary>
public class NewsletterDelivery : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long NewsletterId { get; set; }
    public long MemberId { get; set; }
    public DeliveryOutcome Outcome { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>The kinds of network mail a member may unsubscribe from with one click (RFC 8058).</summary>
public enum MailKind { Newsletter, Announcement }

/// <summary>A member unsubscribed from a kind of network mail (one click in the mail, or their notification settings).</summary>
public class MailOptOut : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    public MailKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// How many network mails one member got in one ISO week (in the network's time zone): the weekly cap counts here.
/// One row per member and week, raised by a conditional UPDATE (<see cref="MailCap"/>), so two nodes never pass the cap together.
/// </summary>
public class MemberMailWeek : ITenantOwned
{
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    /// <summary>ISO week, <c>2026-W49</c>.</summary>
    public required string Week { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// An address that bounced (refused at send, or reported by the mail provider): no network mail goes to it until the member
/// changes it or clears the mark. Per network, by address.
/// </summary>
public class UndeliverableAddress : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    /// <summary>Lower-cased.</summary>
    public required string Email { get; set; }
    public DateTimeOffset MarkedAt { get; set; }
    public string? Reason { get; set; }
}

public static class NewsletterLimits
{
    public const int Subject = 200, Body = 20_000, Blocks = 20, Spaces = 50, Reason = 300;
}

internal sealed class NewsletterConfiguration : IEntityTypeConfiguration<Newsletter>
{
    public void Configure(EntityTypeBuilder<Newsletter> b)
    {
        b.Property(n => n.Subject).HasMaxLength(NewsletterLimits.Subject);
        b.Property(n => n.Body).HasMaxLength(NewsletterLimits.Body);
        b.Property(n => n.Blocks).HasMaxLength(1000);
        b.Property(n => n.SpaceIds).HasMaxLength(1000);
        b.Property(n => n.Audience).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.SegmentKind).HasConversion<string>().HasMaxLength(16);
        b.ComplexProperty(n => n.Segment, SegmentRule.Map);
        b.HasIndex(n => new { n.TenantId, n.Status, n.SendAt });
    }
}

internal sealed class NewsletterDeliveryConfiguration : IEntityTypeConfiguration<NewsletterDelivery>
{
    public void Configure(EntityTypeBuilder<NewsletterDelivery> b)
    {
        b.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(d => new { d.TenantId, d.NewsletterId, d.MemberId }).IsUnique();
        b.HasIndex(d => new { d.TenantId, d.MemberId });
        b.HasOne<Newsletter>().WithMany().HasForeignKey(d => d.NewsletterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MailOptOutConfiguration : IEntityTypeConfiguration<MailOptOut>
{
    public void Configure(EntityTypeBuilder<MailOptOut> b)
    {
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(o => new { o.TenantId, o.MemberId, o.Kind }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(o => o.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberMailWeekConfiguration : IEntityTypeConfiguration<MemberMailWeek>
{
    public void Configure(EntityTypeBuilder<MemberMailWeek> b)
    {
        b.HasKey(w => new { w.TenantId, w.MemberId, w.Week });
        b.Property(w => w.Week).HasMaxLength(10);
        b.HasOne<Member>().WithMany().HasForeignKey(w => w.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UndeliverableAddressConfiguration : IEntityTypeConfiguration<UndeliverableAddress>
{
    public void Configure(EntityTypeBuilder<UndeliverableAddress> b)
    {
        b.Property(a => a.Email).HasMaxLength(254);
        b.Property(a => a.Reason).HasMaxLength(NewsletterLimits.Reason);
        b.HasIndex(a => new { a.TenantId, a.Email }).IsUnique();
    }
}
