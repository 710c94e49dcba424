using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// The day before an event, queues a reminder to each confirmed attendee. Runs for every tenant, so it
/// reads past the tenant filter (operator-level work); the outbox key makes a second run queue nothing.
/// </summary>
public sealed class EventReminders(AlumniDb db, IStringLocalizer<EventTexts> texts, TimeProvider clock)
{
    /// <param name="now">The moment to plan for (tests pass another); the mail itself is due at once.</param>
    public async Task<int> QueueDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var queuedAt = clock.GetUtcNow();
        var until = now.AddHours(24);
        var due = await db.Set<Event>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.ReminderQueuedAt == null && e.StartsAt > now && e.StartsAt <= until)
            .Select(e => new { e.Id, e.TenantId, e.Title, e.StartsAt, e.Venue, e.Format })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var e in due)
        {
            var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == e.TenantId, ct);
            var tz = Infrastructure.Tenancy.TenantInfo.From(tenant);
            var people = await db.Set<Rsvp>().IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.TenantId == e.TenantId && r.EventId == e.Id && r.Status == RsvpStatus.Confirmed)
                .Join(db.Members.IgnoreQueryFilters(), r => r.MemberId, m => m.Id, (r, m) => new { r.Id, m.User!.Email, m.User.PreferredCulture })
                .ToListAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var p in people)
            {
                string subject, body;
                using (Cultures.Use(p.PreferredCulture))
                {
                    subject = texts["Mail.ReminderSubject", e.Title];
                    body = texts["Mail.ReminderBody", e.Title, tz.ToLocal(e.StartsAt).ToString("yyyy-MM-dd HH:mm"), e.Venue ?? "", tenant.Name];
                }
                await db.EnqueueMailAsync(e.TenantId, $"event-reminder:{e.Id}:{p.Id}", p.Email!, subject, body, queuedAt, ct);
                queued++;
            }
            await db.SaveChangesAsync(ct);
            await db.Set<Event>().IgnoreQueryFilters().Where(x => x.Id == e.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderQueuedAt, queuedAt), ct);
            await tx.CommitAsync(ct);
        }
        return queued;
    }
}

/// <summary>Runs <see cref="EventReminders"/> on the outbox worker's timer.</summary>
public sealed class EventReminderJob(TimeProvider clock) : IPeriodicJob
{
    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EventReminders>().QueueDueAsync(clock.GetUtcNow(), ct);
}
