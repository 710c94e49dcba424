using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// Who may see an event: admins all of them; members the non-draft ones whose audience and segment they
/// match. One rule for the pages, the API, the calendar feed and the digest.
/// </summary>
public static class EventAudienceRules
{
    public static IQueryable<Event> VisibleTo(this IQueryable<Event> events, Reader r)
    {
        if (r.IsAdmin) return events;
        var kind = r.Kind;
        var departments = r.Departments.ToList();
        var left = r.LeftYear;
        var location = r.Location;
        var openTo = r.OpenTo;
        var tags = r.TagKeys.ToList();
        return events.Where(e => e.Status != EventStatus.Draft
            && (e.Audience == EventAudience.All
                || (e.Audience == EventAudience.Alumni && kind == MemberKind.Alumni)
                || (e.Audience == EventAudience.Employees && kind == MemberKind.Employee))
            && (e.SegmentDepartment == null || departments.Contains(e.SegmentDepartment))
            && (e.SegmentLeftFrom == null || (left != null && left >= e.SegmentLeftFrom))
            && (e.SegmentLeftTo == null || (left != null && left <= e.SegmentLeftTo))
            && (e.SegmentLocation == null || e.SegmentLocation == location)
            && (e.SegmentOpenTo == OpenTo.None || (e.SegmentOpenTo & openTo) == e.SegmentOpenTo)
            && (e.SegmentTag == null || tags.Contains(e.SegmentTag)));
    }
}
