using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Consultations;

public enum ConsultationFormat { OnlineCall, Coffee, Message }

/// <summary>
/// Pending → Accepted | Proposed | Declined | Expired; Proposed → Accepted (by the requester) | Expired.
/// Unanswered for <see cref="ConsultationRequest.ExpiresAfter"/> it expires.
/// </summary>
public enum ConsultationStatus { Pending, Proposed, Accepted, Declined, Expired }

/// <summary>A member (typically an employee) asks a member open to consultation for advice.</summary>
public class ConsultationRequest : ITenantOwned
{
    public static readonly TimeSpan ExpiresAfter = TimeSpan.FromDays(14);

    public long Id { get; set; }
    public long TenantId { get; set; }
    public long RequesterMemberId { get; set; }
    public long RecipientMemberId { get; set; }
    public required string Topic { get; set; }
    /// <summary>What the requester hopes to learn.</summary>
    public required string Goal { get; set; }
    public ConsultationFormat Format { get; set; }
    public string? PreferredTimes { get; set; }
    public ConsultationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the request last waited for an answer from the other side: created, or another time proposed.</summary>
    public DateTimeOffset WaitingSince { get; set; }
    public string? ProposedTimes { get; set; }
    public string? DeclineMessage { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public long? ConversationId { get; set; }
}

public static class ConsultationLimits
{
    public const int Topic = 200, Goal = 2000, Times = 1000, Message = 1000;
}

internal sealed class ConsultationRequestConfiguration : IEntityTypeConfiguration<ConsultationRequest>
{
    public void Configure(EntityTypeBuilder<ConsultationRequest> b)
    {
        b.Property(r => r.Topic).HasMaxLength(ConsultationLimits.Topic);
        b.Property(r => r.Goal).HasMaxLength(ConsultationLimits.Goal);
        b.Property(r => r.PreferredTimes).HasMaxLength(ConsultationLimits.Times);
        b.Property(r => r.ProposedTimes).HasMaxLength(ConsultationLimits.Times);
        b.Property(r => r.DeclineMessage).HasMaxLength(ConsultationLimits.Message);
        b.Property(r => r.Format).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => new { r.TenantId, r.RequesterMemberId, r.Id });
        b.HasIndex(r => new { r.TenantId, r.RecipientMemberId, r.Id });
        b.HasIndex(r => new { r.TenantId, r.Status, r.WaitingSince });
        // One open request per pair, held by the database: a double click on "send" inserts one row, the other gets 409.
        b.HasIndex(r => new { r.TenantId, r.RequesterMemberId, r.RecipientMemberId }).IsUnique()
            .HasFilter("\"Status\" IN ('Pending', 'Proposed')").HasDatabaseName("IX_ConsultationRequests_OneOpenPerPair");
        // The dashboard counts requests per month, and acceptances per month.
        b.HasIndex(r => new { r.TenantId, r.CreatedAt });
        b.HasIndex(r => new { r.TenantId, r.Status, r.DecidedAt });
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.RequesterMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.RecipientMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
