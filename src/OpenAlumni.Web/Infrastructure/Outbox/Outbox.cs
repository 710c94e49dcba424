using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Mail;

namespace OpenAlumni.Web.Infrastructure.Outbox;

public sealed class OutboxOptions
{
    /// <summary>Run the background sender (tests switch it off and call <see cref="OutboxSender"/> themselves).</summary>
    public bool WorkerEnabled { get; set; } = true;
    public int PollSeconds { get; set; } = 5;
    /// <summary>/health/ready reports Degraded when a pending message is this many minutes past its time.</summary>
    public int ReadyLagMinutes { get; set; } = 10;
    /// <summary>
    /// Seconds after start before the first round: a node that has just started (a deploy, a restart under load)
    /// serves its first pages before the jobs go through every network.
    /// </summary>
    public int StartDelaySeconds { get; set; } = 5;
    public int MaxAttempts { get; set; } = 8;
    /// <summary>
    /// How long a claim on a message lasts. A node that dies while sending leaves its claim, and another sends the
    /// message once it runs out (with the same Message-ID); it must outlast the slowest SMTP send.
    /// </summary>
    public int LeaseSeconds { get; set; } = 300;
    /// <summary>Days that sent (or given-up) mail is kept before <see cref="OutboxRetentionJob"/> deletes it; 0 keeps it.</summary>
    public int RetentionDays { get; set; } = 30;
}

/// <summary>Queues mail in the caller's unit of work; it goes out once the caller's transaction commits.</summary>
public static class OutboxExtensions
{
    /// <summary>Adds a message unless one with the same key is queued already (then this is a no-op).</summary>
    /// <param name="fresh">The caller has checked the stored keys itself (for all its recipients in one query): only
    /// this unit of work is looked at, which saves a query per recipient when one notice goes to hundreds.</param>
    /// <param name="html">An HTML alternative of the text <paramref name="body"/>.</param>
    /// <param name="headers">Extra headers (List-Unsubscribe and its kin).</param>
    public static async Task EnqueueMailAsync(this AlumniDb db, long tenantId, string key, string to, string subject, string body, DateTimeOffset now, CancellationToken ct, bool fresh = false,
        string? html = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        if (await QueuedAsync(db, key, fresh, ct)) return;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            TenantId = tenantId, Key = key, To = to, Subject = subject, Body = body, Html = html,
            Headers = headers is { Count: > 0 } ? System.Text.Json.JsonSerializer.Serialize(headers) : null,
            Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        });
    }

    /// <summary>
    /// Queues a web push to one subscribed browser (<paramref name="subscriptionId"/>) unless the key is queued already:
    /// the request that caused it never waits on a push service, and a failed push is retried as mail is.
    /// </summary>
    public static async Task EnqueuePushAsync(this AlumniDb db, long tenantId, string key, long subscriptionId, string title, string payload, DateTimeOffset now, CancellationToken ct, bool fresh = false)
    {
        if (await QueuedAsync(db, key, fresh, ct)) return;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            TenantId = tenantId, Key = key, Channel = OutboxChannel.Push, To = subscriptionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Subject = title.Length > 500 ? title[..500] : title, Body = payload, Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        });
    }

    /// <summary>
    /// Queues a post of <paramref name="payload"/> (JSON, already in the channel's language and format) to the incoming webhook of
    /// chat channel <paramref name="channelId"/> unless the key is queued already. The webhook's URL is a secret and stays with the
    /// channel (encrypted); the message names the channel only, so a URL replaced meanwhile is the one used.
    /// </summary>
    public static async Task EnqueueWebhookAsync(this AlumniDb db, long tenantId, string key, long channelId, string title, string payload, DateTimeOffset now, CancellationToken ct)
    {
        if (await QueuedAsync(db, key, fresh: false, ct)) return;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            TenantId = tenantId, Key = key, Channel = OutboxChannel.Webhook, To = channelId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Subject = title.Length > 500 ? title[..500] : title, Body = payload, Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        });
    }

    static async Task<bool> QueuedAsync(AlumniDb db, string key, bool fresh, CancellationToken ct) =>
        db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.Key == key)
        || (!fresh && await db.Set<OutboxMessage>().AnyAsync(m => m.Key == key, ct));
}

/// <summary>Delivers an outbox message of the <see cref="OutboxChannel.Push"/> channel (the Notifications feature provides it).</summary>
public interface IPushSender
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>Delivers an outbox message of the <see cref="OutboxChannel.Webhook"/> channel (the Channels feature provides it).</summary>
public interface IWebhookSender
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>A delivery that no retry can mend (the browser unsubscribed, the push service refuses the message): given up at once.</summary>
public class PermanentDeliveryException(string message) : Exception(message);

/// <summary>
/// Hears how each message went (a feature that counts its own deliveries: newsletters). Called after the outcome is recorded;
/// a listener that fails is logged and does not change the outcome.
/// </summary>
public interface IOutboxListener
{
    Task SentAsync(OutboxMessage message, CancellationToken ct);
    Task FailedAsync(OutboxMessage message, Exception error, bool gaveUp, CancellationToken ct);
}

/// <summary>
/// Sends due messages: claims each with a lease (so two instances never send one message together),
/// sends, marks it sent; a failure is retried with exponential backoff, then given up as Failed.
/// </summary>
public sealed class OutboxSender(AlumniDb db, IMailer mailer, IEnumerable<IPushSender> push, IEnumerable<IWebhookSender> webhooks, TimeProvider clock, Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    Observability.AlumniMetrics metrics, ILogger<OutboxSender> log, IEnumerable<IOutboxListener>? listeners = null)
{
    /// <param name="tenantId">Only this tenant's mail (an operator retrying one network); null for all.</param>
    public async Task<int> SendDueAsync(CancellationToken ct, long? tenantId = null)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .Where(m => tenantId == null || m.TenantId == tenantId)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            // Each claim is timed afresh (a slow batch must not claim with a lease already run out), and the
            // lease itself is the claim's token: only its holder may mark the message sent.
            var claimAt = clock.GetUtcNow();
            // Whole microseconds: PostgreSQL keeps no finer time, and the lease is compared for equality.
            var leaseTicks = claimAt.AddSeconds(options.Value.LeaseSeconds).UtcTicks;
            var lease = new DateTimeOffset(leaseTicks - leaseTicks % 10 + 10 * Random.Shared.Next(1, 100_000), TimeSpan.Zero);
            var claimed = await db.Set<OutboxMessage>()
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < claimAt))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease), ct);
            if (claimed == 0) continue;
            var message = await db.Set<OutboxMessage>().AsNoTracking().FirstAsync(m => m.Id == id, ct);
            try
            {
                if (message.Channel == OutboxChannel.Push)
                    await (push.FirstOrDefault() ?? throw new PermanentDeliveryException("No push sender is configured.")).SendAsync(message, ct);
                else if (message.Channel == OutboxChannel.Webhook)
                    await (webhooks.FirstOrDefault() ?? throw new PermanentDeliveryException("No webhook sender is configured.")).SendAsync(message, ct);
                else if (message.Html is not null || message.Headers is not null)
                    await mailer.SendAsync(message.To, message.Subject, message.Body, message.Html,
                        message.Headers is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(message.Headers), ct, StableId(message));
                else
                    await mailer.SendAsync(message.To, message.Subject, message.Body, ct, StableId(message));
                await db.Set<OutboxMessage>().Where(m => m.Id == id && m.LockedUntil == lease).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, clock.GetUtcNow())
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
                metrics.Delivered(WireNames.Of(message.Channel), clock.GetUtcNow() - message.NextAttemptAt);
                sent++;
                await TellAsync(l => l.SentAsync(message, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var giveUp = attempts >= options.Value.MaxAttempts || e is PermanentDeliveryException;
                var next = clock.GetUtcNow().AddSeconds(Math.Min(6 * 3600, 30 * Math.Pow(2, attempts)));
                var error = e.GetType().Name + ": " + e.Message;
                await db.Set<OutboxMessage>().Where(m => m.Id == id && m.LockedUntil == lease).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
                    .SetProperty(m => m.LastError, error.Length > 1000 ? error[..1000] : error)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
                metrics.DeliveryFailed(WireNames.Of(message.Channel), giveUp);
                await TellAsync(l => l.FailedAsync(message, e, giveUp, ct));
                log.LogWarning("Outbox message {Id} failed (attempt {Attempt}): {Error}", id, attempts, e.GetType().Name);
            }
        }
        return sent;
    }

    async Task TellAsync(Func<IOutboxListener, Task> tell)
    {
        foreach (var listener in listeners ?? [])
        {
            try { await tell(listener); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "An outbox listener failed"); }
        }
    }

    /// <summary>The Message-ID token of an outbox message (<c>outbox-{id}-{ticks}</c>): a bounce report names it.</summary>
    public static string Token(OutboxMessage m) => StableId(m).Token;

    /// <summary>The same for every attempt at one message; its creation time keeps it unique across databases.</summary>
    static MailId StableId(OutboxMessage m) => new($"outbox-{m.Id}-{m.CreatedAt.UtcTicks:x}", m.CreatedAt);
}

/// <summary>Work that runs on a timer: due reminders are queued, then due mail is sent.</summary>
public interface IPeriodicJob
{
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}

public sealed class OutboxWorker(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<OutboxOptions> options, IEnumerable<IPeriodicJob> jobs, ILogger<OutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled) return;
        if (options.Value.StartDelaySeconds > 0) await Task.Delay(TimeSpan.FromSeconds(options.Value.StartDelaySeconds), stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        do
        {
            try
            {
                foreach (var job in jobs)
                {
                    await using var jobScope = scopes.CreateAsyncScope();
                    await job.RunAsync(jobScope.ServiceProvider, stoppingToken);
                }
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be restarting; the next tick tries again.
                log.LogError(e, "Outbox round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
