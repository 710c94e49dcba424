using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Features.Jobs;
using OpenAlumni.Tests.Features.Spaces;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Channels;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Tests.Features.Channels;

/// <summary>
/// Chat channels as the secretariat and the channels' readers meet them: a webhook URL that is never shown again and is stored
/// encrypted; news delivered through the outbox to a receiver the test runs, in each service's format and the channel's
/// language; a retry after the receiver fails; the audience rule (nothing targeted, nothing of a space outside its channels);
/// "send test"; bad input; members and other networks kept out.
/// </summary>
public abstract class ChannelsTests(AlumniApp app) : AppTest(app)
{
    const string Secret = "B0SECRETtoken9x7Q";

    static async Task<JsonElement> AddAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/channels", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    static async Task<long> AddAsync(HttpClient admin, WebhookReceiver receiver, string kind, string path, string language, string[] events, long? spaceId = null) =>
        (await AddAsync(admin, new { kind, url = receiver.Origin + path, language, events, spaceId })).GetProperty("id").GetInt64();

    Task<List<OutboxMessage>> QueuedAsync(TestTenant tenant) =>
        tenant.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.TenantId == tenant.Info.Id && m.Channel == OutboxChannel.Webhook).OrderBy(m => m.Id).ToListAsync(Ct));

    static async Task<long> AnnounceAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/posts", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Channel_IsAddedListedChangedAndDeleted_ItsUrlNeverShown_StoredEncrypted_NorAudited()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        var created = await AddAsync(admin, new { kind = "slack", url = $"{receiver.Origin}/services/T000/{Secret}", language = "ja", events = new[] { "announcement", "event" } });
        var id = created.GetProperty("id").GetInt64();
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/channels", Ct);
        var paused = await admin.PatchAsJsonAsync($"/api/v1/admin/channels/{id}", new { paused = true, events = new[] { "job" }, language = "en" }, Ct);
        var replaced = await admin.PatchAsJsonAsync($"/api/v1/admin/channels/{id}", new { url = $"{receiver.Origin}/services/T000/another-{Secret}" }, Ct);
        var got = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/channels/{id}", Ct);
        var stored = await tenant.DbAsync(db => db.Set<Channel>().Where(c => c.Id == id).Select(c => c.ProtectedUrl).SingleAsync(Ct));
        var deleted = await admin.DeleteAsync($"/api/v1/admin/channels/{id}", Ct);
        var afterDelete = await admin.GetAsync($"/api/v1/admin/channels/{id}", Ct);
        var audit = await tenant.DbAsync(db => db.Set<AuditEntry>().Where(a => a.Action.StartsWith("channel.")).OrderBy(a => a.Id).ToListAsync(Ct));

        Assert.Equal("slack", created.GetProperty("kind").GetString());
        Assert.Equal(new Uri(receiver.Origin).Authority, created.GetProperty("host").GetString());
        Assert.Equal(["announcement", "event"], created.GetProperty("events").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal("ja", created.GetProperty("language").GetString());
        Assert.False(created.GetProperty("paused").GetBoolean());
        Assert.EndsWith("/…/9x7Q", created.GetProperty("url").GetString());
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var afterPause = await JsonAsync(paused);
        Assert.True(afterPause.GetProperty("paused").GetBoolean());
        Assert.Equal(["job"], afterPause.GetProperty("events").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal("en", afterPause.GetProperty("language").GetString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        foreach (var body in new[] { created.GetRawText(), list.GetRawText(), afterPause.GetRawText(), got.GetRawText() })
            Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain(Secret, stored);
        Assert.DoesNotContain("/services/", stored);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
        Assert.Equal(["channel.create", "channel.update", "channel.update", "channel.delete"], audit.Select(a => a.Action).ToArray());
        Assert.All(audit, a => Assert.DoesNotContain(Secret, (a.Before ?? "") + (a.After ?? "")));
        Assert.All(audit, a => Assert.DoesNotContain("/services/", (a.Before ?? "") + (a.After ?? "")));
        Assert.Contains($"\"host\":\"{new Uri(receiver.Origin).Authority}\"", audit[0].After);
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains(Secret));
    }

    [Fact]
    public async Task BadInput_Gets400InTheCallersLanguage_AndWritesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync(), "ja");
        var otherSpace = await SpaceTestData.CreateAsync(await other.ApiAsync(await other.AdminAsync()), "open");
        var good = new Dictionary<string, object?> { ["kind"] = "slack", ["url"] = "https://hooks.slack.com/services/T0/B0/x", ["language"] = "ja", ["events"] = new[] { "announcement" } };
        object With(string field, object? value) => new Dictionary<string, object?>(good) { [field] = value };

        var cases = new (object Body, string Field)[]
        {
            (With("kind", "discord"), "kind"), (With("kind", null), "kind"),
            (With("url", "ftp://hooks.slack.com/x"), "url"), (With("url", null), "url"), (With("url", "https://user:pw@hooks.slack.com/x"), "url"),
            (With("language", "fr"), "language"), (With("events", new[] { "birthday" }), "events"), (With("events", Array.Empty<string>()), "events"),
            (With("spaceId", otherSpace), "spaceId"),
        };
        var answers = new List<(HttpResponseMessage Response, string Field)>();
        foreach (var (body, field) in cases) answers.Add((await admin.PostAsJsonAsync("/api/v1/admin/channels", body, Ct), field));
        var kindErrors = await AssertValidationProblemAsync(answers[0].Response, "kind");

        foreach (var (response, field) in answers.Skip(1)) await AssertValidationProblemAsync(response, field);
        Assert.Contains("次のいずれか", kindErrors["kind"][0]);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<Channel>().CountAsync(Ct)));
    }

    [Fact]
    public async Task InProduction_AUrlMustBeHttpsOnTheServicesOwnHost()
    {
        var tenant = await App.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        await using var production = App.WithWebHostBuilder(b => b.UseSetting("Channels:AllowAnyHost", "false"));
        var admin = await tenant.ClientForAsync(adminMember, production, TimeSpan.FromMinutes(10));
        object Body(string kind, string url) => new { kind, url, language = "en", events = new[] { "announcement" } };

        var wrongHost = await admin.PostAsJsonAsync("/api/v1/admin/channels", Body("slack", "https://hooks.example.com/services/T0/B0/x"), Ct);
        var plainHttp = await admin.PostAsJsonAsync("/api/v1/admin/channels", Body("slack", "http://hooks.slack.com/services/T0/B0/x"), Ct);
        var slackUrlForTeams = await admin.PostAsJsonAsync("/api/v1/admin/channels", Body("teams", "https://hooks.slack.com/services/T0/B0/x"), Ct);
        var lookalike = await admin.PostAsJsonAsync("/api/v1/admin/channels", Body("teams", "https://evil-webhook.office.com/webhookb2/x"), Ct);
        var local = await admin.PostAsJsonAsync("/api/v1/admin/channels", Body("lineworks", "https://127.0.0.1/message/x"), Ct);
        var slack = await admin.PostAsJsonAsync("/api/v1/admin/channels", Body("slack", "https://hooks.slack.com/services/T0/B0/x"), Ct);
        var teams = await admin.PostAsJsonAsync("/api/v1/admin/channels", Body("teams", "https://prod-12.japaneast.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=x"), Ct);
        var lineworks = await admin.PostAsJsonAsync("/api/v1/admin/channels", Body("lineworks", "https://webhook.worksmobile.com/message/0b6e-4f"), Ct);

        foreach (var refused in new[] { wrongHost, plainHttp, slackUrlForTeams, lookalike, local }) await AssertValidationProblemAsync(refused, "url");
        Assert.Equal(HttpStatusCode.Created, slack.StatusCode);
        Assert.Equal(HttpStatusCode.Created, teams.StatusCode);
        Assert.Equal(HttpStatusCode.Created, lineworks.StatusCode);
        Assert.Equal(3, await tenant.DbAsync(db => db.Set<Channel>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Publishing_QueuesOneMessagePerMatchingChannel_DeliveredInEachServicesFormat_AndTheChannelsLanguage()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var slack = await AddAsync(admin, receiver, "slack", "/slack", "ja", ["announcement"]);
        var teams = await AddAsync(admin, receiver, "teams", "/teams", "en", ["announcement", "event"]);
        var lineworks = await AddAsync(admin, receiver, "lineworks", "/lineworks", "ja", ["event", "project", "job"]);
        var paused = await AddAsync(admin, receiver, "slack", "/paused", "ja", ["announcement", "event", "project", "job"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/v1/admin/channels/{paused}", new { paused = true }, Ct)).StatusCode);

        var post = await AnnounceAsync(admin, new { room = "announcements", title = "春の交流会 <案内> & 懇親会", body = "**今年も**開催します。<b>ぜひ</b>ご参加ください。" });
        var update = await AnnounceAsync(member, new { room = "updates", title = "近況", body = "転職しました" });
        var evt = await EventTestData.CreateAsync(admin, EventTestData.Meetup());
        var project = (await JsonAsync(await member.PostAsJsonAsync("/api/v1/projects", new
        {
            title = "市場調査の副業", description = "東南アジアの**食品市場**を調査します。", remote = "remote", closesAt = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        }, Ct))).GetProperty("id").GetInt64();
        var job = await JobTestData.PostAsync(admin, JobTestData.Opening());
        var queued = await QueuedAsync(tenant);
        await App.SendQueuedMailAsync();
        var slackStatus = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/channels/{slack}", Ct);

        Assert.Equal(
            new[] { $"channel:{slack}:announcement:{post}", $"channel:{teams}:announcement:{post}", $"channel:{teams}:event:{evt}", $"channel:{lineworks}:event:{evt}",
                $"channel:{lineworks}:project:{project}", $"channel:{lineworks}:job:{job}" }.Order(),
            queued.Select(m => m.Key).Order());
        Assert.DoesNotContain(queued, m => m.Key.EndsWith($":{update}") && m.Key.Contains(":announcement:"));
        Assert.Empty(receiver.To("/paused"));
        Assert.All(receiver.Requests, r => Assert.Equal("application/json", r.ContentType?.Split(';')[0]));

        var slackText = Assert.Single(receiver.To("/slack")).Json.GetProperty("text").GetString()!;
        Assert.Contains("新しいお知らせ", slackText);
        Assert.Contains($"/posts/{post}|春の交流会 &lt;案内&gt; &amp; 懇親会>", slackText);
        Assert.Contains("今年も開催します。ぜひご参加ください。", slackText);
        Assert.DoesNotContain("**", slackText);
        Assert.DoesNotContain("<b>", slackText);

        var teamsCards = receiver.To("/teams").Select(r => r.Json.GetProperty("attachments")[0]).ToList();
        Assert.Equal(2, teamsCards.Count);
        Assert.All(teamsCards, a => Assert.Equal("application/vnd.microsoft.card.adaptive", a.GetProperty("contentType").GetString()));
        var announcementCard = teamsCards.Single(a => a.GetProperty("content").GetProperty("actions")[0].GetProperty("url").GetString()!.EndsWith($"/posts/{post}")).GetProperty("content");
        Assert.Equal("AdaptiveCard", announcementCard.GetProperty("type").GetString());
        Assert.Contains("New announcement", announcementCard.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("春の交流会 <案内> & 懇親会", announcementCard.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.Equal("Open", announcementCard.GetProperty("actions")[0].GetProperty("title").GetString());

        var lineworksMessages = receiver.To("/lineworks").Select(r => r.Json).ToList();
        Assert.Equal(3, lineworksMessages.Count);
        var projectMessage = lineworksMessages.Single(m => m.GetProperty("body").GetProperty("text").GetString()!.Contains($"/projects/{project}"));
        Assert.Contains("新しい副業・業務委託案件", projectMessage.GetProperty("title").GetString());
        Assert.Contains("食品市場を調査します。", projectMessage.GetProperty("body").GetProperty("text").GetString());
        Assert.Contains(lineworksMessages, m => m.GetProperty("title").GetString()!.Contains("新しい求人") && m.GetProperty("body").GetProperty("text").GetString()!.Contains($"/jobs/{job}"));
        Assert.Contains(lineworksMessages, m => m.GetProperty("title").GetString()!.Contains("新しいイベント") && m.GetProperty("body").GetProperty("text").GetString()!.Contains($"/events/{evt}"));
        Assert.True(slackStatus.GetProperty("delivery").GetProperty("lastSentAt").ValueKind == JsonValueKind.String);
        Assert.Equal(0, slackStatus.GetProperty("delivery").GetProperty("failures").GetInt32());
    }

    [Fact]
    public async Task ConfidentialProject_IsSentByItsTitleOnly()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        await AddAsync(admin, receiver, "slack", "/slack", "en", ["project"]);

        var response = await admin.PostAsJsonAsync("/api/v1/projects", new
        {
            title = "Confidential market entry", description = "Acquisition of ACME Foods in Vietnam", remote = "remote", confidential = true,
            closesAt = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        }, Ct);
        await App.SendQueuedMailAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = Assert.Single(receiver.To("/slack")).Json.GetProperty("text").GetString()!;
        Assert.Contains("Confidential market entry", text);
        Assert.DoesNotContain("ACME", text);
    }

    [Fact]
    public async Task ReceiverAnswering500_GetsTheMessageOnRetry_AndTheChannelShowsTheFailureMeanwhile()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answers.Enqueue(500);
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var channel = await AddAsync(admin, receiver, "slack", "/slack", "en", ["job"]);

        var job = await JobTestData.PostAsync(admin, JobTestData.Opening(title: "Plant engineer"));
        await App.SendQueuedMailAsync();
        var afterFailure = (await QueuedAsync(tenant)).Single();
        var failing = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/channels/{channel}", Ct);
        // The outbox's backoff has passed (as a restarted worker would find it).
        await tenant.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == afterFailure.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)), Ct));
        await App.SendQueuedMailAsync();
        var afterRetry = (await QueuedAsync(tenant)).Single();
        var recovered = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/channels/{channel}", Ct);

        Assert.Equal(OutboxStatus.Pending, afterFailure.Status);
        Assert.True(afterFailure.NextAttemptAt > DateTimeOffset.UtcNow);
        Assert.Equal(1, failing.GetProperty("delivery").GetProperty("failures").GetInt32());
        Assert.Contains("500", failing.GetProperty("delivery").GetProperty("lastError").GetString());
        Assert.Equal(1, failing.GetProperty("delivery").GetProperty("pending").GetInt32());
        Assert.Equal(2, receiver.To("/slack").Count);
        Assert.Equal(receiver.To("/slack")[0].Body, receiver.To("/slack")[1].Body);
        Assert.Contains($"/jobs/{job}", receiver.To("/slack")[1].Body);
        Assert.Equal(OutboxStatus.Sent, afterRetry.Status);
        Assert.Equal(0, recovered.GetProperty("delivery").GetProperty("failures").GetInt32());
        Assert.Equal(JsonValueKind.String, recovered.GetProperty("delivery").GetProperty("lastSentAt").ValueKind);
    }

    [Fact]
    public async Task TargetedAnnouncements_AndASecretSpacesContent_NeverReachANetworkChannel_TheSpacesChannelGetsOnlyItsOwn()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var secret = await SpaceTestData.CreateAsync(admin, "secret", "新規事業準備室");
        var open = await SpaceTestData.CreateAsync(admin, "open", "ゴルフ部", kind: "interest");
        var network = await AddAsync(admin, receiver, "slack", "/network", "ja", ["announcement", "event"]);
        var secretChannel = await AddAsync(admin, receiver, "teams", "/secret", "ja", ["announcement", "event"], secret);

        var segmented = await AnnounceAsync(admin, new { room = "announcements", title = "金属本部OB会", body = "限定", segment = new { department = "金属本部" } });
        var alumniOnly = await EventTestData.CreateAsync(admin, EventTestData.Meetup(audience: "alumni"));
        var inSecret = await AnnounceAsync(admin, new { room = "announcements", title = "準備室だより", body = "社外秘", spaceId = secret });
        var secretSegmented = await AnnounceAsync(admin, new { room = "announcements", title = "準備室の一部へ", body = "限定", spaceId = secret, segment = new { department = "金属本部" } });
        var inOpen = await AnnounceAsync(admin, new { room = "announcements", title = "ゴルフコンペ", body = "参加者募集", spaceId = open });
        var aimedAtSecret = await AnnounceAsync(admin, new { room = "announcements", title = "準備室と全社へ", body = "お知らせ", spaceIds = new[] { secret } });
        var everyone = await AnnounceAsync(admin, new { room = "announcements", title = "全員へのお知らせ", body = "全員" });
        var queued = await QueuedAsync(tenant);
        await App.SendQueuedMailAsync();

        Assert.Equal(
            new[] { $"channel:{secretChannel}:announcement:{inSecret}", $"channel:{secretChannel}:announcement:{aimedAtSecret}", $"channel:{network}:announcement:{everyone}" }.Order(),
            queued.Select(m => m.Key).Order());
        Assert.All(new[] { segmented, alumniOnly, secretSegmented, inOpen }, id => Assert.DoesNotContain(queued, m => m.Key.EndsWith($":{id}")));
        var toNetwork = Assert.Single(receiver.To("/network")).Body;
        Assert.Contains("全員へのお知らせ", toNetwork);
        Assert.DoesNotContain("準備室", toNetwork);
        Assert.Equal(2, receiver.To("/secret").Count);
    }

    [Fact]
    public async Task SendTest_ReachesTheReceiverInTheChannelsLanguage_AndReportsAFailureClearly()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync(), "en");
        var channel = await AddAsync(admin, receiver, "lineworks", "/lineworks", "ja", ["announcement"]);

        var ok = await admin.PostAsync($"/api/v1/admin/channels/{channel}/test", null, Ct);
        receiver.Status = 404;
        var refused = await admin.PostAsync($"/api/v1/admin/channels/{channel}/test", null, Ct);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/v1/admin/channels/{channel}", new { url = "http://127.0.0.1:1/nobody-listens" }, Ct)).StatusCode);
        var unreachable = await admin.PostAsync($"/api/v1/admin/channels/{channel}/test", null, Ct);
        var audit = await tenant.DbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "channel.test").OrderBy(a => a.Id).ToListAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var outcome = await JsonAsync(ok);
        Assert.True(outcome.GetProperty("delivered").GetBoolean());
        Assert.Equal(200, outcome.GetProperty("receiverStatus").GetInt32());
        var test = receiver.To("/lineworks")[0].Json;
        Assert.Contains("テストメッセージ", test.GetProperty("title").GetString());
        Assert.Contains("連携を確認しました", test.GetProperty("body").GetProperty("text").GetString());
        var refusal = await AssertValidationProblemAsync(refused, "url");
        Assert.Contains("HTTP 404", refusal["url"][0]);
        var unreached = await AssertValidationProblemAsync(unreachable, "url");
        Assert.Contains("could not be delivered", unreached["url"][0]);
        Assert.Equal(3, audit.Count);
        Assert.All(audit, a => Assert.DoesNotContain("/lineworks", a.After));
        Assert.Contains("\"delivered\":false", audit[1].After);
    }

    [Fact]
    public async Task Member_Gets403_AndAnotherNetworksChannel_Is404()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var otherAdmin = await other.ApiAsync(await other.AdminAsync());
        var channel = await AddAsync(admin, receiver, "slack", "/slack", "ja", ["announcement"]);

        var memberCalls = new[]
        {
            await member.GetAsync("/api/v1/admin/channels", Ct), await member.GetAsync($"/api/v1/admin/channels/{channel}", Ct),
            await member.PostAsJsonAsync("/api/v1/admin/channels", new { kind = "slack", url = receiver.Origin + "/x", events = new[] { "job" } }, Ct),
            await member.PatchAsJsonAsync($"/api/v1/admin/channels/{channel}", new { paused = true }, Ct),
            await member.PostAsync($"/api/v1/admin/channels/{channel}/test", null, Ct), await member.DeleteAsync($"/api/v1/admin/channels/{channel}", Ct),
        };
        var foreignCalls = new[]
        {
            await otherAdmin.GetAsync($"/api/v1/admin/channels/{channel}", Ct),
            await otherAdmin.PatchAsJsonAsync($"/api/v1/admin/channels/{channel}", new { paused = true }, Ct),
            await otherAdmin.PostAsync($"/api/v1/admin/channels/{channel}/test", null, Ct), await otherAdmin.DeleteAsync($"/api/v1/admin/channels/{channel}", Ct),
        };
        var otherList = await otherAdmin.GetFromJsonAsync<JsonElement>("/api/v1/admin/channels", Ct);

        Assert.All(memberCalls, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.All(foreignCalls, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(0, otherList.GetProperty("total").GetInt32());
        Assert.Empty(receiver.Requests);
        var still = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/channels/{channel}", Ct);
        Assert.False(still.GetProperty("paused").GetBoolean());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ChannelsTestsOnSqlite(SqliteApp app) : ChannelsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ChannelsTestsOnPostgres(PostgresApp app) : ChannelsTests(app);
