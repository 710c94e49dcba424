using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Infrastructure.Search;

namespace OpenAlumni.Web.Features.Posts;

/// <summary>
/// Who may read which post. One rule, applied by SQL everywhere a post can surface (feed, search, by id,
/// notifications, digest): published and not hidden (authors and admins see their own drafts / hidden
/// posts), and for a targeted announcement, the reader must match every part of its segment.
/// </summary>
public static class PostAudience
{
    public static Task<Reader> ReaderAsync(AlumniDb db, long memberId, CancellationToken ct) => MemberAudience.ReaderAsync(db, memberId, ct);

    /// <remarks>
    /// A post of a space is for those who may read the space (<see cref="SegmentRule.Admits{T}"/>); an announcement
    /// aimed at spaces, for their members only. A space's moderators (and, for the network's own rooms but
    /// announcements, its supporters) also see the posts they hid, so that they can restore them.
    /// </remarks>
    public static IQueryable<Post> VisibleTo(this IQueryable<Post> posts, Reader r)
    {
        var me = r.MemberId;
        if (r.IsAdmin) return posts.Where(p => p.Status == PostStatus.Published || p.AuthorMemberId == me);
        var mine = r.MySpaces.ToList();
        var moderated = r.ModeratedSpaces.ToList();
        var supporter = r.IsSupporter;
        return posts.Where(SegmentRule.Admits<Post>(r, p => p.SegmentKind, p => p.Segment, p => p.SpaceId,
            (p, admitted) => p.AuthorMemberId == me || (p.Status == PostStatus.Published && admitted
                && (p.HiddenAt == null
                    || (p.SpaceId != null && moderated.Contains(p.SpaceId.Value))
                    || (p.SpaceId == null && supporter && p.Room != Room.Announcements))
                && (!p.TargetsSpaces || p.SpaceTargets.Any(t => mine.Contains(t.SpaceId))))));
    }

    /// <summary>
    /// The approved members an announcement with this kind and segment reaches (the author sees this number
    /// before publishing), among those who consent to company news (APPI purpose of use).
    /// </summary>
    public static IQueryable<Member> Reached(this IQueryable<Member> members, MemberKind? kind, Segment segment) =>
        members.Approved().Consenting(Privacy.Purpose.CompanyNews).Matching(kind, segment);

    public static void IndexForSearch(Post p, string authorName)
    {
        p.SearchText = string.Join(" | ", new[] { p.Title, p.Body, authorName, p.JobRole, p.JobPlace }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(SearchText.Normalize));
        if (p.SearchText.Length > 30_000) p.SearchText = p.SearchText[..30_000];
        p.SearchTokens = string.Join(' ', SearchText.Grams(p.SearchText, "p").Distinct());
    }
}
