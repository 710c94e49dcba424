using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Roster;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Scim;

/// <summary>
/// On a leaver's last day, sends their personal invitation (the roster's, <see cref="InvitationService"/>) to their personal
/// address in their language, when the network chose so (<see cref="Tenant.InviteLeaversOnLastDay"/>). Runs for the current
/// network (the job walks them with <see cref="EveryTenant"/>).
/// </summary>
/// <remarks>
/// Exactly once with several nodes: each row is claimed by one conditional UPDATE of <see cref="RosterEntry.LeaverInvitedAt"/>
/// in the transaction that queues the mail. A second node's UPDATE waits for the first to commit and then matches no row
/// (PostgreSQL re-reads it; SQLite has one writer), so it queues nothing. The mail leaves through the outbox, whose lease
/// sends it once.
/// </remarks>
public sealed class LeaverInvitations(AlumniDb db, ITenantContext network, InvitationService invitations, AuditLog audit)
{
    /// <summary>The hour of the last day (network time) at which the invitation goes: in office hours, on the day itself.</summary>
    public const int Hour = 10;
    /// <summary>A leaver reported this long after their last day (a back-fill of old leavers) is left to the secretariat to invite.</summary>
    public const int GraceDays = 30;

    public async Task<int> QueueDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var tenant = network.Tenant ?? throw new InvalidOperationException("Leavers are invited inside a network.");
        // Stored as UTC (PostgreSQL takes no other offset), whatever offset the caller's moment was given in.
        now = now.ToUniversalTime();
        if (!await db.Tenants.AnyAsync(t => t.Id == tenant.Id && t.InviteLeaversOnLastDay, ct)) return 0;
        var local = tenant.ToLocal(now);
        var today = DateOnly.FromDateTime(local.DateTime);
        var until = local.Hour >= Hour ? today : today.AddDays(-1);
        var from = today.AddDays(-GraceDays);
        // Only a personal address is worth the mail: a row whose only address is the work one waits (HR may add one).
        var due = await db.Set<RosterEntry>().AsNoTracking()
            // Still active with a last day: the HR system told of the leaving ahead; the day itself is the invitation's.
            // Only the HR system sets a last day (a row it has since deleted keeps it).
            .Where(r => r.LastDay != null && r.LeaverInvitedAt == null && r.MemberId == null
                && r.LastDay != null && r.LastDay >= from && r.LastDay <= until && (r.WorkEmail == null || r.EmailKey != r.WorkEmail.ToLower()))
            .OrderBy(r => r.Id).Take(500).Select(r => r.Id).ToListAsync(ct);
        var queued = 0;
        foreach (var id in due)
        {
            queued += await db.InTransactionAsync(async tx =>
            {
                var claimed = await db.Set<RosterEntry>().Where(r => r.Id == id && r.LeaverInvitedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaverInvitedAt, now), ct);
                if (claimed == 0) return 0;
                var entry = await db.Set<RosterEntry>().AsNoTracking().FirstAsync(r => r.Id == id, ct);
                var sent = await invitations.InviteLeaverAsync(entry, now, ct);
                await audit.AddAsync("invitation.leaver", "roster", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new { invited = sent }, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return sent ? 1 : 0;
            }, ct);
            db.ChangeTracker.Clear();
        }
        return queued;
    }
}

/// <summary>Runs <see cref="LeaverInvitations"/> on the outbox worker's timer.</summary>
public sealed class LeaverInvitationJob(TimeProvider clock) : IPeriodicJob
{
    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        EveryTenant.ForEachAsync(services, tenantServices =>
            tenantServices.GetRequiredService<LeaverInvitations>().QueueDueAsync(clock.GetUtcNow(), ct), ct);
}
