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

    public static IQueryable<Event> VisibleTo(this IQueryable<Event> events, Reader r) =>
        r.IsAdmin ? events : events.Where(SegmentRule.Admits(r, Kind, e => e.Segment, (e, admitted) => e.Status != EventStatus.Draft && admitted));
}
