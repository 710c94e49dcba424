using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Posts;

/// <summary>The three rooms of a network's feed.</summary>
public enum Room { Announcements, Updates, Notices }

/// <summary>Categories of the notices &amp; consultation room.</summary>
public enum NoticeCategory { Business, Consultation, Job }

public enum PostStatus { Draft, Published }

public enum ReactionKind { Like, Thanks, Celebrate, Insightful }

/// <summary>
/// A post in a room. Announcements may target a kind and segment of members (every part that is set
/// must match); only the segment, the author and admins see such a post, anywhere (feed, search, by id,
/// notifications, digest).
/// </summary>
public class Post : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public Room Room { get; set; }
    public NoticeCategory? Category { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary>The body rendered and sanitized when written, so that reading a feed renders nothing.</summary>
    public required string BodyHtml { get; set; }
    public long AuthorMemberId { get; set; }
    public PostStatus Status { get; set; }
    public bool Pinned { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }
    public long? HiddenByMemberId { get; set; }
    public string? HiddenReason { get; set; }
    public int CommentCount { get; set; }
    /// <summary>The space the post was written in; null for the network's own rooms.</summary>
    public long? SpaceId { get; set; }
    /// <summary>An announcement for the members of some spaces only (<see cref="SpaceTargets"/>); kept as a flag so that the feed tests it before the join.</summary>
    public bool TargetsSpaces { get; set; }
    public List<PostSpaceTarget> SpaceTargets { get; set; } = [];

    // Job openings (notices, category job).
    public string? JobRole { get; set; }
    public string? JobPlace { get; set; }
    public string? JobHowToApply { get; set; }
    public DateTimeOffset? JobUntil { get; set; }

    // The audience of an announcement: a kind (null = both) and a segment (empty = everyone).
    public MemberKind? SegmentKind { get; set; }
    public Segment Segment { get; set; } = new();

    public string SearchText { get; set; } = "";
    public string SearchTokens { get; set; } = "";
    public NpgsqlTsVector? SearchVector { get; set; }

    public bool IsTargeted => SegmentKind is not null || !Segment.IsEveryone;
}

/// <summary>One space an announcement is for: its members read it (with the rest of its audience rule).</summary>
public class PostSpaceTarget : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long PostId { get; set; }
    public long SpaceId { get; set; }
}

public class Comment : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long PostId { get; set; }
    /// <summary>Replies are one level deep: a reply's parent is always a top-level comment.</summary>
    public long? ParentCommentId { get; set; }
    public long AuthorMemberId { get; set; }
    public required string Body { get; set; }
    public required string BodyHtml { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }
}

public class Reaction : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long PostId { get; set; }
    public long MemberId { get; set; }
    public ReactionKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>"Interested": a raised hand on a job opening or a consultation; the author sees who.</summary>
public class PostInterest : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long PostId { get; set; }
    public long MemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum ReportTarget { Post, Comment }
public enum ReportStatus { Open, Hidden, Dismissed }

/// <summary>A member's report of a post or comment; admins decide, and the decision is recorded.</summary>
public class Report : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public ReportTarget TargetType { get; set; }
    public long TargetId { get; set; }
    public long PostId { get; set; }
    public long ReporterMemberId { get; set; }
    public required string Reason { get; set; }
    public ReportStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public long? DecidedByMemberId { get; set; }
    public string? DecisionNote { get; set; }
}

public enum ModerationKind { Hide, Restore, Dismiss }

/// <summary>One moderation action (hide, restore, dismiss a report): who, when, what and why. Append-only.</summary>
public class ModerationAction : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public ReportTarget TargetType { get; set; }
    public long TargetId { get; set; }
    public long PostId { get; set; }
    public ModerationKind Action { get; set; }
    public long ByMemberId { get; set; }
    public string? Reason { get; set; }
    public long? ReportId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>An image attached to a post, validated and re-encoded; served only to members.</summary>
public class Attachment : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long UploaderMemberId { get; set; }
    public required string Path { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class PostLimits
{
    public const int Title = 200, Body = 20_000, Comment = 5_000, Reason = 1000, Short = 200, ImageAlt = 250;
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.Property(p => p.Room).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Title).HasMaxLength(PostLimits.Title);
        b.Property(p => p.Body).HasMaxLength(PostLimits.Body);
        b.Property(p => p.HiddenReason).HasMaxLength(PostLimits.Reason);
        b.Property(p => p.JobRole).HasMaxLength(PostLimits.Short);
        b.Property(p => p.JobPlace).HasMaxLength(PostLimits.Short);
        b.Property(p => p.JobHowToApply).HasMaxLength(2000);
        b.Property(p => p.SegmentKind).HasConversion<string>().HasMaxLength(16);
        b.ComplexProperty(p => p.Segment, SegmentRule.Map);
        // The feed's order (pinned first, newest first), for all rooms and per room.
        b.HasIndex(p => new { p.TenantId, p.Status, p.Pinned, p.PublishedAt, p.Id });
        b.HasIndex(p => new { p.TenantId, p.Room, p.Status, p.Pinned, p.PublishedAt, p.Id });
        b.HasIndex(p => new { p.TenantId, p.AuthorMemberId });
        // A space's feed, in the feed's order.
        b.HasIndex(p => new { p.TenantId, p.SpaceId, p.Status, p.Pinned, p.PublishedAt, p.Id });
        b.HasOne<Spaces.Space>().WithMany().HasForeignKey(p => p.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.SpaceTargets).WithOne().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.AuthorMemberId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.IsTargeted);
    }

    public static void ConfigurePostgres(ModelBuilder builder) =>
        builder.Entity<Post>(b =>
        {
            b.HasGeneratedTsVectorColumn(p => p.SearchVector!, "simple", p => new { p.SearchTokens });
            b.HasIndex(p => new { p.TenantId, p.SearchVector }).HasMethod("GIN");
        });

    public static void ConfigureSqlite(ModelBuilder builder) => builder.Entity<Post>().Ignore(p => p.SearchVector);
}

internal sealed class PostSpaceTargetConfiguration : IEntityTypeConfiguration<PostSpaceTarget>
{
    public void Configure(EntityTypeBuilder<PostSpaceTarget> b)
    {
        b.HasIndex(t => new { t.TenantId, t.PostId, t.SpaceId }).IsUnique();
        b.HasOne<Spaces.Space>().WithMany().HasForeignKey(t => t.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.Property(c => c.Body).HasMaxLength(PostLimits.Comment);
        b.HasIndex(c => new { c.TenantId, c.PostId, c.Id });
        // Analytics: comments made in a period.
        b.HasIndex(c => new { c.TenantId, c.CreatedAt });
        b.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.AuthorMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => new { r.TenantId, r.PostId, r.MemberId, r.Kind }).IsUnique();
        // Analytics: reactions made in a period.
        b.HasIndex(r => new { r.TenantId, r.CreatedAt });
        b.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostInterestConfiguration : IEntityTypeConfiguration<PostInterest>
{
    public void Configure(EntityTypeBuilder<PostInterest> b)
    {
        b.HasIndex(i => new { i.TenantId, i.PostId, i.MemberId }).IsUnique();
        b.HasOne<Post>().WithMany().HasForeignKey(i => i.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(r => r.TargetType).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Reason).HasMaxLength(PostLimits.Reason);
        b.Property(r => r.DecisionNote).HasMaxLength(PostLimits.Reason);
        b.HasIndex(r => new { r.TenantId, r.Status, r.Id });
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.ReporterMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> b)
    {
        b.Property(a => a.TargetType).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Reason).HasMaxLength(PostLimits.Reason);
        b.HasIndex(a => new { a.TenantId, a.Id });
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.Path).HasMaxLength(200);
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.UploaderMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
