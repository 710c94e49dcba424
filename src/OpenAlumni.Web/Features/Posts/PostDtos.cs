using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Posts;

/// <summary>
/// POST /posts and PATCH /posts/{id}. A field left out stays as it is when editing. <c>SpaceId</c>: the space the post
/// is written in (fixed once written); <c>SpaceIds</c>: the spaces an announcement is for (with its segment).
/// </summary>
public sealed record PostInput(string? Room = null, string? Category = null, string? Title = null, string? Body = null,
    bool Draft = false, string? JobRole = null, string? JobPlace = null, string? JobHowToApply = null, string? JobUntil = null,
    SegmentInput? Segment = null, bool? Pinned = null, long? SpaceId = null, IReadOnlyList<long>? SpaceIds = null);

public sealed record AuthorDto(long Id, string DisplayName, string Kind, bool FormerMember = false);

public sealed record ReactionsDto(int Like, int Thanks, int Celebrate, int Insightful, IReadOnlyList<string> Mine);

public sealed record JobDto(string? Role, string? Place, string? HowToApply, DateTimeOffset? Until);

/// <summary>
/// A post as a member reads it; <c>Segment</c> (the audience of a targeted announcement) only for its author and admins,
/// who may edit it. The <c>Can…</c> flags say what the reader may do now (PostRules, which the services enforce).
/// </summary>
public sealed record PostDto(
    long Id, string Room, string? Category, string Title, string Body, string BodyHtml, AuthorDto Author,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? EditedAt, string Status, bool Pinned, bool Hidden,
    int CommentCount, ReactionsDto Reactions, int InterestCount, bool IInterested, JobDto? Job, bool Targeted,
    SegmentInput? Segment = null, long? SpaceId = null, IReadOnlyList<long>? SpaceIds = null)
{
    public bool CanEdit { get; init; }
    public bool CanDelete { get; init; }
    public bool CanPublish { get; init; }
    public bool CanReact { get; init; }
    public bool CanComment { get; init; }
    /// <summary>May say "interested" (job openings and consultations, not one's own).</summary>
    public bool CanShowInterest { get; init; }
    public bool CanReport { get; init; }
    /// <summary>May hide or restore it (the secretariat; a space's moderators; for the network's rooms, its supporters).</summary>
    public bool CanModerate { get; init; }
    /// <summary>May pin or unpin it (announcements: the secretariat; in a space: its moderators).</summary>
    public bool CanPin { get; init; }
    /// <summary>The name of the space it was written in, in the reader's language (the network feed says where a post comes from).</summary>
    public string? SpaceName { get; init; }
}

public sealed record CommentDto(long Id, long? ParentId, AuthorDto Author, string Body, string BodyHtml, DateTimeOffset CreatedAt, bool Hidden,
    IReadOnlyList<CommentDto> Replies)
{
    public bool CanReply { get; init; }
    public bool CanReport { get; init; }
    public bool CanModerate { get; init; }
}

public sealed record PostDetailDto(PostDto Post, IReadOnlyList<CommentDto> Comments, IReadOnlyList<AuthorDto>? Interested);

/// <summary>A feed page. <see cref="Total"/> is exact up to 10,000; beyond, it says 10,000 and <see cref="TotalIsLowerBound"/> is true.</summary>
public sealed record FeedDto(IReadOnlyList<PostDto> Items, int Page, int PageSize, int Total, bool TotalIsLowerBound)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    /// <summary>Whether a next page exists (always, past the counted 10,000, until a page comes back short).</summary>
    public bool HasNext => Page < PageCount || (TotalIsLowerBound && Items.Count == PageSize);
}

public sealed record CommentInput(string? Body, long? ParentId = null);
public sealed record ReactionInput(string? Kind);
public sealed record ReportInput(string? Reason);
public sealed record ModerationInput(string? Reason);
public sealed record AudienceDto(int Members);

public sealed record ReportDto(long Id, string TargetType, long TargetId, long PostId, string PostTitle, string? Excerpt, string Reporter,
    string Reason, string Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecisionNote);

/// <summary>A body to preview, and its HTML as the post will show it (sanitized).</summary>
public sealed record PreviewInput(string? Body);
public sealed record PreviewDto(string Html);
