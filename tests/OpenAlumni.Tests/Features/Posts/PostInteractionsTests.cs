using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Tenancy;
using static OpenAlumni.Tests.Features.Posts.PostTestData;

namespace OpenAlumni.Tests.Features.Posts;

/// <summary>What members do with a post: replies, reactions, raised hands, reports and mentions, and what each notifies.</summary>
public abstract class PostInteractionsTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Comments_HaveOneLevelOfReplies_AndTellThePostsAuthor()
    {
        var tenant = await App.CreateTenantAsync();
        var authorMember = await tenant.MemberAsync();
        var author = await tenant.ApiAsync(authorMember);
        var a = await tenant.ApiAsync(await tenant.MemberAsync(family: "一"));
        var b = await tenant.ApiAsync(await tenant.MemberAsync(family: "二"));
        var id = await PostAsync(author, Update());

        var top = (await JsonAsync(await a.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { body = "おめでとうございます！" }, Ct))).GetProperty("id").GetInt64();
        var reply = await JsonAsync(await b.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { body = "同じく", parentId = top }, Ct));
        var replyToReply = await JsonAsync(await a.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { body = "ありがとう", parentId = reply.GetProperty("id").GetInt64() }, Ct));
        var badParent = await a.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { body = "x", parentId = 999999 }, Ct);
        var empty = await a.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { body = " " }, Ct);
        var detail = await author.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{id}", Ct);
        await App.SendQueuedMailAsync();

        Assert.Equal(top, replyToReply.GetProperty("parentId").GetInt64());
        await AssertValidationProblemAsync(badParent, "parentId");
        await AssertValidationProblemAsync(empty, "body");
        Assert.Equal(3, detail.GetProperty("post").GetProperty("commentCount").GetInt32());
        var thread = detail.GetProperty("comments").EnumerateArray().Single();
        Assert.Equal(2, thread.GetProperty("replies").GetArrayLength());
        var notes = await author.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        Assert.Equal(3, notes.GetProperty("unreadCount").GetInt32());
        Assert.Contains("replied", Mailbox.Last(App, authorMember.Email).Subject);
    }

    [Fact]
    public async Task Reactions_AreOneEachPerKind_AndCanBeTakenBack()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        var id = await PostAsync(author, Update());

        await fan.PostAsJsonAsync($"/api/v1/posts/{id}/reactions", new { kind = "celebrate" }, Ct);
        var twice = await JsonAsync(await fan.PostAsJsonAsync($"/api/v1/posts/{id}/reactions", new { kind = "celebrate" }, Ct));
        var bad = await fan.PostAsJsonAsync($"/api/v1/posts/{id}/reactions", new { kind = "angry" }, Ct);
        var removed = await JsonAsync(await fan.DeleteAsync($"/api/v1/posts/{id}/reactions/celebrate", Ct));

        Assert.Equal(1, twice.GetProperty("celebrate").GetInt32());
        Assert.Equal(["celebrate"], twice.GetProperty("mine").EnumerateArray().Select(m => m.GetString()));
        await AssertValidationProblemAsync(bad, "kind");
        Assert.Equal(0, removed.GetProperty("celebrate").GetInt32());
        Assert.Equal(1, (await author.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct)).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task Interested_OnAJob_TheAuthorSeesWhoRaisedAHand()
    {
        var tenant = await App.CreateTenantAsync();
        var recruiter = await tenant.ApiAsync(await tenant.MemberAsync(family: "採用"));
        var candidate = await tenant.ApiAsync(await tenant.MemberAsync(family: "候補"));
        var bystander = await tenant.ApiAsync(await tenant.MemberAsync(family: "傍観"));
        var job = await PostAsync(recruiter, new { room = "notices", category = "job", title = "PM募集", body = "物流SaaSのPM", jobRole = "プロダクトマネージャー", jobPlace = "東京（リモート可）", jobHowToApply = "DMください", jobUntil = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") });
        var business = await PostAsync(recruiter, new { room = "notices", category = "business", title = "会社を作りました", body = "よろしく" });

        var raise = await candidate.PostAsync($"/api/v1/posts/{job}/interest", null, Ct);
        var own = await recruiter.PostAsync($"/api/v1/posts/{job}/interest", null, Ct);
        var onBusiness = await candidate.PostAsync($"/api/v1/posts/{business}/interest", null, Ct);
        var seenByAuthor = await recruiter.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{job}", Ct);
        var seenByOther = await bystander.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{job}", Ct);

        Assert.Equal(HttpStatusCode.OK, raise.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, onBusiness.StatusCode);
        Assert.Equal(["候補 花子"], seenByAuthor.GetProperty("interested").EnumerateArray().Select(i => i.GetProperty("displayName").GetString()));
        Assert.Equal(JsonValueKind.Null, seenByOther.GetProperty("interested").ValueKind);
        Assert.Equal(1, seenByOther.GetProperty("post").GetProperty("interestCount").GetInt32());
        Assert.Equal("プロダクトマネージャー", seenByOther.GetProperty("post").GetProperty("job").GetProperty("role").GetString());
    }

    [Fact]
    public async Task Reports_GoToTheAdminsQueue_HidingTellsTheReporter()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var spammer = await tenant.ApiAsync(await tenant.MemberAsync(family: "迷惑"));
        var reporterMember = await tenant.MemberAsync(family: "通報");
        var reporter = await tenant.ApiAsync(reporterMember);
        var id = await PostAsync(spammer, Update(title: "今すぐ儲かる話"));

        var noReason = await reporter.PostAsJsonAsync($"/api/v1/posts/{id}/reports", new { reason = "" }, Ct);
        var report = await JsonAsync(await reporter.PostAsJsonAsync($"/api/v1/posts/{id}/reports", new { reason = "勧誘です" }, Ct));
        var queueForMember = await reporter.GetAsync("/api/v1/admin/reports", Ct);
        var queue = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/reports", Ct);
        var hide = await admin.PostAsJsonAsync($"/api/v1/admin/reports/{report.GetProperty("id").GetInt64()}/hide", new { reason = "規約違反" }, Ct);
        var again = await admin.PostAsync($"/api/v1/admin/reports/{report.GetProperty("id").GetInt64()}/dismiss", null, Ct);

        await AssertValidationProblemAsync(noReason, "reason");
        Assert.Equal(HttpStatusCode.Forbidden, queueForMember.StatusCode);
        Assert.Equal(1, queue.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain(id, await FeedIdsAsync(reporter));
        var notes = await reporter.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        Assert.Equal("reportDecision", notes.GetProperty("items")[0].GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/posts/{id}/restore", null, Ct)).StatusCode);
        Assert.Contains(id, await FeedIdsAsync(reporter));
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/moderation-log", Ct);
        Assert.Equal(["restore", "hide"], log.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()));
        Assert.Equal("規約違反", log.GetProperty("items")[1].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync("/api/v1/admin/moderation-log", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/members/")]
    [InlineData("/Members/")] // the form written before routes were lower case, still in stored posts
    public async Task Mentions_NotifyTheMemberNamed_IfTheyMayReadThePost(string profilePath)
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var named = await tenant.MemberAsync(family: "言及");
        var id = await PostAsync(author, new { room = "notices", category = "consultation", title = "物流の相談", body = $"[@言及 花子]({profilePath}{named.Id}) さん、ご意見ください" });

        var notes = await (await tenant.ApiAsync(named)).GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);

        Assert.Equal("mention", notes.GetProperty("items")[0].GetProperty("type").GetString());
        Assert.Equal(id, notes.GetProperty("items")[0].GetProperty("postId").GetInt64());
    }

    [Fact]
    public async Task NotificationSettings_DigestInsteadOfMail_ArrivesInTheWeeklyDigest()
    {
        var tenant = await App.CreateTenantAsync();
        var authorMember = await tenant.MemberAsync();
        var author = await tenant.ApiAsync(authorMember);
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "読者"));

        var bad = await author.PutAsJsonAsync("/api/v1/me/notification-settings", new { delivery = new { reply = "pigeon" } }, Ct);
        var saved = await JsonAsync(await author.PutAsJsonAsync("/api/v1/me/notification-settings", new { delivery = new { reply = "digest" } }, Ct));
        var id = await PostAsync(author, Update(title: "週報テスト"));
        await fan.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { body = "いいですね" }, Ct);
        await App.SendQueuedMailAsync();
        var mailsBeforeDigest = Mailbox.For(App, authorMember.Email).Count;
        var queued = await App.InTenantAsync(tenant, sp => sp.GetRequiredService<WeeklyDigest>().QueueAsync(DateTimeOffset.UtcNow, force: true, Ct));
        var again = await App.InTenantAsync(tenant, sp => sp.GetRequiredService<WeeklyDigest>().QueueAsync(DateTimeOffset.UtcNow, force: true, Ct));
        await App.SendQueuedMailAsync();

        await AssertValidationProblemAsync(bad, "delivery.reply");
        Assert.Equal("digest", saved.GetProperty("delivery").GetProperty("reply").GetString());
        Assert.Equal(0, mailsBeforeDigest);
        Assert.Equal(1, queued);
        var digest = Mailbox.Last(App, authorMember.Email);
        Assert.Contains("Your week", digest.Subject);
        Assert.Contains("週報テスト", digest.TextBody);
        Assert.Single(Mailbox.For(App, authorMember.Email));
        Assert.Equal(1, again); // queued again, but the outbox key keeps it to one mail a week
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PostInteractionsTestsOnSqlite(SqliteApp app) : PostInteractionsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostInteractionsTestsOnPostgres(PostgresApp app) : PostInteractionsTests(app);
