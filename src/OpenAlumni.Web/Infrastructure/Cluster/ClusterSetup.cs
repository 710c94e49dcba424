using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace OpenAlumni.Web.Infrastructure.Cluster;

/// <summary>
/// What several identical nodes behind a load balancer share beyond the database: with <c>Redis:Configuration</c>
/// set, SignalR messages travel over a Redis backplane (a member connected to node B gets what node A sends) and
/// cache evictions reach every node (<see cref="ClusterSignals"/>). With nothing configured, one node works as before.
/// The rest is shared already: data-protection keys and leases (outbox, reminders, jobs) live in the database, and
/// uploaded files can (<c>Storage:Provider=Database</c>).
/// </summary>
public static class ClusterSetup
{
    /// <summary>The prefix of every channel the app uses, so that a Redis shared with other apps stays apart.</summary>
    public const string ChannelPrefix = "openalumni";

    public static bool RedisConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config["Redis:Configuration"]);

    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ClusterSignals>();
        if (!RedisConfigured(builder.Configuration)) return builder;

        var options = ConfigurationOptions.Parse(builder.Configuration["Redis:Configuration"]!);
        // A node starts (and keeps serving) while Redis is away, and reconnects when it is back.
        options.AbortOnConnectFail = false;
        options.ClientName ??= "openalumni-" + Environment.MachineName;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSignalR().AddStackExchangeRedis(o => o.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix));
        // The backplane uses the app's one connection rather than opening its own.
        services.AddOptions<RedisOptions>().Configure<IServiceProvider>((o, sp) =>
            o.ConnectionFactory = _ => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        services.AddHostedService(sp => sp.GetRequiredService<ClusterSignals>());
        // Redis away degrades a node (a message sent through another node reaches an open page at its next check,
        // within 30 seconds; cached settings within their 30 seconds) but does not take it out of the balancer.
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        return builder;
    }
}

/// <summary>Redis answers a PING.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), ct);
            return HealthCheckResult.Healthy($"PING in {latency.TotalMilliseconds:F0} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer: " + e.Message);
        }
    }
}
