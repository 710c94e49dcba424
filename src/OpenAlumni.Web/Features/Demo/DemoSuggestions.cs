using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Suggestions;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// Six past weeks of people worth meeting, found by the real engine as of each Monday morning (with the default
/// weights, and what was known then of who had already been in touch), so that the dashboard's follow-up rate is
/// measured on the demo's own messages, consultations and card exchanges rather than written in. The current week
/// is written at each member's first look, as in a real network.
/// </summary>
internal static class DemoSuggestions
{
    public const int Weeks = 6;

    public static async Task SeedAsync(AlumniDb db, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Approved && m.Role == MemberRole.Member)
            .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        var engine = new SuggestionEngine(db);
        var thisWeek = SuggestionService.WeekOf(now, zone);
        for (var w = Weeks; w >= 1; w--)
        {
            var week = thisWeek.AddDays(-7 * w);
            var monday = week.ToDateTime(new TimeOnly(9, 0));
            var at = new DateTimeOffset(monday, zone.GetUtcOffset(monday)).ToUniversalTime();
            foreach (var id in members)
                db.AddRange(SuggestionService.Rows(id, week, at, await engine.FindAsync(id, at, SuggestionWeights.Defaults, ct)));
            await db.SaveChangesAsync(ct);
        }
    }
}
