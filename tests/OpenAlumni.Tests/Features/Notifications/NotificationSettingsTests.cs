using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Notifications;
using static OpenAlumni.Tests.Features.Notifications.NotificationTestData;

namespace OpenAlumni.Tests.Features.Notifications;

/// <summary>
/// How each type of notification reaches a member as they chose (in the app only, mail at once, the weekly digest),
/// and the digest itself.
/// </summary>
public abstract class NotificationSettingsTests(AlumniApp app) : AppTest(app)
{
    static async Task ChooseAsync(HttpClient member, string type, string delivery) =>
        Assert.Equal(HttpStatusCode.OK, (await member.PutAsJsonAsync("/api/v1/me/notification-settings",
            new { delivery = new Dictionary<string, string> { [type] = delivery } }, Ct)).StatusCode);

    Task<int> DigestAsync(TestTenant tenant, DateTimeOffset now, bool force) =>
        App.InTenantAsync(tenant, sp => sp.GetRequiredService<WeeklyDigest>().QueueAsync(now, force, Ct));

    [Fact]
    public async Task Settings_ListEveryType_WithItsDefaultDelivery()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var settings = await member.GetFromJsonAsync<JsonElement>("/api/v1/me/notification-settings", Ct);

        var delivery = settings.GetProperty("delivery").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(Enum.GetValues<NotificationType>().Length, delivery.Count);
        Assert.Equal("email", delivery["reply"]);
        Assert.Equal("inApp", delivery["reaction"]);
        Assert.Equal("email", delivery["announcement"]);
        Assert.Equal("email", delivery["consultationRequest"]);
    }

    [Fact]
    public async Task Settings_SavingOneType_KeepsTheOthers()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        await ChooseAsync(member, "reaction", "email");
        await ChooseAsync(member, "reply", "digest");
        var settings = await member.GetFromJsonAsync<JsonElement>("/api/v1/me/notification-settings", Ct);

        var delivery = settings.GetProperty("delivery");
        Assert.Equal("email", delivery.GetProperty("reaction").GetString());
        Assert.Equal("digest", delivery.GetProperty("reply").GetString());
        Assert.Equal("email", delivery.GetProperty("mention").GetString());
    }

    [Fact]
    public async Task Settings_WithAnUnknownTypeOrDelivery_Are400PerField_AndChangeNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var response = await member.PutAsJsonAsync("/api/v1/me/notification-settings",
            new { delivery = new Dictionary<string, string> { ["reply"] = "pigeon", ["gossip"] = "email", ["reaction"] = "email" } }, Ct);
        var settings = await member.GetFromJsonAsync<JsonElement>("/api/v1/me/notification-settings", Ct);

        await AssertValidationProblemAsync(response, "delivery.reply", "delivery.gossip");
        Assert.Equal("inApp", settings.GetProperty("delivery").GetProperty("reaction").GetString());
    }

    [Fact]
    public async Task Delivery_InApp_ShowsTheNotification_AndSendsNoMail()
    {
        var tenant = await App.CreateTenantAsync();
        var authorMember = await tenant.MemberAsync();
        var author = await tenant.ApiAsync(authorMember);
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        await ChooseAsync(author, "reply", "inApp");

        await ReplyAsync(fan, await PostAsync(author, "転職しました"));
        await App.SendQueuedMailAsync();

        Assert.Equal(["reply"], Types(await BellAsync(author)));
        Assert.Empty(Mailbox.For(App, authorMember.Email));
    }

    [Fact]
    public async Task Delivery_Email_MailsAtOnce_InTheMembersLanguage()
    {
        var tenant = await App.CreateTenantAsync();
        var authorMember = await tenant.MemberAsync();
        var author = await tenant.ApiAsync(authorMember);
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, authorMember.Email, authorMember.Password);
        await Forms.PostAsync(browser, "/culture", new Dictionary<string, string> { ["culture"] = "ja", ["returnUrl"] = "/" }, pageForToken: "/");
        await ChooseAsync(author, "reaction", "email");

        await ReactAsync(fan, await PostAsync(author, "転職しました"));
        await App.SendQueuedMailAsync();

        var mail = Assert.Single(Mailbox.For(App, authorMember.Email));
        Assert.Equal($"【{tenant.Info.Name}】応援 花子 さんが「転職しました」にリアクションしました", mail.Subject);
        Assert.Contains("/notifications/settings", mail.TextBody);
    }

    [Fact]
    public async Task WeeklyDigest_IsQueuedFromMondayEightOClock_InTheNetworksTimeZone()
    {
        var tenant = await App.CreateTenantAsync();
        var authorMember = await tenant.MemberAsync();
        var author = await tenant.ApiAsync(authorMember);
        await ChooseAsync(author, "reply", "digest");
        await ReplyAsync(await tenant.ApiAsync(await tenant.MemberAsync(family: "応援")), await PostAsync(author, "転職しました"));
        // The last Monday 08:00 in Tokyo (UTC+9, no summer time) that has passed, so that the mail is due now.
        var tokyo = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9));
        var monday = new DateTimeOffset(tokyo.Date.AddDays(-(((int)tokyo.DayOfWeek + 6) % 7)).AddHours(8), TimeSpan.FromHours(9));
        if (monday > tokyo) monday = monday.AddDays(-7);
        var at = monday.ToUniversalTime(); // times are stored in UTC

        var sunday = await DigestAsync(tenant, at.AddDays(-1), force: false);
        var justBefore = await DigestAsync(tenant, at.AddMinutes(-1), force: false);
        var onTime = await DigestAsync(tenant, at, force: false);
        await App.SendQueuedMailAsync();

        Assert.Equal(0, sunday);
        Assert.Equal(0, justBefore);
        Assert.Equal(1, onTime);
        Assert.Contains("Your week", Mailbox.Last(App, authorMember.Email).Subject);
    }

    [Fact]
    public async Task WeeklyDigest_CarriesTheWeeksNotifications_NotOlderOnes()
    {
        var tenant = await App.CreateTenantAsync();
        var authorMember = await tenant.MemberAsync();
        var fanMember = await tenant.MemberAsync(family: "応援");
        var author = await tenant.ApiAsync(authorMember);
        await ChooseAsync(author, "reply", "digest");
        // Eight days ago, on an app whose clock says so: a post of the author's and a reply to it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-8));
        await using (var then = App.WithClock(clock))
        {
            var old = await PostAsync(await tenant.ClientForAsync(authorMember, then, TimeSpan.FromHours(1)), "先週より前の近況");
            await ReplyAsync(await tenant.ClientForAsync(fanMember, then, TimeSpan.FromHours(1)), old);
        }
        await ReplyAsync(await tenant.ApiAsync(fanMember), await PostAsync(author, "今週の近況"));

        var queued = await DigestAsync(tenant, DateTimeOffset.UtcNow, force: true);
        await App.SendQueuedMailAsync();

        Assert.Equal(1, queued);
        var digest = Mailbox.Last(App, authorMember.Email);
        Assert.Contains("今週の近況", digest.TextBody);
        Assert.DoesNotContain("先週より前の近況", digest.TextBody);
    }

    [Fact]
    public async Task WeeklyDigest_GoesOnlyToMembersWhoChoseIt()
    {
        var tenant = await App.CreateTenantAsync();
        var choseIt = await tenant.MemberAsync(family: "週報");
        var didNot = await tenant.MemberAsync(family: "即時");
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        await ChooseAsync(await tenant.ApiAsync(choseIt), "reaction", "digest");
        await ReactAsync(fan, await PostAsync(await tenant.ApiAsync(choseIt), "週報派の近況"));
        await ReactAsync(fan, await PostAsync(await tenant.ApiAsync(didNot), "即時派の近況"));

        var queued = await DigestAsync(tenant, DateTimeOffset.UtcNow, force: true);
        await App.SendQueuedMailAsync();

        Assert.Equal(1, queued);
        Assert.Contains("Your week", Mailbox.Last(App, choseIt.Email).Subject);
        Assert.Empty(Mailbox.For(App, didNot.Email));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NotificationSettingsTestsOnSqlite(SqliteApp app) : NotificationSettingsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NotificationSettingsTestsOnPostgres(PostgresApp app) : NotificationSettingsTests(app);
