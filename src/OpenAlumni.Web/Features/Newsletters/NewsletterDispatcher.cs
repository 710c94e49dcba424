using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Mail;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>
/// Sends a network's due newsletters, each exactly once even with several nodes: a node claims a newsletter by moving it from
/// scheduled to sending in one conditional UPDATE (only one node's update matches), with a claim that runs out, so that a node
/// dying mid-way leaves it to another; the copies already made are skipped (one delivery row per member, unique). Each copy
/// goes through the outbox (retries, one Message-ID per copy) in the member's language, with one-click unsubscribe.
/// </summary>
public sealed class NewsletterDispatcher(AlumniDb db, ITenantContext tenant, TimeProvider clock, NewsletterAudiences audiences, NewsletterRenderer renderer,
    MailCap cap, Unsubscribe unsubscribe, ILogger<NewsletterDispatcher> log)
{
    static readonly TimeSpan Claim = TimeSpan.FromMinutes(15);
    const int RenewEvery = 50;

    /// <param name="now">The time it is (the job passes the clock's; a test, the moment it looks at).</param>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Set<Newsletter>().AsNoTracking()
            .Where(n => (n.Status == NewsletterStatus.Scheduled && n.SendAt <= now) || (n.Status == NewsletterStatus.Sending && n.ClaimedUntil < now))
            .OrderBy(n => n.SendAt).Select(n => n.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            var until = now + Claim;
            var claimed = await db.Set<Newsletter>()
                .Where(n => n.Id == id && ((n.Status == NewsletterStatus.Scheduled && n.SendAt <= now) || (n.Status == NewsletterStatus.Sending && n.ClaimedUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NewsletterStatus.Sending).SetProperty(n => n.ClaimedUntil, until), ct);
            if (claimed == 0) continue;
            if (await SendAsync(id, now, until, ct)) sent++;
        }
        return sent;
    }

    /// <summary>Makes the copies not made yet; false when another node took the newsletter over (this node's claim ran out).</summary>
    async Task<bool> SendAsync(long id, DateTimeOffset now, DateTimeOffset claimedUntil, CancellationToken ct)
    {
        var n = await db.Set<Newsletter>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var audience = await audiences.Audience(n).Select(m => m.Id).CountAsync(ct);
        var receiving = await audiences.Receiving(n).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.User!.Email, m.User.PreferredCulture }).ToListAsync(ct);
        var done = (await db.Set<NewsletterDelivery>().AsNoTracking().Where(d => d.NewsletterId == id).Select(d => d.MemberId).ToListAsync(ct)).ToHashSet();
        var limit = await cap.LimitAsync(ct);
        var copies = 0;
        foreach (var m in receiving.Where(m => !done.Contains(m.Id)))
        {
            // A long send keeps its claim while it makes progress, so that no other node starts on the same members; if the claim
            // is no longer this node's (it stalled past it and another took over), it stops.
            if (++copies % RenewEvery == 0)
            {
                var renewed = claimedUntil + Claim;
                if (await db.Set<Newsletter>().Where(x => x.Id == id && x.Status == NewsletterStatus.Sending && x.ClaimedUntil == claimedUntil)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntil, renewed), ct) == 0)
                {
                    log.LogWarning("Newsletter {Id} of tenant {Tenant} was taken over by another node", id, tenant.TenantId);
                    return false;
                }
                claimedUntil = renewed;
            }
            var admitted = await cap.TakeAsync(m.Id, limit, now, ct);
            if (admitted)
            {
                var url = unsubscribe.Url(m.Id, MailKind.Newsletter);
                var r = await renderer.RenderAsync(n, m.Id, m.PreferredCulture, url, ct);
                await db.EnqueueMailAsync(n.TenantId, Key(n.Id, m.Id), m.Email!, r.Subject, r.Text, clock.GetUtcNow(), ct, html: r.Html,
                    headers: unsubscribe.Headers(m.Id, MailKind.Newsletter));
            }
            db.Add(new NewsletterDelivery { NewsletterId = id, MemberId = m.Id, Outcome = admitted ? DeliveryOutcome.Queued : DeliveryOutcome.Capped, At = now });
            // One copy at a time: its mail and its row together, so that a node taking over after a crash neither repeats nor loses one.
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await db.Set<Newsletter>().Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, NewsletterStatus.Sent)
            .SetProperty(x => x.SentAt, now).SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null).SetProperty(x => x.Withheld, audience - receiving.Count), ct);
        log.LogInformation("Newsletter {Id} of tenant {Tenant} queued for {Count} members", id, tenant.TenantId, receiving.Count);
        return true;
    }

    public static string Key(long newsletterId, long memberId) => $"newsletter:{newsletterId}:{memberId}";

    /// <summary>The newsletter and member an outbox key names, if it is a newsletter's copy.</summary>
    public static (long NewsletterId, long MemberId)? ParseKey(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 3 && parts[0] == "newsletter" && long.TryParse(parts[1], out var n) && long.TryParse(parts[2], out var m) ? (n, m) : null;
    }
}

/// <summary>Runs every network's due newsletters on the outbox worker's timer.</summary>
public sealed class NewsletterJob(TimeProvider clock) : IPeriodicJob
{
    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        EveryTenant.ForEachAsync(services, s => s.GetRequiredService<NewsletterDispatcher>().SendDueAsync(clock.GetUtcNow(), ct), ct);
}

/// <summary>
/// Counts each copy's fate on its newsletter (delivered, bounced) and marks an address the mail server refused for good as
/// undeliverable, whatever the mail was. The outbox serves every network from one scope without a tenant, so these updates
/// name the message's tenant themselves and pass by the tenant filter.
/// </summary>
public sealed class NewsletterDeliveryListener(AlumniDb db, TimeProvider clock, IServiceScopeFactory scopes) : IOutboxListener
{
    public async Task SentAsync(OutboxMessage message, CancellationToken ct)
    {
        if (NewsletterDispatcher.ParseKey(message.Key) is not { } k) return;
        await db.Set<NewsletterDelivery>().IgnoreQueryFilters()
            .Where(d => d.TenantId == message.TenantId && d.NewsletterId == k.NewsletterId && d.MemberId == k.MemberId && d.Outcome == DeliveryOutcome.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Outcome, DeliveryOutcome.Delivered).SetProperty(d => d.At, clock.GetUtcNow()), ct);
    }

    public async Task FailedAsync(OutboxMessage message, Exception error, bool gaveUp, CancellationToken ct)
    {
        if (error is not MailRejectedException) return;
        await Bounces.MarkAsync(scopes, db, message, error.Message, clock.GetUtcNow(), ct);
    }
}
