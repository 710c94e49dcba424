using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Suggestions;

public enum SuggestionFeedback { None, NotRelevant, AlreadyKnow }

/// <summary>What a reason for a suggestion rests on; each has a weight per network (<see cref="SuggestionWeight"/>).</summary>
public enum SuggestionSignal { Skills, Interests, OpenTo, Department, Spaces, Events, Posts }

/// <summary>
/// One person suggested to a member for one week ("people worth meeting"). A member's week is written once, at
/// the first look, and read as written for the rest of it; its reasons are checked again at every read, so that
/// a field hidden since, a block or a withdrawn consent removes the reason (and the person, if none is left).
/// </summary>
public class Suggestion : ITenantOwned
{
    public static readonly TimeSpan FollowUpWindow = TimeSpan.FromDays(30);

    public long Id { get; set; }
    public long TenantId { get; set; }
    /// <summary>To whom it is suggested.</summary>
    public long MemberId { get; set; }
    public long SuggestedMemberId { get; set; }
    /// <summary>The Monday of the week, in the network's time zone.</summary>
    public DateOnly Week { get; set; }
    public int Rank { get; set; }
    public int Score { get; set; }
    /// <summary>The reasons as written (JSON of <see cref="SuggestionReason"/>): signals and the facts they name.</summary>
    public string Reasons { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Until when a message, consultation or card exchange between the two counts as following it up (<see cref="FollowUpWindow"/>).</summary>
    public DateTimeOffset FollowUpBy { get; set; }
    public SuggestionFeedback Feedback { get; set; }
    public DateTimeOffset? FeedbackAt { get; set; }
}

/// <summary>A network's weight for one signal, where it differs from <see cref="SuggestionWeights.Defaults"/>.</summary>
public class SuggestionWeight : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public SuggestionSignal Signal { get; set; }
    public int Weight { get; set; }
}

internal sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> b)
    {
        b.Property(s => s.Reasons).HasMaxLength(4000);
        b.Property(s => s.Feedback).HasConversion<string>().HasMaxLength(16);
        // A week is written once: two first looks at once write one week (the second insert fails and reads the first's).
        b.HasIndex(s => new { s.TenantId, s.MemberId, s.Week, s.SuggestedMemberId }).IsUnique();
        // Who was suggested before (not again for a while; never after feedback), and the report's period.
        b.HasIndex(s => new { s.TenantId, s.MemberId, s.SuggestedMemberId });
        b.HasIndex(s => new { s.TenantId, s.CreatedAt });
        b.HasOne<Members.Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(s => s.SuggestedMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SuggestionWeightConfiguration : IEntityTypeConfiguration<SuggestionWeight>
{
    public void Configure(EntityTypeBuilder<SuggestionWeight> b)
    {
        b.Property(w => w.Signal).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(w => new { w.TenantId, w.Signal }).IsUnique();
    }
}
