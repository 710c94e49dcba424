using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Tests.Infrastructure.Trust;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Infrastructure.Outbox;
using static OpenAlumni.Tests.Infrastructure.EventTestData;
using static OpenAlumni.Tests.Features.Messages.MessagesApiTests;

namespace OpenAlumni.Tests.Features.Notifications;

/// <summary>
/// Web push as a member meets it: a browser subscribes, another member writes, and the push service (served by the
/// test on 127.0.0.1) receives a message signed with the deployment's VAPID key that only that browser can read.
/// </summary>
public abstract class PushDeliveryTests(AlumniApp app) : AppTest(app)
{
    static async Task ChooseAsync(HttpClient member, string type, string delivery) =>
        Assert.Equal(HttpStatusCode.OK, (await member.PutAsJsonAsync("/api/v1/me/notification-settings",
            new { delivery = new Dictionary<string, string> { [type] = delivery } }, Ct)).StatusCode);

    static async Task<long> SubscribeAsync(HttpClient member, FakeBrowser browser, string endpoint)
    {
        var response = await member.PostAsJsonAsync("/api/v1/me/push-subscriptions", browser.Subscription(endpoint), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
    }

    static async Task<int> DevicesAsync(HttpClient member) =>
        (await member.GetFromJsonAsync<JsonElement>("/api/v1/me/push-subscriptions", Ct)).GetProperty("total").GetInt32();

    [Fact]
    public async Task NewMessage_ToAMemberWhoChosePush_ReachesTheirBrowser_SignedAndReadableOnlyByIt()
    {
        await using var pushService = await FakePushService.StartAsync();
        using var browser = new FakeBrowser();
        var tenant = await App.CreateTenantAsync();
        var recipientMember = await tenant.MemberAsync(family: "山田", given: "花子");
        await tenant.DbAsync(db => db.Users.Where(u => u.Email == recipientMember.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "ja"), Ct));
        var recipient = await tenant.ApiAsync(recipientMember, "ja");
        var sender = await tenant.ApiAsync(await tenant.MemberAsync(family: "佐藤", given: "一郎"));
        var publicKey = (await recipient.GetFromJsonAsync<JsonElement>("/api/v1/push/public-key", Ct)).GetProperty("publicKey").GetString()!;
        await SubscribeAsync(recipient, browser, pushService.Origin + "/push/hanako-phone");
        await ChooseAsync(recipient, "message", "push");

        var clock = Stopwatch.StartNew();
        var conversation = await StartAsync(sender, recipientMember.Id);
        var requestMs = clock.ElapsedMilliseconds;
        Assert.Empty(pushService.Requests); // the request did not wait on the push service: the outbox sends it
        clock.Restart();
        await App.SendQueuedMailAsync();
        var sendMs = clock.ElapsedMilliseconds;

        var push = Assert.Single(pushService.Requests);
        Assert.Equal("/push/hanako-phone", push.Path);
        var claims = Vapid.Verify(push.Authorization, publicKey);
        // Lib.Net.Http.WebPush writes the audience as scheme://host, without the port: for every real push service
        // (https on 443) that is the origin RFC 8292 asks for; only this test's service has a port of its own.
        var endpointUri = new Uri(pushService.Origin);
        Assert.Equal($"{endpointUri.Scheme}://{endpointUri.Host}", claims.GetProperty("aud").GetString());
        var exp = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        Assert.InRange(exp, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(24));
        Assert.StartsWith("mailto:", claims.GetProperty("sub").GetString());
        Assert.Equal("aes128gcm", push.ContentEncoding);
        Assert.Equal("86400", push.Ttl);
        var payload = JsonDocument.Parse(browser.Decrypt(push.Body)).RootElement;
        Assert.Contains("佐藤 一郎 さんから新しいメッセージ", payload.GetProperty("title").GetString());
        Assert.Equal("佐藤 一郎 さんからメッセージが届きました", payload.GetProperty("body").GetString());
        Assert.Equal($"/messages/{conversation}", payload.GetProperty("url").GetString());
        using var other = new FakeBrowser();
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => other.Decrypt(push.Body));
        TrustFigures.Report("Web push", $"{App.Provider}: message → push service in one outbox round; request {requestMs} ms, "
            + $"outbox send {sendMs} ms, encrypted body {push.Body.Length} bytes, VAPID JWT verified (ES256), payload decrypted per RFC 8291");
    }

    [Fact]
    public async Task WaitlistPromotion_AndTheDayBeforeReminder_ReachTheBrowserOfAMemberWhoChosePush_InsteadOfAMail()
    {
        await using var pushService = await FakePushService.StartAsync();
        using var browser = new FakeBrowser();
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var start = DateTimeOffset.UtcNow.AddDays(3);
        var id = await CreateAsync(admin, Meetup(capacity: 1, start: start));
        var firstMember = await tenant.MemberAsync(family: "一番");
        var first = await tenant.ApiAsync(firstMember);
        var waitingMember = await tenant.MemberAsync(family: "待機", given: "花子");
        await tenant.DbAsync(db => db.Users.Where(u => u.Email == waitingMember.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "ja"), Ct));
        var waiting = await tenant.ApiAsync(waitingMember, "ja");
        await SubscribeAsync(waiting, browser, pushService.Origin + "/push/hanako-phone");
        await ChooseAsync(waiting, "waitlistPromoted", "push");
        await ChooseAsync(waiting, "eventReminder", "push");
        await first.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);
        await waiting.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);

        Assert.Equal(HttpStatusCode.OK, (await first.DeleteAsync($"/api/v1/events/{id}/rsvp", Ct)).StatusCode);
        await App.SendQueuedMailAsync();
        var promoted = JsonDocument.Parse(browser.Decrypt(Assert.Single(pushService.Requests).Body)).RootElement;
        await App.InTenantAsync(tenant, sp => sp.GetRequiredService<EventReminders>().QueueDueAsync(start.AddHours(-23), Ct));
        await App.SendQueuedMailAsync();

        Assert.Contains("参加が確定しました", promoted.GetProperty("body").GetString());
        Assert.Equal($"/events/{id}", promoted.GetProperty("url").GetString());
        Assert.Equal(2, pushService.Requests.Count);
        var reminder = JsonDocument.Parse(browser.Decrypt(pushService.Requests.ElementAt(1).Body)).RootElement;
        Assert.Contains("明日開催", reminder.GetProperty("body").GetString());
        Assert.Equal($"/events/{id}", reminder.GetProperty("url").GetString());
        // Push instead of mail, and both under the bell too.
        Assert.DoesNotContain(Mailbox.For(App, waitingMember.Email), m => (m.Subject ?? "").Contains("参加確定") || (m.Subject ?? "").Contains("明日開催"));
        var bell = await waiting.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        Assert.Equal(["eventReminder", "waitlistPromoted"], bell.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("type").GetString()!).ToArray());
    }

    [Fact]
    public async Task PushService_Answering410_RemovesTheSubscription_AndIsNotRetried()
    {
        await using var pushService = await FakePushService.StartAsync();
        pushService.Status = 410;
        using var browser = new FakeBrowser();
        var tenant = await App.CreateTenantAsync();
        var recipientMember = await tenant.MemberAsync();
        var recipient = await tenant.ApiAsync(recipientMember);
        var sender = await tenant.ApiAsync(await tenant.MemberAsync(family: "佐藤"));
        await SubscribeAsync(recipient, browser, pushService.Origin + "/push/gone");
        await ChooseAsync(recipient, "message", "push");

        await StartAsync(sender, recipientMember.Id);
        await App.SendQueuedMailAsync();
        var outbox = await tenant.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.TenantId == tenant.Info.Id && m.Channel == OutboxChannel.Push).ToListAsync(Ct));

        Assert.Single(pushService.Requests);
        Assert.Equal(0, await DevicesAsync(recipient));
        var message = Assert.Single(outbox);
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(1, message.Attempts);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task PushEndpoint_ResolvingIntoTheServersOwnNetwork_IsNeverCalled_AndIsRemoved(string host)
    {
        await using var pushService = await FakePushService.StartAsync();
        using var browser = new FakeBrowser();
        var tenant = await App.CreateTenantAsync();
        var recipientMember = await tenant.MemberAsync();
        var recipient = await tenant.ApiAsync(recipientMember);
        var sender = await tenant.ApiAsync(await tenant.MemberAsync(family: "佐藤"));
        // The test app accepts http and local endpoints so that the other tests can run a push service here; a
        // production server (AllowPrivateAddresses off, as this app has it) must still refuse to dial one.
        await SubscribeAsync(recipient, browser, pushService.Origin.Replace("127.0.0.1", host) + "/push/inside");
        await ChooseAsync(recipient, "message", "push");
        await using var production = App.WithWebHostBuilder(b => b.UseSetting("Push:AllowPrivateAddresses", "false"));

        await StartAsync(sender, recipientMember.Id);
        using (var scope = production.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(Ct, tenant.Info.Id);
        var message = await tenant.DbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.TenantId == tenant.Info.Id && m.Channel == OutboxChannel.Push, Ct));

        Assert.Empty(pushService.Requests);
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Contains("private address", message.LastError);
        Assert.Equal(0, await DevicesAsync(recipient));
    }

    [Fact]
    public async Task PushService_Answering503_IsRetriedLater_AndTheSubscriptionStays()
    {
        await using var pushService = await FakePushService.StartAsync();
        pushService.Status = 503;
        using var browser = new FakeBrowser();
        var tenant = await App.CreateTenantAsync();
        var recipientMember = await tenant.MemberAsync();
        var recipient = await tenant.ApiAsync(recipientMember);
        var sender = await tenant.ApiAsync(await tenant.MemberAsync(family: "佐藤"));
        await SubscribeAsync(recipient, browser, pushService.Origin + "/push/busy");
        await ChooseAsync(recipient, "message", "push");

        await StartAsync(sender, recipientMember.Id);
        await App.SendQueuedMailAsync();
        var message = await tenant.DbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.TenantId == tenant.Info.Id && m.Channel == OutboxChannel.Push, Ct));

        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.True(message.NextAttemptAt > DateTimeOffset.UtcNow);
        Assert.Equal(1, await DevicesAsync(recipient));
    }

    [Fact]
    public async Task MemberWhoChoseMail_AndAnotherNetworksMember_GetNoPush()
    {
        await using var pushService = await FakePushService.StartAsync();
        using var browser = new FakeBrowser();
        using var elsewhere = new FakeBrowser();
        var tenant = await App.CreateTenantAsync();
        var otherTenant = await App.CreateTenantAsync();
        var mailReaderMember = await tenant.MemberAsync();
        var mailReader = await tenant.ApiAsync(mailReaderMember);
        var sender = await tenant.ApiAsync(await tenant.MemberAsync(family: "佐藤"));
        var outsider = await otherTenant.ApiAsync(await otherTenant.MemberAsync());
        await SubscribeAsync(mailReader, browser, pushService.Origin + "/push/mail-reader");
        var outsiderDevice = await SubscribeAsync(outsider, elsewhere, pushService.Origin + "/push/outsider");
        await ChooseAsync(outsider, "message", "push");

        await StartAsync(sender, mailReaderMember.Id);
        await App.SendQueuedMailAsync();
        var removeOutsiders = await mailReader.DeleteAsync($"/api/v1/me/push-subscriptions/{outsiderDevice}", Ct);

        Assert.Empty(pushService.Requests);
        Assert.Equal(HttpStatusCode.NotFound, removeOutsiders.StatusCode);
        Assert.Equal(1, await DevicesAsync(outsider));
    }

    [Fact]
    public async Task MemberWhoChosePush_WithNoDevice_GetsItInTheApp_AndNoMail()
    {
        var tenant = await App.CreateTenantAsync();
        var recipientMember = await tenant.MemberAsync();
        var recipient = await tenant.ApiAsync(recipientMember);
        var sender = await tenant.ApiAsync(await tenant.MemberAsync(family: "佐藤"));
        await ChooseAsync(recipient, "message", "push");

        await StartAsync(sender, recipientMember.Id);
        var queued = await tenant.DbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.TenantId == tenant.Info.Id, Ct));
        var bell = await recipient.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);

        Assert.Equal(0, queued);
        Assert.Equal(1, bell.GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task Subscribe_WithBadInput_Is400PerFieldInTheMembersLanguage_AndStoresNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync(), "ja");

        var response = await member.PostAsJsonAsync("/api/v1/me/push-subscriptions",
            new { endpoint = "ftp://push.example.com/x", keys = new { p256dh = FakeBrowser.B64(new byte[65]), auth = "short" } }, Ct);
        var errors = await AssertValidationProblemAsync(response, "endpoint", "keys.p256dh", "keys.auth");
        var empty = await member.PostAsJsonAsync("/api/v1/me/push-subscriptions", new { }, Ct);

        Assert.Contains("https", errors["endpoint"][0]);
        Assert.Contains("公開鍵", errors["keys.p256dh"][0]);
        await AssertValidationProblemAsync(empty, "endpoint", "keys.p256dh", "keys.auth");
        Assert.Equal(0, await DevicesAsync(member));
    }

    [Fact]
    public async Task Subscribe_TheSameBrowserAgain_KeepsOneDevice_AndRemovingItLeavesNone()
    {
        await using var pushService = await FakePushService.StartAsync();
        using var browser = new FakeBrowser();
        using var renewed = new FakeBrowser();
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var first = await SubscribeAsync(member, browser, pushService.Origin + "/push/same");
        var second = await SubscribeAsync(member, renewed, pushService.Origin + "/push/same");
        var devices = await DevicesAsync(member);
        var removed = await member.DeleteAsync($"/api/v1/me/push-subscriptions/{second}", Ct);

        Assert.Equal(first, second);
        Assert.Equal(1, devices);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(0, await DevicesAsync(member));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PushDeliveryTestsOnSqlite(SqliteApp app) : PushDeliveryTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PushDeliveryTestsOnPostgres(PostgresApp app) : PushDeliveryTests(app);
