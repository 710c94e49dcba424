using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// Mail kept in the outbox after it went out (invitations with their join links among it) is deleted once
/// <c>Outbox:RetentionDays</c> have passed, by a periodic job; mail still to be sent is kept.
/// </summary>
public abstract class OutboxRetentionTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task RetentionJob_DeletesSentAndFailedMailOlderThanTheRetention_AndKeepsTheRest()
    {
        var tenant = await App.CreateTenantAsync();
        var now = DateTimeOffset.UtcNow;
        var mark = Guid.NewGuid().ToString("N");
        await tenant.DbAsync(async db =>
        {
            OutboxMessage Mail(string name, OutboxStatus status, int daysAgo) => new()
            {
                TenantId = tenant.Info.Id, Key = $"{mark}:{name}", To = "someone@example.com", Subject = "招待", Body = "http://x/join/secret",
                Status = status, CreatedAt = now.AddDays(-daysAgo - 1), NextAttemptAt = now.AddDays(-daysAgo - 1),
                SentAt = status == OutboxStatus.Sent ? now.AddDays(-daysAgo) : null,
            };
            db.Set<OutboxMessage>().AddRange(Mail("old-sent", OutboxStatus.Sent, 31), Mail("old-failed", OutboxStatus.Failed, 31),
                Mail("recent-sent", OutboxStatus.Sent, 29), Mail("old-pending", OutboxStatus.Pending, 40));
            return await db.SaveChangesAsync();
        });
        var job = App.Services.GetServices<IPeriodicJob>().OfType<OutboxRetentionJob>().Single();

        await new OutboxRetentionJob(new FakeTimeProvider(now), App.Services.GetRequiredService<IOptions<OutboxOptions>>()).RunAsync(App.Services.CreateScope().ServiceProvider, Ct);

        Assert.Equal(30, App.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.RetentionDays);
        Assert.NotNull(job);
        var left = await tenant.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key.StartsWith(mark)).Select(m => m.Key).OrderBy(k => k).ToListAsync(Ct));
        Assert.Equal([$"{mark}:old-pending", $"{mark}:recent-sent"], left);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OutboxRetentionTestsOnSqlite(SqliteApp app) : OutboxRetentionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OutboxRetentionTestsOnPostgres(PostgresApp app) : OutboxRetentionTests(app);
