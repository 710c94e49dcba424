using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Posts;

/// <summary>What the rules need to know of a post the member can see (<see cref="PostAudience"/> decides that).</summary>
public readonly record struct PostFacts(long AuthorId, PostStatus Status, bool Hidden, NoticeCategory? Category,
    Room Room = Room.Updates, long? SpaceId = null, bool Moderated = false)
{
    /// <param name="r">The reader, when what they may moderate matters: <see cref="Moderated"/> is whether they moderate this post's scope.</param>
    public static PostFacts Of(Post p, Members.Reader? r = null) => new(p.AuthorMemberId, p.Status, p.HiddenAt is not null, p.Category,
        p.Room, p.SpaceId, r is not null && ModeratedBy(r, p.Room, p.SpaceId));

    /// <summary>
    /// The secretariat moderates everything; a space's moderators that space's posts; network supporters the network's
    /// own posts but announcements (which are the secretariat's).
    /// </summary>
    public static bool ModeratedBy(Members.Reader r, Room room, long? spaceId) =>
        r.IsAdmin || (r.Moderates(spaceId) && (spaceId is not null || room != Room.Announcements));

    /// <summary>Published and not hidden: what members react to, comment on and report.</summary>
    public bool Live => Status == PostStatus.Published && !Hidden;
}

/// <summary>
/// What a member may do with a post or a comment, one rule per action (null: allowed; else the refusal that
/// says why). The services enforce them; <see cref="WithPermissions(PostDto, MemberSession, PostFacts)"/> and
/// <see cref="WithPermissions(CommentDto, MemberSession, PostFacts)"/> turn the same rules into the <c>Can…</c>
/// flags the pages draw their buttons from.
/// </summary>
public static class PostRules
{
    /// <summary>Announcements are the secretariat's; the other rooms are everyone's.</summary>
    public static bool MayWriteIn(MemberSession me, Room room) => room != Room.Announcements || me.IsAdmin;

    /// <summary>Pinning is for announcements, by the secretariat; in a space, for any post, by its moderators.</summary>
    public static bool MayPin(MemberSession me, Room room) => room == Room.Announcements && me.IsAdmin;

    /// <summary>A published post is pinned or unpinned by whoever may pin in its place (<see cref="MayPin"/>).</summary>
    public static Refusal? Pin(MemberSession me, PostFacts p) =>
        !(p.SpaceId is null ? me.IsAdmin : p.Moderated) ? Refusal.Forbidden
        : p.SpaceId is null && p.Room != Room.Announcements ? Refusal.Conflict("pinned", "Posts.PinAnnouncementsOnly")
        : p.Status != PostStatus.Published ? Refusal.NotFound
        : null;

    /// <summary>Only its author edits or deletes a post: an admin (who sees it) is told so, anyone else finds nothing.</summary>
    public static Refusal? Edit(MemberSession me, PostFacts p) =>
        p.AuthorId == me.MemberId ? null : me.IsAdmin ? Refusal.Forbidden : Refusal.NotFound;

    public static Refusal? Delete(MemberSession me, PostFacts p) => Edit(me, p);

    public static Refusal? Publish(MemberSession me, PostFacts p) =>
        p.AuthorId != me.MemberId ? Refusal.NotFound
        : p.Status != PostStatus.Draft ? Refusal.Conflict("status", "Posts.NotDraft")
        : null;

    public static Refusal? React(PostFacts p) => p.Live ? null : Refusal.NotFound;

    /// <summary>Comments go under a published post; under a hidden one only the secretariat's (to explain why).</summary>
    public static Refusal? Comment(MemberSession me, PostFacts p) =>
        p.Status == PostStatus.Published && (!p.Hidden || me.IsAdmin || p.Moderated) ? null : Refusal.NotFound;

    /// <summary>A reply goes under a comment still shown; answering a reply answers its thread.</summary>
    public static Refusal? Reply(MemberSession me, PostFacts p, bool parentHidden) =>
        Comment(me, p) ?? (parentHidden ? Refusal.Invalid("parentId", "Posts.ParentNotFound") : null);

    /// <summary>"Interested" is offered on job openings and consultations, to everyone but their author.</summary>
    public static Refusal? Interest(MemberSession me, PostFacts p) =>
        React(p) ?? (p.Category is not (NoticeCategory.Job or NoticeCategory.Consultation) ? Refusal.Conflict("category", "Posts.InterestNotOffered")
            : p.AuthorId == me.MemberId ? Refusal.Conflict("id", "Posts.InterestOwnPost") : null);

    /// <summary>Members report what others wrote, while it is shown.</summary>
    public static Refusal? Report(MemberSession me, PostFacts p) =>
        React(p) ?? (p.AuthorId == me.MemberId ? Refusal.Conflict("id", "Posts.ReportOwn") : null);

    public static Refusal? ReportComment(MemberSession me, PostFacts p, long authorId, bool hidden) =>
        hidden ? Refusal.NotFound : React(p) ?? (authorId == me.MemberId ? Refusal.Conflict("id", "Posts.ReportOwn") : null);

    /// <summary>The secretariat hides and restores published posts, and any comment; volunteers those of their scope (<see cref="PostFacts.ModeratedBy"/>).</summary>
    public static Refusal? Moderate(MemberSession me, PostFacts p) =>
        !(me.IsAdmin || p.Moderated) ? Refusal.Forbidden : p.Status != PostStatus.Published ? Refusal.NotFound : null;

    public static Refusal? ModerateComment(MemberSession me, PostFacts p) => me.IsAdmin || p.Moderated ? null : Refusal.Forbidden;

    internal static PostDto WithPermissions(this PostDto dto, MemberSession me, PostFacts p) => dto with
    {
        CanEdit = Edit(me, p) is null,
        CanDelete = Delete(me, p) is null,
        CanPublish = Publish(me, p) is null,
        CanReact = React(p) is null,
        CanComment = Comment(me, p) is null,
        CanShowInterest = Interest(me, p) is null,
        CanReport = Report(me, p) is null,
        CanModerate = Moderate(me, p) is null,
        CanPin = Pin(me, p) is null,
    };

    internal static CommentDto WithPermissions(this CommentDto dto, MemberSession me, PostFacts p) => dto with
    {
        CanReply = Reply(me, p, dto.Hidden) is null,
        CanReport = ReportComment(me, p, dto.Author.Id, dto.Hidden) is null,
        CanModerate = ModerateComment(me, p) is null,
    };
}
