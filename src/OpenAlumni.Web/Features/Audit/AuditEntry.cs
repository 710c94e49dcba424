using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Audit;

/// <summary>
/// One admin action, recorded append-only: who (a member id, never a name or email, so that a member who
/// deletes themselves leaves nothing behind), when, what, and the state before and after as JSON.
/// The app never updates or deletes an entry: AlumniDb refuses it, and database triggers refuse it below the app.
/// </summary>
public class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Null when the system acted (the command line, a periodic job).</summary>
    public long? ActorMemberId { get; set; }
    public required string Action { get; set; }
    public required string TargetType { get; set; }
    public string? TargetId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

public static class AuditLimits
{
    public const int Action = 64;
    public const int TargetType = 32;
    public const int TargetId = 64;
    public const int State = 8000;
    /// <summary>The years a date filter may name.</summary>
    public const int FirstYear = 1900, LastYear = 9998;
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.Action).HasMaxLength(AuditLimits.Action);
        b.Property(a => a.TargetType).HasMaxLength(AuditLimits.TargetType);
        b.Property(a => a.TargetId).HasMaxLength(AuditLimits.TargetId);
        b.HasIndex(a => new { a.TenantId, a.Id });
        b.HasIndex(a => new { a.TenantId, a.Action, a.Id });
        b.HasIndex(a => new { a.TenantId, a.ActorMemberId, a.Id });
    }
}
