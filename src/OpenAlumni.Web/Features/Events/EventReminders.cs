using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// The day before an event, queues a reminder to each confirmed attendee, in the current network (the job
/// walks the networks with <see cref="EveryTenant"/>); the outbox key makes a second run queue nothing.
/// </summary>
public sealed class EventReminders(AlumniDb db, ITenantContext network, IStringLocalizer<EventTexts> texts, TimeProvider clock)
{
    /// <param name="now">The moment to plan for (tests pass another); the mail itself is due at once.</param>
    public async Task<int> QueueDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var tenant = network.Tenant ?? throw new InvalidOperationException("Reminders are queued inside a network.");
        var queuedAt = clock.GetUtcNow();
        var until = now.AddHours(24);
        var due = await db.Set<Event>().AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.ReminderQueuedAt == null && e.StartsAt > now && e.StartsAt <= until)
            .Select(e => new { e.Id, e.Title, e.StartsAt, e.Venue, e.Format })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var e in due)
        {
            var people = await db.Set<Rsvp>().AsNoTracking()
                .Where(r => r.EventId == e.Id && r.Status == RsvpStatus.Confirmed)
                .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new { r.Id, m.User!.Email, m.User.PreferredCulture })
                .ToListAsync(ct);
            queued += await db.InTransactionAsync(async tx =>
            {
                var mails = 0;
                foreach (var p in people)
                {
                    string subject, body;
                    using (Cultures.Use(p.PreferredCulture))
                    {
                        subject = texts["Mail.ReminderSubject", e.Title];
                        body = texts["Mail.ReminderBody", e.Title, tenant.ToLocal(e.StartsAt).ToString("yyyy-MM-dd HH:mm"), e.Venue ?? "", tenant.ShownName];
                    }
                    await db.EnqueueMailAsync(tenant.Id, $"event-reminder:{e.Id}:{p.Id}", p.Email!, subject, body, queuedAt, ct);
                    mails++;
                }
                await db.SaveChangesAsync(ct);
                await db.Set<Event>().Where(x => x.Id == e.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderQueuedAt, queuedAt), ct);
                await tx.CommitAsync(ct);
                return mails;
            }, ct);
        }
        return queued;
    }
}

/// <summary>Runs <see cref="EventReminders"/> on the outbox worker's timer.</summary>
public sealed class EventReminderJob(TimeProvider clock) : IPeriodicJob
{
    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        EveryTenant.ForEachAsync(services, tenantServices =>
            tenantServices.GetRequiredService<EventReminders>().QueueDueAsync(clock.GetUtcNow(), ct), ct);
}
