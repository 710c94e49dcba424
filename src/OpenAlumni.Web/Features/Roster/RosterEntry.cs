using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Roster;

/// <summary>
/// One former employee from the secretariat's roster (imported CSV): who may join, and how they are
/// recognised when they register. Keyed on the employee number when the company has one, else the email.
/// </summary>
public class RosterEntry : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public required string FamilyName { get; set; }
    public required string GivenName { get; set; }
    public string? FamilyNameKana { get; set; }
    public string? GivenNameKana { get; set; }
    public required string Email { get; set; }
    /// <summary>Lower-case email: the match key (an address's case means nothing to people).</summary>
    public required string EmailKey { get; set; }
    public string? Department { get; set; }
    public int? JoinedYear { get; set; }
    public int? LeftYear { get; set; }
    public string? EmployeeNumber { get; set; }
    /// <summary>The language of their invitation (ja, en); null = the network's default.</summary>
    public string? Language { get; set; }
    /// <summary>The member this row became (set when they register, or when the import finds them).</summary>
    public long? MemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    // Set when the row came from (or was claimed by) the HR system over SCIM (Features/Scim): the SCIM user it is.
    /// <summary>The SCIM <c>userName</c> (lower case; unique in the network); null for a row only ever imported from CSV.</summary>
    public string? ScimUserName { get; set; }
    /// <summary>The HR system's own id of the person (SCIM <c>externalId</c>).</summary>
    public string? ScimExternalId { get; set; }
    /// <summary>SCIM <c>active</c>: false once the HR system says they have left.</summary>
    public bool ScimActive { get; set; } = true;
    /// <summary>Their work address, kept to recognise an employee member; invitations never go there (it dies with the job).</summary>
    public string? WorkEmail { get; set; }
    /// <summary>Their last day at the company, in the network's calendar; the personal invitation goes out on it.</summary>
    public DateOnly? LastDay { get; set; }
    /// <summary>When the last-day invitation was queued: set once, in the transaction that queues it (exactly once across nodes).</summary>
    public DateTimeOffset? LeaverInvitedAt { get; set; }
}

public enum InvitationState { Pending, Used, Expired, Revoked }

/// <summary>
/// An invitation link sent to one address. Only the SHA-256 of its token is stored, so a copy of the
/// database cannot be used to join; the link works once, until it expires or is revoked.
/// </summary>
public class Invitation : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public required string Email { get; set; }
    public required string EmailKey { get; set; }
    public long? RosterEntryId { get; set; }
    public required string TokenHash { get; set; }
    public required string Language { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public int SendCount { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public long? MemberId { get; set; }
    public long CreatedByMemberId { get; set; }

    public InvitationState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationState.Revoked
        : UsedAt is not null ? InvitationState.Used
        : ExpiresAt <= now ? InvitationState.Expired
        : InvitationState.Pending;
}

public static class RosterLimits
{
    /// <summary>A roster file; 10,000 rows of Japanese names and addresses are about 1.5 MB.</summary>
    public const int FileBytes = 5 * 1024 * 1024;
    /// <summary>The whole upload request (the file plus the multipart envelope); beyond it the server stops reading.</summary>
    public const int RequestBytes = FileBytes + 64 * 1024;
    public const int Rows = 50_000;
    public const int EmployeeNumber = 40;
    public const int InvitationDays = 30;
    public const int InvitationsPerRequest = 2_000;
}

internal sealed class RosterEntryConfiguration : IEntityTypeConfiguration<RosterEntry>
{
    public void Configure(EntityTypeBuilder<RosterEntry> b)
    {
        b.Property(r => r.FamilyName).HasMaxLength(MemberLimits.Name);
        b.Property(r => r.GivenName).HasMaxLength(MemberLimits.Name);
        b.Property(r => r.FamilyNameKana).HasMaxLength(MemberLimits.Name);
        b.Property(r => r.GivenNameKana).HasMaxLength(MemberLimits.Name);
        b.Property(r => r.Email).HasMaxLength(254);
        b.Property(r => r.EmailKey).HasMaxLength(254);
        b.Property(r => r.Department).HasMaxLength(MemberLimits.Department);
        b.Property(r => r.EmployeeNumber).HasMaxLength(RosterLimits.EmployeeNumber);
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.ScimUserName).HasMaxLength(254);
        b.Property(r => r.ScimExternalId).HasMaxLength(200);
        b.Property(r => r.WorkEmail).HasMaxLength(254);
        b.HasIndex(r => new { r.TenantId, r.EmailKey }).IsUnique();
        b.HasIndex(r => new { r.TenantId, r.ScimUserName }).IsUnique().HasFilter("\"ScimUserName\" IS NOT NULL");
        b.HasIndex(r => new { r.TenantId, r.ScimExternalId });
        // What the last-day job asks each round: the leavers not yet invited.
        b.HasIndex(r => new { r.TenantId, r.LastDay });
        b.HasIndex(r => new { r.TenantId, r.EmployeeNumber }).IsUnique().HasFilter("\"EmployeeNumber\" IS NOT NULL");
        b.HasIndex(r => new { r.TenantId, r.FamilyName, r.GivenName });
        b.HasIndex(r => new { r.TenantId, r.MemberId });
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(254);
        b.Property(i => i.EmailKey).HasMaxLength(254);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.Property(i => i.Language).HasMaxLength(8);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => new { i.TenantId, i.EmailKey });
        b.HasIndex(i => new { i.TenantId, i.Id });
        b.HasIndex(i => new { i.TenantId, i.CreatedAt });
        b.HasOne<RosterEntry>().WithMany().HasForeignKey(i => i.RosterEntryId).OnDelete(DeleteBehavior.SetNull);
        // A member who leaves the network takes the invitation (with their address) along.
        b.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
