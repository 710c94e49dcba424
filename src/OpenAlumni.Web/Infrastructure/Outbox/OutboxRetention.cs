using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Web.Infrastructure.Outbox;

/// <summary>
/// Deletes mail kept in the outbox after it went out (or was given up) once <see cref="OutboxOptions.RetentionDays"/>
/// have passed: the rows are kept only to look into a delivery, and they hold addresses, names and live links
/// (an invitation's join link). Mail still to be sent is never deleted. Runs at most once an hour.
/// </summary>
public sealed class OutboxRetentionJob(TimeProvider clock, IOptions<OutboxOptions> options) : IPeriodicJob
{
    DateTimeOffset? lastRun;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var days = options.Value.RetentionDays;
        if (days <= 0 || lastRun > now.AddHours(-1)) return;
        lastRun = now;
        var before = now.AddDays(-days);
        // The outbox serves every network (not tenant-filtered): one statement for all.
        await services.GetRequiredService<AlumniDb>().Set<OutboxMessage>()
            .Where(m => (m.Status == OutboxStatus.Sent && m.SentAt < before) || (m.Status == OutboxStatus.Failed && m.CreatedAt < before))
            .ExecuteDeleteAsync(ct);
    }
}
