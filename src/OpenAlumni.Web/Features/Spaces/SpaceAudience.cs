using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Spaces;

/// <summary>
/// Who sees a space and who reads it. Its content (posts, events) goes through the one audience rule
/// (<see cref="SegmentRule.Admits{T}"/>, with <see cref="Reader.ReadableSpaces"/>); these answer the questions about
/// the space itself, and select the members who hear of it.
/// </summary>
public static class SpaceAudience
{
    /// <summary>The spaces this reader sees listed: all but the secret ones they are not in or invited to (the secretariat sees all).</summary>
    public static IQueryable<Space> ListedTo(this IQueryable<Space> spaces, AlumniDb db, Reader r)
    {
        if (r.IsAdmin) return spaces;
        var me = r.MemberId;
        return spaces.Where(s => s.Visibility != SpaceVisibility.Secret
            || db.Set<SpaceMember>().Any(m => m.SpaceId == s.Id && m.MemberId == me && m.Status != SpaceMemberStatus.Pending));
    }

    /// <summary>Whether the space exists for this reader (a secret space they are not in answers 404, like another network's).</summary>
    public static Task<bool> IsListedAsync(AlumniDb db, Reader r, long spaceId, CancellationToken ct) =>
        db.Set<Space>().Where(s => s.Id == spaceId).ListedTo(db, r).AnyAsync(ct);

    /// <summary>Whether the reader may read the space's posts, events and members: an open space, one of theirs, or the secretariat.</summary>
    public static async Task<bool> IsReadableAsync(AlumniDb db, Reader r, long spaceId, CancellationToken ct) =>
        r.ReadableSpaces.Contains(spaceId) || (r.IsAdmin && await db.Set<Space>().AnyAsync(s => s.Id == spaceId, ct));

    /// <summary>
    /// The members (of <paramref name="members"/>) in any of these spaces who hear at least <paramref name="level"/> of it:
    /// Highlights (announcements and events) reaches Everything too; Nothing reaches no one.
    /// </summary>
    public static IQueryable<Member> Hearing(this IQueryable<Member> members, AlumniDb db, IReadOnlyCollection<long> spaceIds, SpaceNotify level)
    {
        var ids = spaceIds.ToList();
        var everythingOnly = level == SpaceNotify.Everything;
        return members.Where(m => db.Set<SpaceMember>().Any(s => s.MemberId == m.Id && ids.Contains(s.SpaceId) && s.Status == SpaceMemberStatus.Member
            && (everythingOnly ? s.Notify == SpaceNotify.Everything : s.Notify != SpaceNotify.Nothing)));
    }

    /// <summary>The members of a space (in it, not asking or invited).</summary>
    public static IQueryable<Member> InSpace(this IQueryable<Member> members, AlumniDb db, long spaceId) =>
        members.Where(m => db.Set<SpaceMember>().Any(s => s.MemberId == m.Id && s.SpaceId == spaceId && s.Status == SpaceMemberStatus.Member));
}
