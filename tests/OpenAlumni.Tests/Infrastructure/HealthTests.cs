using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>What a load balancer and a monitor read from a node, and the trace id a problem answer carries.</summary>
public abstract class HealthTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Live_And_Ready_AnswerForTheNode_ReadyWithEachCheck()
    {
        var client = App.CreateClient();

        var live = await client.GetAsync("/health/live", Ct);
        var ready = await client.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
        var body = await JsonAsync(ready);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.True(body.GetProperty("checks").TryGetProperty("outbox", out _));
    }

    [Fact]
    public async Task Ready_IsDegradedButServing_WhenMailWaitsLongPastItsTime()
    {
        var tenant = await App.CreateTenantAsync();
        // Pending for an hour and claimed by a node that never finishes: no test's sender takes it meanwhile.
        var stuck = await tenant.DbAsync(async db =>
        {
            var m = new OutboxMessage
            {
                TenantId = tenant.Info.Id, Key = "health-stuck-" + Guid.NewGuid().ToString("N"), To = "stuck@example.com", Subject = "s", Body = "b",
                Status = OutboxStatus.Pending, CreatedAt = DateTimeOffset.UtcNow.AddHours(-1), NextAttemptAt = DateTimeOffset.UtcNow.AddHours(-1),
                LockedUntil = DateTimeOffset.UtcNow.AddDays(1),
            };
            db.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        try
        {
            var ready = await App.CreateClient().GetAsync("/health/ready", Ct);
            var health = await App.CreateClient().GetAsync("/health", Ct);

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var body = await JsonAsync(ready);
            Assert.Equal("Degraded", body.GetProperty("status").GetString());
            var outbox = body.GetProperty("checks").GetProperty("outbox");
            Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
            Assert.Contains("overdue", outbox.GetProperty("description").GetString());
            // The plain check an existing monitor polls still says only whether the database answers.
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(Ct));
        }
        finally
        {
            await tenant.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == stuck).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task EveryProblemAnswer_CarriesTheRequestsTraceId()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var invalid = await member.GetAsync("/api/v1/members?pageSize=0", Ct);
        var missing = await member.GetAsync("/api/v1/posts/999999999", Ct);
        var refused = await member.GetAsync("/api/v1/admin/analytics", Ct);

        var traces = new List<string>();
        foreach (var (response, status) in new[] { (invalid, HttpStatusCode.BadRequest), (missing, HttpStatusCode.NotFound), (refused, HttpStatusCode.Forbidden) })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            traces.Add(Assert.IsType<string>((await JsonAsync(response)).GetProperty("traceId").GetString()));
        }
        // One per request, so that a support request quoting it finds that request's log lines.
        Assert.Equal(3, traces.Where(t => t.Length >= 16).Distinct().Count());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HealthTestsOnSqlite(SqliteApp app) : HealthTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HealthTestsOnPostgres(PostgresApp app) : HealthTests(app);
