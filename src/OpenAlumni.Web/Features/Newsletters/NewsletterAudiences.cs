using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Features.Spaces;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>
/// Whom a newsletter reaches, by the one audience rule announcements use (<see cref="SegmentRule.Matching"/>, and for spaces
/// their members who still hear of them, <see cref="SpaceAudience.Hearing"/>), and of those who receives it: the ones who
/// consent to company news, did not unsubscribe from newsletters and whose address has not bounced.
/// </summary>
public sealed class NewsletterAudiences(AlumniDb db)
{
    public static IReadOnlyList<long> SpaceIdsOf(Newsletter n) =>
        n.SpaceIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>The approved members the audience names, whether or not they will get it.</summary>
    public IQueryable<Member> Audience(Newsletter n)
    {
        var members = db.Members.AsNoTracking().Approved();
        return n.Audience switch
        {
            NewsletterAudience.Segment => members.Matching(n.SegmentKind, n.Segment),
            NewsletterAudience.Spaces => members.Hearing(db, SpaceIdsOf(n), SpaceNotify.Highlights),
            _ => members,
        };
    }

    /// <summary>Those of the audience who get it.</summary>
    public IQueryable<Member> Receiving(Newsletter n) =>
        Audience(n).Consenting(Privacy.Purpose.CompanyNews)
            .Where(m => !db.Set<MailOptOut>().Any(o => o.MemberId == m.Id && o.Kind == MailKind.Newsletter))
            .Where(m => !db.Set<UndeliverableAddress>().Any(a => a.Email == m.User!.Email!.ToLower()));
}
