using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>
/// The weekly cap on network mail (newsletters and announcements) per member: a calendar week, the ISO week in the network's
/// time zone (a rolling window cannot be counted race-free in one row). A mail is admitted when the member's count for the
/// week can be raised without passing the network's <c>MailsPerWeek</c>: one conditional UPDATE, atomic on both databases,
/// so two nodes sending at once never pass the cap between them.
/// </summary>
public sealed class MailCap(AlumniDb db, ITenantContext tenant)
{
    public static string WeekOf(DateTimeOffset now, TenantInfo t)
    {
        var local = t.ToLocal(now).DateTime;
        return $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}";
    }

    public Task<int> LimitAsync(CancellationToken ct) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == tenant.TenantId).Select(t => t.MailsPerWeek).FirstAsync(ct);

    /// <summary>Counts one network mail to <paramref name="memberId"/> this week; false (and nothing counted) when it would pass the cap.</summary>
    public async Task<bool> TakeAsync(long memberId, int limit, DateTimeOffset now, CancellationToken ct)
    {
        var t = tenant.Tenant!;
        var week = WeekOf(now, t);
        // The week's row first (if two nodes insert it together, one insert does nothing), then the raise that is the claim.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "MemberMailWeek" ("TenantId", "MemberId", "Week", "Count") VALUES ({t.Id}, {memberId}, {week}, 0) ON CONFLICT DO NOTHING""", ct);
        var raised = await db.Set<MemberMailWeek>()
            .Where(w => w.MemberId == memberId && w.Week == week && (limit == 0 || w.Count < limit))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Count, w => w.Count + 1), ct);
        return raised == 1;
    }
}
