using System.Net;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Security;

namespace OpenAlumni.Web.Features.Notifications;

/// <summary>
/// Sends one queued push (RFC 8030) to the push service of the subscribed browser, encrypted for it (RFC 8291,
/// aes128gcm) and signed with the deployment's VAPID key (RFC 8292). Called by the outbox worker, so a push
/// service's delay never holds up a request. A 404 or 410 means the browser unsubscribed: the subscription is
/// deleted and the message given up; 429 and 5xx are retried by the outbox; any other refusal is given up.
/// </summary>
public sealed class PushSender(AlumniDb db, VapidKeys vapid, IHttpClientFactory http, IOptions<PushOptions> options) : IPushSender
{
    public const string HttpClientName = "push";

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = long.Parse(message.To, System.Globalization.CultureInfo.InvariantCulture);
        // The outbox serves every network; the subscription is looked up by the message's own tenant.
        var row = await db.Set<PushSubscription>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == id && s.TenantId == message.TenantId, ct)
            ?? throw new PermanentDeliveryException("The browser's subscription was removed.");
        var keys = await vapid.GetAsync(db, ct);
        var subscription = new Lib.Net.Http.WebPush.PushSubscription { Endpoint = row.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, row.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, row.Auth);
        // The library would otherwise wait out a 429's Retry-After inside this call; the outbox retries instead.
        var client = new PushServiceClient(http.CreateClient(HttpClientName)) { AutoRetryAfter = false };
        using var auth = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = keys.Subject };
        try
        {
            await client.RequestPushMessageDeliveryAsync(subscription,
                new PushMessage(message.Body) { TimeToLive = options.Value.TimeToLiveSeconds, Urgency = PushMessageUrgency.Normal },
                auth, VapidAuthenticationScheme.Vapid, ct);
        }
        catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            await db.Set<PushSubscription>().IgnoreQueryFilters().Where(s => s.Id == id && s.TenantId == message.TenantId).ExecuteDeleteAsync(ct);
            throw new PermanentDeliveryException($"The push service no longer knows this browser ({(int)e.StatusCode}); its subscription was removed.");
        }
        catch (Exception e) when (PublicInternetOnly.WasRefused(e))
        {
            // The endpoint's host resolves into the server's own network: no push service lives there, so this
            // subscription never works and is removed rather than tried again.
            await db.Set<PushSubscription>().IgnoreQueryFilters().Where(s => s.Id == id && s.TenantId == message.TenantId).ExecuteDeleteAsync(ct);
            throw new PermanentDeliveryException("The push endpoint resolves to a private address; its subscription was removed.");
        }
        catch (PushServiceClientException e) when (e.StatusCode != HttpStatusCode.TooManyRequests && (int)e.StatusCode < 500)
        {
            throw new PermanentDeliveryException($"The push service refused the message ({(int)e.StatusCode}).");
        }
    }
}
