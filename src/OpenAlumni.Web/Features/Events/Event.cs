using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Events;

public enum EventKind { Agm, Pitch, Meetup, Other }
public enum EventFormat { Online, Offline, Hybrid }
public enum EventStatus { Draft, Published, Cancelled }
/// <summary>Who may see and join an event by member kind; its <see cref="Event.Segment"/> narrows it further.</summary>
public enum EventAudience { All, Alumni, Employees }
public enum AttendanceMode { InPerson, Online }
public enum RsvpStatus { Confirmed, Waitlisted, Cancelled }

/// <summary>
/// An event of a network. Seats are counted on the event row itself (ConfirmedInPerson, ConfirmedOnline):
/// a sign-up takes a seat with one conditional UPDATE, which the database makes atomic, so capacity holds
/// however many members sign up at once; the same UPDATE locks the row, serialising the waitlist.
/// </summary>
public class Event : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public EventKind Kind { get; set; }
    public EventFormat Format { get; set; }
    public EventStatus Status { get; set; }
    public EventAudience Audience { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public DateTimeOffset? SignupDeadline { get; set; }
    public string? Venue { get; set; }
    public string? Address { get; set; }
    public string? MapUrl { get; set; }
    /// <summary>Shown only to confirmed attendees.</summary>
    public string? OnlineUrl { get; set; }
    /// <summary>Seats in the room; null = no limit. Unused for online events.</summary>
    public int? CapacityInPerson { get; set; }
    /// <summary>Seats online; null = no limit. Unused for offline events.</summary>
    public int? CapacityOnline { get; set; }
    public int ConfirmedInPerson { get; set; }
    public int ConfirmedOnline { get; set; }
    public string? CoverPath { get; set; }
    public long CreatedByMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? ReminderQueuedAt { get; set; }

    // A finer audience than Audience (all / alumni / employees): every part that is set must match the member.
    public Members.Segment Segment { get; set; } = new();
    /// <summary>The space the event is held by (its moderators manage it); null for the network's own.</summary>
    public long? SpaceId { get; set; }
}

/// <summary>One member's sign-up to one event. The ticket code is the secret in their QR code.</summary>
public class Rsvp : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long EventId { get; set; }
    public long MemberId { get; set; }
    public AttendanceMode Mode { get; set; }
    public RsvpStatus Status { get; set; }
    public required string TicketCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public long? CheckedInByMemberId { get; set; }
    /// <summary>
    /// What this attendee's business-card QR carries (made at the first request for it): not the ticket code,
    /// which checks a person in, so that showing one's card to another attendee cannot be used at the door.
    /// </summary>
    public string? CardCode { get; set; }
}

public enum PitchStatus { Pending, Accepted, Declined }

[Flags]
public enum PitchSeeking { None = 0, Partners = 1, Customers = 2, Hires = 4, Funding = 8 }

/// <summary>A member's application for a pitch slot at a pitch event.</summary>
public class Pitch : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long EventId { get; set; }
    public long MemberId { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public PitchSeeking Seeking { get; set; }
    public PitchStatus Status { get; set; }
    public int? Position { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>"I want to talk to this pitcher": seen by the pitcher.</summary>
public class PitchInterest : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long PitchId { get; set; }
    public long MemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One side of a business-card exchange (名刺交換) at an event: <see cref="MemberId"/>'s record of meeting
/// <see cref="OtherMemberId"/>. An exchange writes two rows, one per person, so that each keeps a note of their own.
/// </summary>
public class CardExchange : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long EventId { get; set; }
    public long MemberId { get; set; }
    public long OtherMemberId { get; set; }
    public DateTimeOffset ExchangedAt { get; set; }
    /// <summary>Whether this member scanned the other's card (the other then showed theirs).</summary>
    public bool Scanned { get; set; }
    /// <summary>The owner's own note: where and what about ("at the booth, batteries"); seen by nobody else.</summary>
    public string? Note { get; set; }
}

public class EventFeedback : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long EventId { get; set; }
    public long MemberId { get; set; }
    public int Rating { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class EventLimits
{
    public const int Title = 200, Description = 20_000, Venue = 200, Address = 300, Url = 500, Capacity = 100_000;
    public const int PitchTitle = 120, PitchSummary = 2000, Comment = 2000, CardNote = 500;
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.Property(e => e.Title).HasMaxLength(EventLimits.Title);
        b.Property(e => e.Description).HasMaxLength(EventLimits.Description);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Format).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Audience).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Venue).HasMaxLength(EventLimits.Venue);
        b.Property(e => e.Address).HasMaxLength(EventLimits.Address);
        b.Property(e => e.MapUrl).HasMaxLength(EventLimits.Url);
        b.Property(e => e.OnlineUrl).HasMaxLength(EventLimits.Url);
        b.Property(e => e.CoverPath).HasMaxLength(200);
        b.HasIndex(e => new { e.TenantId, e.Status, e.StartsAt });
        b.ComplexProperty(e => e.Segment, Members.SegmentRule.Map);
        b.HasIndex(e => new { e.TenantId, e.SpaceId, e.StartsAt });
        b.HasOne<Spaces.Space>().WithMany().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RsvpConfiguration : IEntityTypeConfiguration<Rsvp>
{
    public void Configure(EntityTypeBuilder<Rsvp> b)
    {
        b.Property(r => r.Mode).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.TicketCode).HasMaxLength(64);
        b.Property(r => r.CardCode).HasMaxLength(64);
        b.HasIndex(r => new { r.TenantId, r.CardCode }).IsUnique();
        // One sign-up per member and event: a double click cannot take two seats.
        b.HasIndex(r => new { r.TenantId, r.EventId, r.MemberId }).IsUnique();
        b.HasIndex(r => r.TicketCode).IsUnique();
        b.HasIndex(r => new { r.TenantId, r.EventId, r.Status, r.Id });
        b.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PitchConfiguration : IEntityTypeConfiguration<Pitch>
{
    public void Configure(EntityTypeBuilder<Pitch> b)
    {
        b.Property(p => p.Title).HasMaxLength(EventLimits.PitchTitle);
        b.Property(p => p.Summary).HasMaxLength(EventLimits.PitchSummary);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(p => new { p.TenantId, p.EventId, p.MemberId }).IsUnique();
        b.HasOne<Event>().WithMany().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PitchInterestConfiguration : IEntityTypeConfiguration<PitchInterest>
{
    public void Configure(EntityTypeBuilder<PitchInterest> b)
    {
        b.HasIndex(i => new { i.TenantId, i.PitchId, i.MemberId }).IsUnique();
        b.HasOne<Pitch>().WithMany().HasForeignKey(i => i.PitchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CardExchangeConfiguration : IEntityTypeConfiguration<CardExchange>
{
    public void Configure(EntityTypeBuilder<CardExchange> b)
    {
        b.Property(x => x.Note).HasMaxLength(EventLimits.CardNote);
        // One card each way per event: scanning twice, or both scanning each other, keeps one pair.
        b.HasIndex(x => new { x.TenantId, x.EventId, x.MemberId, x.OtherMemberId }).IsUnique();
        // "Have these two met since?" (suggestions' follow-up) and the attribution's count per period.
        b.HasIndex(x => new { x.TenantId, x.MemberId, x.OtherMemberId });
        b.HasIndex(x => new { x.TenantId, x.ExchangedAt });
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(x => x.OtherMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventFeedbackConfiguration : IEntityTypeConfiguration<EventFeedback>
{
    public void Configure(EntityTypeBuilder<EventFeedback> b)
    {
        b.Property(f => f.Comment).HasMaxLength(EventLimits.Comment);
        b.HasIndex(f => new { f.TenantId, f.EventId, f.MemberId }).IsUnique();
        b.HasOne<Event>().WithMany().HasForeignKey(f => f.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
