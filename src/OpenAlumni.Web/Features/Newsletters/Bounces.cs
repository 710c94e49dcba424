using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Web.Features.Newsletters;

public sealed class BounceOptions
{
    /// <summary>The secret the mail provider sends in <c>X-Bounce-Secret</c> with each bounce report; empty: reports are refused (404).</summary>
    public string? Secret { get; set; }
}

/// <summary>
/// Bounces: an address the mail server refused at send time (<see cref="Infrastructure.Mail.MailRejectedException"/>) or that the
/// mail provider reports later (<c>POST /api/v1/mail/bounces</c>, naming the Message-ID we gave the mail). The address is marked
/// undeliverable in the message's network, and a newsletter's copy counts as bounced.
/// </summary>
public sealed class Bounces(AlumniDb db, TimeProvider clock, IOptions<BounceOptions> options, IServiceScopeFactory scopes)
{
    public bool Enabled => !string.IsNullOrEmpty(options.Value.Secret);

    public bool Authentic(string? secret) =>
        Enabled && secret is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(options.Value.Secret!));

    public async Task<Result<bool>> ReportAsync(BounceInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var address = Check.Email(errors, "address", input.Address);
        var messageId = (input.MessageId ?? "").Trim().Trim('<', '>');
        // Our Message-IDs are outbox-{id}-{ticks}@domain (the outbox's stable id).
        var token = messageId.Split('@')[0];
        var parts = token.Split('-');
        OutboxMessage? message = null;
        if (parts.Length == 3 && parts[0] == "outbox" && long.TryParse(parts[1], out var id))
        {
            // The outbox is one queue for every network: the report names a message, and the message its network.
            message = await db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Channel == OutboxChannel.Mail, ct);
            if (message is not null && OutboxSender.Token(message) != token) message = null;
        }
        if (message is null) errors.Add("messageId", "Newsletters.MessageNotFound");
        else if (address is not null && !string.Equals(message.To, address, StringComparison.OrdinalIgnoreCase)) errors.Add("address", "Newsletters.AddressMismatch");
        if (errors.Any) return errors;
        var reason = string.IsNullOrWhiteSpace(input.Reason) ? "reported by the mail provider" : input.Reason.Trim();
        await MarkAsync(scopes, db, message!, reason, clock.GetUtcNow(), ct);
        return true;
    }

    /// <summary>Marks the message's address undeliverable (once) and its newsletter copy, if it is one, bounced.</summary>
    /// <remarks>
    /// Written in a scope of the message's network: this runs in the outbox's scope (which has no network) or on a provider's report
    /// (which may reach any host), and the database refuses writes outside the scope's network.
    /// </remarks>
    public static async Task MarkAsync(IServiceScopeFactory scopes, AlumniDb any, OutboxMessage message, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var tenant = await any.Tenants.AsNoTracking().Include(t => t.Hosts).FirstOrDefaultAsync(t => t.Id == message.TenantId, ct);
        if (tenant is null) return;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Infrastructure.Tenancy.TenantContext>().Set(Infrastructure.Tenancy.TenantInfo.From(tenant));
        var db = scope.ServiceProvider.GetRequiredService<AlumniDb>();
        var email = message.To.ToLowerInvariant();
        if (!await db.Set<UndeliverableAddress>().AnyAsync(a => a.Email == email, ct))
        {
            db.Add(new UndeliverableAddress
            {
                Email = email, MarkedAt = now,
                Reason = reason.Length > NewsletterLimits.Reason ? reason[..NewsletterLimits.Reason] : reason,
            });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); /* marked by another report at the same moment */ }
        }
        if (NewsletterDispatcher.ParseKey(message.Key) is { } k)
            await db.Set<NewsletterDelivery>()
                .Where(d => d.NewsletterId == k.NewsletterId && d.MemberId == k.MemberId && d.Outcome != DeliveryOutcome.Capped)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Outcome, DeliveryOutcome.Bounced).SetProperty(d => d.At, now), ct);
    }
}
