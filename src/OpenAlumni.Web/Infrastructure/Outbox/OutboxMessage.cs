using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenAlumni.Web.Infrastructure.Outbox;

public enum OutboxStatus { Pending, Sent, Failed }

/// <summary>How a message goes out: a mail to an address, a web push to one subscribed browser, or a post to a chat channel's incoming webhook.</summary>
public enum OutboxChannel { Mail, Push, Webhook }

/// <summary>
/// A mail waiting to go out. Written in the same transaction as the change it reports, sent by
/// <see cref="OutboxWorker"/>: a restart loses nothing, and the unique Key keeps a message from being
/// queued twice. Operator-level (not tenant-filtered) so that one worker serves every tenant.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    /// <summary>Idempotency key, e.g. "event-reminder:12:345"; queuing the same key again does nothing.</summary>
    public required string Key { get; set; }
    public OutboxChannel Channel { get; set; }
    /// <summary>The mail address; for a push, the id of the browser's subscription; for a webhook, the id of the chat channel.</summary>
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>An HTML alternative of <see cref="Body"/> (a newsletter's), or null for text only.</summary>
    public string? Html { get; set; }
    /// <summary>Extra mail headers as a JSON object (List-Unsubscribe, List-Unsubscribe-Post, List-Id), or null.</summary>
    public string? Headers { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set while a worker holds the message, so two workers never send it both.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Key).HasMaxLength(200);
        b.HasIndex(m => m.Key).IsUnique();
        b.Property(m => m.To).HasMaxLength(254);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.Body).HasMaxLength(50_000);
        b.Property(m => m.Html).HasMaxLength(200_000);
        b.Property(m => m.Headers).HasMaxLength(2000);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Channel).HasConversion<string>().HasMaxLength(8);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
