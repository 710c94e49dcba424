using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Messages;

/// <summary>A private conversation of two or more members of one tenant. Only its participants read it (admins neither).</summary>
public class Conversation : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long StartedByMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastMessageAt { get; set; }
    public List<ConversationParticipant> Participants { get; set; } = [];
}

public class ConversationParticipant : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long ConversationId { get; set; }
    public long MemberId { get; set; }
    /// <summary>The newest message this member has seen; later ones (not their own) are unread.</summary>
    public long LastReadMessageId { get; set; }
    /// <summary>Set when this member was notified of unread messages here; cleared when they read. One notification per conversation until read.</summary>
    public DateTimeOffset? NotifiedAt { get; set; }
}

public class Message : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long ConversationId { get; set; }
    public long SenderMemberId { get; set; }
    /// <summary>As written (plain text or Markdown).</summary>
    public required string Body { get; set; }
    /// <summary>Rendered and sanitized by MarkdownRenderer.</summary>
    public required string BodyHtml { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The blocker receives no messages or consultation requests from the blocked member.</summary>
public class MemberBlock : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long BlockerMemberId { get; set; }
    public long BlockedMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum MessageReportStatus { Open, Closed }

/// <summary>A message reported to the admins: the one thing in a conversation an admin may read.</summary>
public class MessageReport : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MessageId { get; set; }
    public long ReporterMemberId { get; set; }
    public required string Reason { get; set; }
    public MessageReportStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public long? ClosedByMemberId { get; set; }
    public string? ClosingNote { get; set; }
}

public static class MessageLimits
{
    public const int Body = 4000, Reason = 1000, Participants = 20;
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.HasMany(c => c.Participants).WithOne().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.TenantId, c.LastMessageAt });
    }
}

internal sealed class ConversationParticipantConfiguration : IEntityTypeConfiguration<ConversationParticipant>
{
    public void Configure(EntityTypeBuilder<ConversationParticipant> b)
    {
        b.HasIndex(p => new { p.TenantId, p.ConversationId, p.MemberId }).IsUnique();
        b.HasIndex(p => new { p.TenantId, p.MemberId });
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Property(m => m.Body).HasMaxLength(MessageLimits.Body);
        b.HasIndex(m => new { m.TenantId, m.ConversationId, m.Id });
        b.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(m => m.SenderMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberBlockConfiguration : IEntityTypeConfiguration<MemberBlock>
{
    public void Configure(EntityTypeBuilder<MemberBlock> b)
    {
        b.HasIndex(x => new { x.TenantId, x.BlockerMemberId, x.BlockedMemberId }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.BlockedMemberId });
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.BlockerMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.BlockedMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageReportConfiguration : IEntityTypeConfiguration<MessageReport>
{
    public void Configure(EntityTypeBuilder<MessageReport> b)
    {
        b.Property(r => r.Reason).HasMaxLength(MessageLimits.Reason);
        b.Property(r => r.ClosingNote).HasMaxLength(MessageLimits.Reason);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => new { r.TenantId, r.Status, r.Id });
        b.HasIndex(r => new { r.TenantId, r.MessageId, r.ReporterMemberId }).IsUnique();
        b.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
