using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using StackExchange.Redis;

namespace OpenAlumni.Web.Infrastructure.Cluster;

/// <summary>
/// Drops cache entries on every node. A tenant's settings and feature switches are cached per node for 30 seconds
/// (<see cref="Tenancy.TenantDirectory"/>); when an admin changes them on node A, <see cref="Evict"/> removes the
/// entries here at once and, with Redis configured, publishes the keys so that every other node removes them within
/// the time a message takes (milliseconds). Without Redis there is one node, or the 30 seconds bound the staleness.
/// Suspensions need none of this: every request reads the member's status and security stamp from the database.
/// </summary>
public sealed class ClusterSignals(IMemoryCache cache, IServiceProvider services, ILogger<ClusterSignals> log) : IHostedService
{
    static readonly RedisChannel Channel = RedisChannel.Literal(ClusterSetup.ChannelPrefix + ":evict");

    IConnectionMultiplexer? Redis => services.GetService<IConnectionMultiplexer>();

    public void Evict(params IEnumerable<string> keys)
    {
        var list = keys.Distinct().ToArray();
        foreach (var key in list) cache.Remove(key);
        if (list.Length == 0 || Redis is not { } redis) return;
        try
        {
            // Fire and forget: the change is saved already; a lost message leaves the other nodes on their 30 seconds.
            redis.GetSubscriber().Publish(Channel, JsonSerializer.Serialize(list), CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            log.LogWarning(e, "Could not tell the other nodes to drop {Keys}; they refresh within 30 seconds.", string.Join(", ", list));
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        if (Redis is not { } redis) return;
        await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
        {
            try
            {
                foreach (var key in JsonSerializer.Deserialize<string[]>(message.ToString()) ?? []) cache.Remove(key);
            }
            catch (JsonException e) { log.LogWarning(e, "Ignored an unreadable eviction message."); }
        });
    }

    public Task StopAsync(CancellationToken ct) => Redis is { } redis ? redis.GetSubscriber().UnsubscribeAsync(Channel) : Task.CompletedTask;
}
