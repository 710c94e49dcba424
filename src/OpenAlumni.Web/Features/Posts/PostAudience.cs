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

    public static IQueryable<Post> VisibleTo(this IQueryable<Post> posts, Reader r)
    {
        if (r.IsAdmin) return posts.Where(p => p.Status == PostStatus.Published || p.AuthorMemberId == r.MemberId);
        var me = r.MemberId;
        var kind = r.Kind;
        var departments = r.Departments.ToList();
        var left = r.LeftYear;
        var location = r.Location;
        var openTo = r.OpenTo;
        var tags = r.TagKeys.ToList();
        return posts.Where(p => p.AuthorMemberId == me || (p.Status == PostStatus.Published && p.HiddenAt == null
            && (p.SegmentKind == null || p.SegmentKind == kind)
            && (p.SegmentDepartment == null || departments.Contains(p.SegmentDepartment))
            && (p.SegmentLeftFrom == null || (left != null && left >= p.SegmentLeftFrom))
            && (p.SegmentLeftTo == null || (left != null && left <= p.SegmentLeftTo))
            && (p.SegmentLocation == null || p.SegmentLocation == location)
            && (p.SegmentOpenTo == OpenTo.None || (p.SegmentOpenTo & openTo) == p.SegmentOpenTo)
            && (p.SegmentTag == null || tags.Contains(p.SegmentTag))));
    }

    /// <summary>
    /// The approved members an announcement reaches (the author sees this number before publishing): its
    /// segment, among those who consent to company news (APPI purpose of use).
    /// </summary>
    public static IQueryable<Member> Matching(this IQueryable<Member> members, Post p)
    {
        var q = members.Where(m => m.Status == MemberStatus.Approved).Consenting(Privacy.Purpose.CompanyNews);
        if (p.SegmentKind is { } kind) q = q.Where(m => m.Kind == kind);
        if (p.SegmentDepartment is { } dep) q = q.Where(m => m.Career.Any(c => c.Department == dep));
        if (p.SegmentLeftFrom is { } from) q = q.Where(m => m.Career.Max(c => c.ToYear) >= from);
        if (p.SegmentLeftTo is { } to) q = q.Where(m => m.Career.Max(c => c.ToYear) <= to);
        if (p.SegmentLocation is { } loc) q = q.Where(m => m.Location == loc);
        if (p.SegmentOpenTo != OpenTo.None) { var f = p.SegmentOpenTo; q = q.Where(m => (m.OpenTo & f) == f); }
        if (p.SegmentTag is { } tag) q = q.Where(m => m.Tags.Any(t => t.Key == tag));
        return q;
    }

    public static void IndexForSearch(Post p, string authorName)
    {
        p.SearchText = string.Join(" | ", new[] { p.Title, p.Body, authorName, p.JobRole, p.JobPlace }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(SearchText.Normalize));
        if (p.SearchText.Length > 30_000) p.SearchText = p.SearchText[..30_000];
        p.SearchTokens = string.Join(' ', SearchText.Grams(p.SearchText, "p").Distinct());
    }
}
