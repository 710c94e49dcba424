using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// The day before an event, reminds each confirmed attendee as they chose for "event reminder" (a mail with the
/// date and place by default, or a push), in the current network (the job walks the networks with
/// <see cref="EveryTenant"/>); the event's ReminderQueuedAt, set in the same transaction, makes a second run do nothing.
/// </summary>
public sealed class EventReminders(AlumniDb db, ITenantContext network, IStringLocalizer<EventTexts> texts, TimeProvider clock,
    Notifications.NotificationService notifications)
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
                .Where(r => r.EventId == e.Id && r.Status == RsvpStatus.Confirmed).Select(r => r.MemberId)
                .ToListAsync(ct);
            queued += await db.InTransactionAsync(async tx =>
            {
                await notifications.NotifyAsync(people, Notifications.NotificationType.EventReminder, null, null, e.Title, ct,
                    link: $"/events/{e.Id}", mail: () => (texts["Mail.ReminderSubject", e.Title],
                        texts["Mail.ReminderBody", e.Title, tenant.ToLocal(e.StartsAt).ToString("yyyy-MM-dd HH:mm"), e.Venue ?? "", tenant.ShownName]));
                await db.SaveChangesAsync(ct);
                await db.Set<Event>().Where(x => x.Id == e.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderQueuedAt, queuedAt), ct);
                await tx.CommitAsync(ct);
                return people.Count;
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
