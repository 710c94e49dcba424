using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Notifications;

/// <summary>
/// One browser (device) of a member that receives web push: the push service's endpoint and the browser's keys
/// (RFC 8291). A member may have several; the push service answering 404 or 410 removes one.
/// </summary>
public class PushSubscription : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    /// <summary>The push service's URL for this browser; a secret capability (whoever knows it may push to it).</summary>
    public required string Endpoint { get; set; }
    /// <summary>The browser's P-256 public key, base64url (65 bytes uncompressed).</summary>
    public required string P256dh { get; set; }
    /// <summary>The browser's 16-byte authentication secret, base64url.</summary>
    public required string Auth { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The deployment's VAPID key pair (RFC 8292) when configuration gives none: made on first use and kept in the
/// database, so every node signs with the same key and subscriptions survive a restart. Operator-level (one per
/// deployment, not per network); the private key is stored protected by the data-protection keys.
/// </summary>
public class VapidKey
{
    public int Id { get; set; }
    public required string PublicKey { get; set; }
    public required string ProtectedPrivateKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class PushSubscriptionConfiguration : IEntityTypeConfiguration<PushSubscription>
{
    public void Configure(EntityTypeBuilder<PushSubscription> b)
    {
        b.Property(s => s.Endpoint).HasMaxLength(PushSubscriptionService.EndpointMaxLength);
        b.Property(s => s.P256dh).HasMaxLength(100);
        b.Property(s => s.Auth).HasMaxLength(40);
        // One row per browser in a network: subscribing again (or as another member on a shared device) updates it.
        b.HasIndex(s => new { s.TenantId, s.Endpoint }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.MemberId });
        b.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VapidKeyConfiguration : IEntityTypeConfiguration<VapidKey>
{
    public void Configure(EntityTypeBuilder<VapidKey> b)
    {
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.PublicKey).HasMaxLength(100);
        b.Property(k => k.ProtectedPrivateKey).HasMaxLength(1000);
    }
}
