using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OpenAlumni.Tests.Infrastructure.Cluster;

/// <summary>
/// OpenTelemetry:Endpoint sends traces and metrics by OTLP: a collector started here (OTLP over HTTP, on Kestrel)
/// receives the request's trace and the app's metrics. Without an endpoint nothing is sent (the other tests).
/// </summary>
public abstract class TelemetryExportTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task WithAnEndpoint_TracesAndMetricsReachTheCollector()
    {
        await using var collector = await Collector.StartAsync();
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var node = App.WithWebHostBuilder(b => b
            .UseSetting("OpenTelemetry:Endpoint", collector.Origin)
            .UseSetting("OpenTelemetry:Protocol", "http")
            .UseSetting("OpenTelemetry:ServiceName", "openalumni-export-test"));
        try
        {
            var client = await tenant.ClientForAsync(member, node, TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/members/me", Ct)).StatusCode);
            // What the exporters would send on their own within seconds (traces) or a minute (metrics), sent now.
            // The server's span ends just after the client has read the answer, so the flush is repeated (for at
            // most ten seconds) until the request's span has been exported.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            do
            {
                Assert.True(node.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
                if (collector.Received("/v1/traces").Any(body => Contains(body, "/api/v1/members/me"))) break;
                await Task.Delay(100, Ct);
            } while (DateTime.UtcNow < deadline);
            Assert.True(node.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
        }
        finally
        {
            await node.DisposeAsync();
        }

        var traces = collector.Received("/v1/traces");
        var metrics = collector.Received("/v1/metrics");
        Assert.True(traces.Any(body => Contains(body, "openalumni-export-test") && Contains(body, "/api/v1/members/me")),
            $"traces: {traces.Count} bodies of {string.Join(", ", traces.Select(t => t.Length))} bytes; metrics: {metrics.Count}");
        Assert.Contains(metrics, body => Contains(body, "openalumni-export-test") && Contains(body, "http.server.request.duration"));
    }

    /// <summary>OTLP bodies are protobuf, whose strings are plain UTF-8 bytes.</summary>
    static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    sealed class Collector : IAsyncDisposable
    {
        readonly WebApplication web;
        readonly ConcurrentQueue<(string Path, byte[] Body)> requests = new();
        Collector(WebApplication web) => this.web = web;
        public string Origin { get; private set; } = "";

        public IReadOnlyList<byte[]> Received(string path) => requests.Where(r => r.Path == path).Select(r => r.Body).ToList();

        public static async Task<Collector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var collector = new Collector(builder.Build());
            collector.web.MapPost("/v1/{signal}", async (HttpContext c) =>
            {
                using var body = new MemoryStream();
                await c.Request.Body.CopyToAsync(body);
                collector.requests.Enqueue((c.Request.Path, body.ToArray()));
                return Results.Ok();
            });
            await collector.web.StartAsync();
            collector.Origin = collector.web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            return collector;
        }

        public ValueTask DisposeAsync() => web.DisposeAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TelemetryExportTestsOnSqlite(SqliteApp app) : TelemetryExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TelemetryExportTestsOnPostgres(PostgresApp app) : TelemetryExportTests(app);
