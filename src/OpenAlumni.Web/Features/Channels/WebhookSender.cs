using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Security;

namespace OpenAlumni.Web.Features.Channels;

/// <summary>What a receiver made of one post: accepted, or why not (its status, or that it could not be reached).</summary>
public sealed record WebhookOutcome(bool Delivered, int? Status, string? Error);

/// <summary>
/// Posts a JSON payload to a webhook URL. Never throws for what the receiver does, and never says the URL: the error it
/// reports goes to the channel's status, the outbox row and the logs, and the URL is the channel's secret.
/// </summary>
public sealed class WebhookPoster(IHttpClientFactory http)
{
    public const string HttpClientName = "channels";

    public async Task<WebhookOutcome> PostAsync(string url, string json, CancellationToken ct)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsync(url, content, ct);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 300 ? new(true, status, null) : new(false, status, $"HTTP {status} {response.ReasonPhrase}".Trim());
        }
        catch (Exception e) when (PublicInternetOnly.WasRefused(e))
        {
            return new(false, null, "The webhook's host resolves to a private address.");
        }
        catch (HttpRequestException e)
        {
            return new(false, null, $"The webhook could not be reached ({e.HttpRequestError}).");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(false, null, "The webhook did not answer in time.");
        }
    }
}

/// <summary>A post the receiver did not take, worth trying again (5xx, 408, 429, no answer): the outbox retries it with its backoff.</summary>
public sealed class WebhookDeliveryException(string message) : Exception(message);

/// <summary>
/// Delivers a queued chat message (<see cref="OutboxChannel.Webhook"/>) to its channel's incoming webhook, and keeps the
/// channel's delivery status (last sent, last error, failures since). A deleted or paused channel gets nothing: the message
/// is given up. A receiver's 4xx (a revoked or mistyped webhook, a payload it refuses) is given up at once; anything else is
/// retried by the outbox.
/// </summary>
public sealed class WebhookSender(AlumniDb db, ChannelSecrets secrets, WebhookPoster poster, TimeProvider clock) : IWebhookSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = long.Parse(message.To, System.Globalization.CultureInfo.InvariantCulture);
        // The outbox serves every network; the channel is looked up by the message's own tenant.
        var channels = db.Set<Channel>().IgnoreQueryFilters().Where(c => c.Id == id && c.TenantId == message.TenantId);
        var channel = await channels.AsNoTracking().FirstOrDefaultAsync(ct) ?? throw new PermanentDeliveryException("The channel was deleted.");
        if (channel.Paused) throw new PermanentDeliveryException("The channel is paused.");
        var outcome = await poster.PostAsync(secrets.Unprotect(channel.ProtectedUrl), message.Body, ct);
        var now = clock.GetUtcNow();
        if (outcome.Delivered)
        {
            await channels.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSentAt, now).SetProperty(c => c.Failures, 0), ct);
            return;
        }
        var error = outcome.Error!.Length > ChannelLimits.Error ? outcome.Error[..ChannelLimits.Error] : outcome.Error;
        await channels.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastFailedAt, now).SetProperty(c => c.LastError, error)
            .SetProperty(c => c.Failures, c => c.Failures + 1), ct);
        if (outcome.Status is >= 400 and < 500 and not ((int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests))
            throw new PermanentDeliveryException($"The webhook refused the message ({error}).");
        throw new WebhookDeliveryException(error);
    }
}
