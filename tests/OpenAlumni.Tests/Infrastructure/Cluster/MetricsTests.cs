using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenAlumni.Web.Infrastructure.Observability;
using static OpenAlumni.Tests.Infrastructure.EventTestData;

namespace OpenAlumni.Tests.Infrastructure.Cluster;

/// <summary>
/// The app's own metrics (docs/operations.md) move with what members do. Measured on a node of its own (an app on the
/// same database with its own meters), so that the other tests running meanwhile do not count.
/// </summary>
public abstract class MetricsTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task SignUpsMessagesAndMail_AreCounted_ByOutcome()
    {
        var tenant = await App.CreateTenantAsync();
        await using var node = App.WithWebHostBuilder(_ => { });
        using var measured = new Measurements(node);
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync(), node, TimeSpan.FromHours(1));
        var id = await CreateAsync(admin, Meetup(capacity: 1));
        var members = await tenant.ManyMembersAsync(3);
        var clients = new List<HttpClient>();
        foreach (var m in members) clients.Add(await tenant.ClientForAsync(m, node, TimeSpan.FromHours(1)));

        foreach (var c in clients) (await c.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct)).EnsureSuccessStatusCode();
        (await clients[0].PostAsync($"/api/v1/events/{id}/rsvp", null, Ct)).EnsureSuccessStatusCode(); // a second click is no sign-up
        var started = await clients[0].PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { members[1].Id }, body = "こんにちは" }, Ct);
        var conversation = (await JsonAsync(started)).GetProperty("id").GetInt64();
        (await clients[1].PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { body = "お元気ですか" }, Ct)).EnsureSuccessStatusCode();
        using (var scope = node.Services.CreateScope())
            while (await scope.ServiceProvider.GetRequiredService<OpenAlumni.Web.Infrastructure.Outbox.OutboxSender>().SendDueAsync(Ct) > 0) { }

        Assert.Equal(1, measured.Sum("openalumni.event.signups", ("status", "confirmed")));
        Assert.Equal(2, measured.Sum("openalumni.event.signups", ("status", "waitlisted")));
        Assert.Equal(2, measured.Sum("openalumni.messages.sent"));
        // At least the message mail to the member written to (other tests' mail may go out through this node too).
        Assert.True(measured.Sum("openalumni.mail.sent", ("channel", "mail")) >= 1);
        Assert.True(measured.Count("openalumni.outbox.lag") >= 1);
    }

    /// <summary>Every measurement of the node's meter "OpenAlumni", by instrument.</summary>
    sealed class Measurements : IDisposable
    {
        readonly MeterListener listener = new();
        readonly ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> seen = new();

        public Measurements(WebApplicationFactory<Program> node)
        {
            var meters = node.Services.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AlumniMetrics.MeterName && instrument.Meter.Scope == meters) l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Enqueue((i.Name, v, tags.ToArray())));
            listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Enqueue((i.Name, v, tags.ToArray())));
            listener.Start();
        }

        public double Sum(string name, params (string Key, string Value)[] tags) =>
            seen.Where(m => m.Name == name && tags.All(t => m.Tags.Any(x => x.Key == t.Key && Equals(x.Value?.ToString(), t.Value)))).Sum(m => m.Value);

        public int Count(string name) => seen.Count(m => m.Name == name);

        public void Dispose() => listener.Dispose();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MetricsTestsOnSqlite(SqliteApp app) : MetricsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MetricsTestsOnPostgres(PostgresApp app) : MetricsTests(app);
