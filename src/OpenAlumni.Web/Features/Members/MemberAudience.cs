using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Search;

namespace OpenAlumni.Web.Features.Members;

/// <summary>What a segment is matched against: one member's kind, career, location, "open to" and tags.</summary>
public sealed record Reader(long MemberId, bool IsAdmin, MemberKind Kind, IReadOnlyList<string> Departments, int? LeftYear,
    string? Location, OpenTo OpenTo, IReadOnlyList<string> TagKeys);

public sealed record SegmentInput(string? Kind = null, string? Department = null, int? LeftFrom = null, int? LeftTo = null,
    string? Location = null, IReadOnlyList<string>? OpenTo = null, string? Tag = null);

/// <summary>The checked values of a segment (kind aside, which posts and events hold each their own way).</summary>
public sealed record SegmentValues(string? Department, int? LeftFrom, int? LeftTo, string? Location, OpenTo OpenTo, string? Tag);

/// <summary>Who a segment reaches: the facts of one member, and the checking of a segment as typed.</summary>
public static class MemberAudience
{
    public static async Task<Reader> ReaderAsync(AlumniDb db, long memberId, CancellationToken ct)
    {
        var m = await db.Members.AsNoTracking().Where(x => x.Id == memberId)
            .Select(x => new
            {
                x.Id, x.Kind, x.Role, x.Status, x.Location, x.OpenTo,
                Departments = x.Career.Select(c => c.Department).ToList(),
                LeftYear = x.Career.Max(c => c.ToYear),
                Tags = x.Tags.Select(t => t.Key).ToList(),
            }).AsSplitQuery().FirstAsync(ct);
        return new Reader(m.Id, m.Role == MemberRole.Admin && m.Status == MemberStatus.Approved, m.Kind, m.Departments, m.LeftYear, m.Location, m.OpenTo, m.Tags);
    }

    /// <summary>Checks the parts of a segment shared by announcements and events; errors are named prefix.field.</summary>
    public static SegmentValues ReadSegment(FieldErrors errors, string prefix, SegmentInput s, int currentYear)
    {
        var flags = OpenTo.None;
        foreach (var f in (s.OpenTo ?? []).Take(10)) flags |= Check.Enum<OpenTo>(errors, prefix + ".openTo", f, required: true) ?? OpenTo.None;
        var tag = Check.Text(errors, prefix + ".tag", s.Tag, MemberLimits.Tag);
        return new SegmentValues(
            Check.Text(errors, prefix + ".department", s.Department, MemberLimits.Department),
            Check.Year(errors, prefix + ".leftFrom", s.LeftFrom, currentYear),
            Check.Year(errors, prefix + ".leftTo", s.LeftTo, currentYear),
            Check.Text(errors, prefix + ".location", s.Location, MemberLimits.Location),
            flags, tag is null ? null : SearchText.Normalize(tag));
    }
}
