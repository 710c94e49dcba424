using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Web.Features.Members;

/// <summary>What a segment is matched against: one member's kind, career, location, "open to", tags and spaces.</summary>
public sealed record Reader(long MemberId, bool IsAdmin, MemberKind Kind, IReadOnlyList<string> Departments, int? LeftYear,
    string? Location, OpenTo OpenTo, IReadOnlyList<string> TagKeys)
{
    /// <summary>The spaces whose content this reader may read: the open ones and those they are a member of.</summary>
    public IReadOnlyList<long> ReadableSpaces { get; init; } = [];
    /// <summary>The spaces they are a member of (their feed and calendar follow these).</summary>
    public IReadOnlyList<long> MySpaces { get; init; } = [];
    /// <summary>The spaces they moderate (and are still a member of).</summary>
    public IReadOnlyList<long> ModeratedSpaces { get; init; } = [];
    /// <summary>A network supporter: moderates the network's own posts (not announcements, not a space's).</summary>
    public bool IsSupporter { get; init; }

    /// <summary>May moderate content of this scope (a space, or null for the network's own rooms).</summary>
    public bool Moderates(long? spaceId) => IsAdmin || (spaceId is { } s ? ModeratedSpaces.Contains(s) : IsSupporter);
}

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
        var spaces = await db.Set<Spaces.Space>().AsNoTracking()
            .Select(s => new { s.Id, s.Visibility, Mine = db.Set<Spaces.SpaceMember>().Where(x => x.SpaceId == s.Id && x.MemberId == memberId && x.Status == Spaces.SpaceMemberStatus.Member).Select(x => (Spaces.SpaceRole?)x.Role).FirstOrDefault() })
            .Where(s => s.Visibility == Spaces.SpaceVisibility.Open || s.Mine != null)
            .ToListAsync(ct);
        var supporter = await db.Set<Spaces.Supporter>().AnyAsync(x => x.MemberId == memberId, ct);
        return new Reader(m.Id, m.Role == MemberRole.Admin && m.Status == MemberStatus.Approved, m.Kind, m.Departments, m.LeftYear, m.Location, m.OpenTo, m.Tags)
        {
            ReadableSpaces = spaces.Select(s => s.Id).ToList(),
            MySpaces = spaces.Where(s => s.Mine != null).Select(s => s.Id).ToList(),
            ModeratedSpaces = spaces.Where(s => s.Mine == Spaces.SpaceRole.Moderator).Select(s => s.Id).ToList(),
            IsSupporter = supporter && m.Status == MemberStatus.Approved,
        };
    }
}
