using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Web.Features.Members;

/// <summary>What a segment is matched against: one member's kind, career, location, "open to" and tags.</summary>
public sealed record Reader(long MemberId, bool IsAdmin, MemberKind Kind, IReadOnlyList<string> Departments, int? LeftYear,
    string? Location, OpenTo OpenTo, IReadOnlyList<string> TagKeys);

/// <summary>The facts of one member that <see cref="SegmentRule"/> matches a segment against.</summary>
public static class MemberAudience
{
    /// <remarks>
    /// Every feed, directory and event request reads this first, so it is one round trip: one member's career and
    /// tags joined are a few dozen rows, where a split query cost two more trips to the database per request.
    /// </remarks>
    public static async Task<Reader> ReaderAsync(AlumniDb db, long memberId, CancellationToken ct)
    {
        var m = await db.Members.AsNoTracking().Where(x => x.Id == memberId)
            .Select(x => new
            {
                x.Id, x.Kind, x.Role, x.Status, x.Location, x.OpenTo,
                Departments = x.Career.Select(c => c.Department).ToList(),
                LeftYear = x.Career.Max(c => c.ToYear),
                Tags = x.Tags.Select(t => t.Key).ToList(),
            }).AsSingleQuery().FirstAsync(ct);
        return new Reader(m.Id, m.Role == MemberRole.Admin && m.Status == MemberStatus.Approved, m.Kind, m.Departments, m.LeftYear, m.Location, m.OpenTo, m.Tags);
    }
}
