using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Mail;
using OpenAlumni.Web.Infrastructure.Outbox;
using static OpenAlumni.Tests.Infrastructure.EventTestData;

namespace OpenAlumni.Tests.Infrastructure.Outbox;

public abstract class OutboxAndCoverTests(AlumniApp app) : AppTest(app)
{
    sealed class FlakyMailer(int failures) : IMailer
    {
        public int Calls;
        public Task SendAsync(string to, string subject, string body, CancellationToken ct, OpenAlumni.Web.Infrastructure.Mail.MailId? stableId = null) =>
            ++Calls <= failures ? throw new IOException("SMTP down") : Task.CompletedTask;
    }

    [Fact]
    // Sends only this test's tenant's mail, so that the failing mailer never swallows other tests' mail.
    public async Task Outbox_RetriesAFailedMailLater_SendsItOnce_AndGivesUpAfterMaxAttempts()
    {
        var tenant = await App.CreateTenantAsync();
        var key = "test:" + Guid.NewGuid().ToString("N");
        var doomed = "doomed:" + Guid.NewGuid().ToString("N");
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AlumniDb>();
        var now = DateTimeOffset.UtcNow;
        await db.EnqueueMailAsync(tenant.Info.Id, key, "a@example.com", "s", "b", now, Ct);
        await db.EnqueueMailAsync(tenant.Info.Id, key, "a@example.com", "s", "b", now, Ct); // same key: queued once
        await db.SaveChangesAsync(Ct);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now);
        var mailer = new FlakyMailer(failures: 1);
        var sender = new OutboxSender(db, mailer, [], [], clock, Options.Create(new OutboxOptions { MaxAttempts = 3 }),
            App.Services.GetRequiredService<OpenAlumni.Web.Infrastructure.Observability.AlumniMetrics>(), NullLogger<OutboxSender>.Instance);

        await sender.SendDueAsync(Ct, tenant.Info.Id);
        var afterFailure = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Key == key, Ct);
        await sender.SendDueAsync(Ct, tenant.Info.Id); // not due yet: backoff
        var callsBeforeBackoff = mailer.Calls;
        clock.Advance(TimeSpan.FromMinutes(5));
        await sender.SendDueAsync(Ct, tenant.Info.Id);
        await sender.SendDueAsync(Ct, tenant.Info.Id);
        var sent = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Key == key, Ct);

        Assert.Equal(OutboxStatus.Pending, afterFailure.Status);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.True(afterFailure.NextAttemptAt > now);
        Assert.Equal(1, callsBeforeBackoff);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, mailer.Calls);

        await db.EnqueueMailAsync(tenant.Info.Id, doomed, "b@example.com", "s", "b", clock.GetUtcNow(), Ct);
        await db.SaveChangesAsync(Ct);
        var alwaysDown = new FlakyMailer(failures: int.MaxValue);
        var sender2 = new OutboxSender(db, alwaysDown, [], [], clock, Options.Create(new OutboxOptions { MaxAttempts = 3 }),
            App.Services.GetRequiredService<OpenAlumni.Web.Infrastructure.Observability.AlumniMetrics>(), NullLogger<OutboxSender>.Instance);
        for (var i = 0; i < 5; i++) { await sender2.SendDueAsync(Ct, tenant.Info.Id); clock.Advance(TimeSpan.FromHours(7)); }
        var failed = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Key == doomed, Ct);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("SMTP down", failed.LastError);
    }

    [Fact]
    public async Task EventCover_IsAValidatedImage_ShownToThoseWhoMaySeeTheEvent()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var stranger = await other.ApiAsync(await other.AdminAsync());

        var byMember = await member.PutAsync($"/api/v1/events/{id}/cover", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(40, 40)), "cover", "c.png" } }, Ct);
        var fake = await admin.PutAsync($"/api/v1/events/{id}/cover", new MultipartFormDataContent { { new ByteArrayContent("<svg onload=alert(1)>"u8.ToArray()), "cover", "c.svg" } }, Ct);
        var good = await admin.PutAsync($"/api/v1/events/{id}/cover", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(1200, 600)), "cover", "c.png" } }, Ct);
        var url = (await JsonAsync(good)).GetProperty("coverUrl").GetString()!;
        var seen = await member.GetAsync(url, Ct);
        var elsewhere = await stranger.GetAsync($"/events/{id}/cover", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        await AssertValidationProblemAsync(fake, "cover");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("image/jpeg", seen.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task MembersNotYetApproved_SeeNoPostsNoEventsNoNotifications()
    {
        var tenant = await App.CreateTenantAsync();
        var pending = await tenant.ApiAsync(await tenant.MemberAsync(status: MemberStatus.Pending));

        var responses = new[]
        {
            await pending.GetAsync("/api/v1/posts", Ct),
            await pending.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = "t", body = "b" }, Ct),
            await pending.GetAsync("/api/v1/events", Ct),
            await pending.GetAsync("/api/v1/notifications", Ct),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OutboxAndCoverTestsOnSqlite(SqliteApp app) : OutboxAndCoverTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OutboxAndCoverTestsOnPostgres(PostgresApp app) : OutboxAndCoverTests(app);
