using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Channels;

/// <summary>Where a chat channel's incoming webhook lives, which decides the payload's shape and the hosts its URL may have.</summary>
public enum ChannelKind { Slack, Teams, LineWorks }

/// <summary>What a channel hears of. Stored as flags; the API spells each as its wire name (<c>announcement</c>, ...).</summary>
[Flags]
public enum ChannelEvents
{
    None = 0,
    /// <summary>An announcement published to the whole network (or to the whole of the channel's space).</summary>
    Announcement = 1,
    /// <summary>An event published for everyone (or for the whole of the channel's space).</summary>
    Event = 2,
    /// <summary>A side project opened (a confidential one by its title only).</summary>
    Project = 4,
    /// <summary>A job opening announced (the first time it is open).</summary>
    Job = 8,
}

/// <summary>
/// A chat channel (Slack, Microsoft Teams or LINE WORKS) that hears of the network's news, or of one space's, through its
/// incoming webhook. The webhook's URL is its own secret (whoever holds it posts into the channel): it is stored encrypted
/// with Data Protection (<see cref="ProtectedUrl"/>) and shown only as <see cref="UrlHint"/>.
/// </summary>
public class Channel : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public ChannelKind Kind { get; set; }
    /// <summary>The incoming webhook's URL, encrypted (<see cref="ChannelSecrets"/>); never returned, logged or audited.</summary>
    public required string ProtectedUrl { get; set; }
    /// <summary>The host and a masked tail (<c>hooks.slack.com/…/x9Qa</c>), so an admin tells channels apart.</summary>
    public required string UrlHint { get; set; }
    /// <summary>ja or en: the language its messages are written in.</summary>
    public required string Language { get; set; }
    public ChannelEvents Events { get; set; }
    /// <summary>The space whose news it hears; null: the network's.</summary>
    public long? SpaceId { get; set; }
    public bool Paused { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When the receiver last accepted a message (tests excluded).</summary>
    public DateTimeOffset? LastSentAt { get; set; }
    public DateTimeOffset? LastFailedAt { get; set; }
    /// <summary>Why the last failed attempt failed (the receiver's status, or that it could not be reached); never the URL.</summary>
    public string? LastError { get; set; }
    /// <summary>Failed attempts since the last success.</summary>
    public int Failures { get; set; }
}

public static class ChannelLimits
{
    public const int Url = 1000, Hint = 200, Error = 300, PerNetwork = 50;
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> b)
    {
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.ProtectedUrl).HasMaxLength(4000);
        b.Property(c => c.UrlHint).HasMaxLength(ChannelLimits.Hint);
        b.Property(c => c.Language).HasMaxLength(8);
        b.Property(c => c.LastError).HasMaxLength(ChannelLimits.Error);
        // What publishing asks: the channels of the network, or of a space, that are not paused.
        b.HasIndex(c => new { c.TenantId, c.SpaceId });
        b.HasOne<Spaces.Space>().WithMany().HasForeignKey(c => c.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
