using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Web.Infrastructure.Outbox;

/// <summary>
/// Part of /health/ready: mail and push waiting longer than <see cref="OutboxOptions.ReadyLagMinutes"/> past their
/// time mean that no node's worker is sending (stopped, or failing every round). The node itself still serves
/// pages, so this is Degraded (200, for the load balancer) rather than Unhealthy; the monitor alerts on it.
/// </summary>
public sealed class OutboxBacklogHealthCheck(AlumniDb db, TimeProvider clock, IOptions<OutboxOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var overdueSince = now.AddMinutes(-options.Value.ReadyLagMinutes);
        // The (Status, NextAttemptAt) index answers both, whatever the outbox's size; the count stops at 1,000.
        var overdue = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt < overdueSince);
        var oldest = await overdue.OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(ct);
        if (oldest is null) return HealthCheckResult.Healthy();
        var count = await overdue.Take(1000).CountAsync(ct);
        var minutes = (int)(now - oldest.Value).TotalMinutes;
        return HealthCheckResult.Degraded($"{(count >= 1000 ? "1000+" : count.ToString())} outbox messages overdue, the oldest by {minutes} min");
    }
}
