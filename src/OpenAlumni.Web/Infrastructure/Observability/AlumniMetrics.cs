using System.Diagnostics.Metrics;

namespace OpenAlumni.Web.Infrastructure.Observability;

/// <summary>
/// The app's own instruments, on the meter <see cref="MeterName"/>: what an operator watches beside ASP.NET Core's
/// request metrics and Npgsql's pool (docs/operations.md). Exported with them when OpenTelemetry is configured
/// (<see cref="TelemetrySetup"/>); readable with <c>dotnet-counters monitor -n OpenAlumni.Web --counters OpenAlumni</c> always.
/// </summary>
public sealed class AlumniMetrics
{
    public const string MeterName = "OpenAlumni";

    readonly Counter<long> signups;
    readonly Counter<long> messages;
    readonly Counter<long> sent;
    readonly Counter<long> failed;
    readonly Histogram<double> lag;

    public AlumniMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        signups = meter.CreateCounter<long>("openalumni.event.signups", "{signup}", "Event sign-ups decided, by status (confirmed, waitlisted).");
        messages = meter.CreateCounter<long>("openalumni.messages.sent", "{message}", "Private messages sent.");
        sent = meter.CreateCounter<long>("openalumni.mail.sent", "{message}", "Outbox messages delivered, by channel (mail, push).");
        failed = meter.CreateCounter<long>("openalumni.mail.failed", "{message}",
            "Outbox delivery attempts that failed, by channel and final (true when the message is given up).");
        lag = meter.CreateHistogram<double>("openalumni.outbox.lag", "s", "How long after it was due an outbox message went out.");
    }

    public void SignedUp(string status) => signups.Add(1, new KeyValuePair<string, object?>("status", status));

    public void MessageSent() => messages.Add(1);

    public void Delivered(string channel, TimeSpan late)
    {
        sent.Add(1, new KeyValuePair<string, object?>("channel", channel));
        lag.Record(Math.Max(0, late.TotalSeconds), new KeyValuePair<string, object?>("channel", channel));
    }

    public void DeliveryFailed(string channel, bool final) =>
        failed.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("final", final));
}
