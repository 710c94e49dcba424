using System.Linq.Expressions;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// Who may see an event: admins all of them; members the non-draft ones whose audience and segment admit
/// them (<see cref="SegmentRule"/>). One rule for the pages, the API, the calendar feed and the digest.
/// </summary>
public static class EventAudienceRules
{
    /// <summary>An event's audience as the member kind it is for (null: both), the way the segment rule takes a kind.</summary>
    public static readonly Expression<Func<Event, MemberKind?>> Kind = e =>
        e.Audience == EventAudience.Alumni ? MemberKind.Alumni : e.Audience == EventAudience.Employees ? MemberKind.Employee : null;

    /// <remarks>An event of a space is for those who may read the space; its moderators also see its drafts.</remarks>
    public static IQueryable<Event> VisibleTo(this IQueryable<Event> events, Reader r)
    {
        if (r.IsAdmin) return events;
        var moderated = r.ModeratedSpaces.ToList();
        return moderated.Count == 0
            ? events.Where(SegmentRule.Admits(r, Kind, e => e.Segment, e => e.SpaceId, (e, admitted) => e.Status != EventStatus.Draft && admitted))
            : events.Where(SegmentRule.Admits(r, Kind, e => e.Segment, e => e.SpaceId,
                (e, admitted) => (e.SpaceId != null && moderated.Contains(e.SpaceId.Value)) || (e.Status != EventStatus.Draft && admitted)));
    }
}
