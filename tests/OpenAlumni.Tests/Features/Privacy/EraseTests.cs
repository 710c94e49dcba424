using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Community;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Features.Roster;
using static OpenAlumni.Tests.Features.Privacy.PrivacyTestData;

namespace OpenAlumni.Tests.Features.Privacy;

/// <summary>A member deleting themselves (DELETE /api/v1/me): no trace of them left, what the others keep, and the choice for their posts.</summary>
public abstract class EraseTests(AlumniApp app) : AppTest(app)
{
    /// <summary>What is left after a member with a bit of everything (see <see cref="ConnectAsync"/>) deleted themselves.</summary>
    sealed record Erasure(TestMember Me, TestMember OtherMember, HttpClient Admin, Connections Connections, List<string> Files,
        HttpResponseMessage Response, HttpResponseMessage Afterwards, HttpResponseMessage Login, List<string> EmailHits, List<string> NameHits,
        JsonElement TheirDetail, HttpResponseMessage MyPostNow, JsonElement Event, List<OpenAlumni.Web.Features.Audit.AuditEntry> Audit,
        List<string> ReferralHits, HttpResponseMessage Conversation, JsonElement Collaboration, JsonElement Job, Remains Left);

    sealed record Remains(int Consultations, int Blocks, int Stories, List<string> Roster, List<string> Invitations, int Participants, int TheirConsultationNotices);

    /// <summary>
    /// A member with a profile, photo, post image, post, comment, reaction, RSVP and every connection (<see cref="ConnectAsync"/>)
    /// deletes themselves with <paramref name="posts"/> as the choice for their posts; then everything is looked at.
    /// </summary>
    async Task<Erasure> DeleteMeAsync(string posts)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var family = "消去" + Guid.NewGuid().ToString("N")[..6];
        var me = await tenant.MemberAsync(family: family, given: "花子", edit: m => { m.Bio = "自己紹介"; m.Location = "札幌"; });
        var otherMember = await tenant.MemberAsync(edit: m => m.OpenTo = OpenTo.Consultation);
        var other = await tenant.ApiAsync(otherMember);
        var api = await tenant.ApiAsync(me);
        var token = await tenant.TokenAsync(me);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/members/me/photo", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(64, 64)), "photo", "me.png" } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/posts/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(80, 60)), "image", "x.png" } }, Ct)).StatusCode);
        var files = await tenant.DbAsync(async db => (await db.Members.Where(m => m.Id == me.Id).Select(m => m.PhotoPath!).ToListAsync(Ct))
            .Concat(await db.Set<Attachment>().Where(a => a.UploaderMemberId == me.Id).Select(a => a.Path).ToListAsync(Ct)).ToList());
        var myPost = await PostAsync(api, "消える近況");
        var theirPost = await PostAsync(other, "残る近況");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/posts/{theirPost}/comments", new { body = "消えるコメント" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync($"/api/v1/posts/{myPost}/comments", new { body = "返信" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/posts/{theirPost}/reactions", new { kind = "like" }, Ct)).StatusCode);
        var eventId = await EventTestData.CreateAsync(admin, EventTestData.Meetup(capacity: 5));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/events/{eventId}/rsvp", new { mode = "inPerson" }, Ct)).StatusCode);
        await SetConsentAsync(api, "featured", false);
        var connections = await ConnectAsync(tenant, admin, api, me, family, otherMember, other);

        var response = await api.DeleteAsync($"/api/v1/me?posts={posts}", Ct);
        var afterwards = await tenant.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/members/me") { Headers = { Authorization = new("Bearer", token) } }, Ct);
        var login = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = me.Email, password = me.Password }, Ct);
        var emailHits = await tenant.DbAsync(db => PrivacyData.TablesContainingAsync(db, me.Email));
        var nameHits = await tenant.DbAsync(db => PrivacyData.TablesContainingAsync(db, family));
        var theirDetail = await other.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{theirPost}", Ct);
        var myPostNow = await other.GetAsync($"/api/v1/posts/{myPost}", Ct);
        var ev = await EventTestData.GetAsync(admin, eventId);
        var audit = await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Features.Audit.AuditEntry>().Where(a => a.Action == "member.delete_self").ToListAsync(Ct));
        var referralHits = await tenant.DbAsync(db => PrivacyData.TablesContainingAsync(db, connections.ReferredEmail));
        var conversation = await other.GetAsync($"/api/v1/conversations/{connections.ConversationId}", Ct);
        var collaboration = await JsonAsync(await admin.GetAsync($"/api/v1/collaborations/{connections.CollaborationId}", Ct));
        var job = await JsonAsync(await admin.GetAsync($"/api/v1/jobs/{connections.JobId}", Ct));
        var left = await tenant.DbAsync(async db => new Remains(
            Consultations: await db.Set<ConsultationRequest>().CountAsync(Ct),
            Blocks: await db.Set<MemberBlock>().CountAsync(Ct),
            Stories: await db.Set<FeaturedStory>().CountAsync(Ct),
            Roster: await db.Set<RosterEntry>().Select(r => r.Email).ToListAsync(Ct),
            Invitations: await db.Set<Invitation>().Select(i => i.Email).ToListAsync(Ct),
            Participants: await db.Set<ConversationParticipant>().Where(p => p.MemberId == me.Id).CountAsync(Ct),
            TheirConsultationNotices: await db.Set<Notification>().CountAsync(n => n.MemberId == otherMember.Id && n.Type == NotificationType.ConsultationRequest, Ct)));

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", App.Logs.Lines.Where(l => l.StartsWith("Error"))));
        return new Erasure(me, otherMember, admin, connections, files, response, afterwards, login, emailHits, nameHits, theirDetail, myPostNow, ev, audit,
            referralHits, conversation, collaboration, job, left);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("anonymize")]
    public async Task DeleteMe_LeavesNoTraceOfMeInAnyTable(string posts)
    {
        var erased = await DeleteMeAsync(posts);

        Assert.Empty(erased.EmailHits);
        Assert.Empty(erased.NameHits);
        Assert.Empty(erased.ReferralHits);
        Assert.Equal(0, erased.Left.Consultations);
        Assert.Equal(0, erased.Left.Blocks);
        Assert.Equal(0, erased.Left.Stories);
        Assert.Equal(0, erased.Left.Participants);
        Assert.Equal(0, erased.Left.TheirConsultationNotices);
        Assert.Equal([erased.Connections.OthersRosterEmail], erased.Left.Roster);
        Assert.Equal([erased.Connections.OthersRosterEmail], erased.Left.Invitations);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("anonymize")]
    public async Task DeleteMe_DeletesMyPhotoAndUploadedImages(string posts)
    {
        var erased = await DeleteMeAsync(posts);

        Assert.NotEmpty(erased.Files);
        Assert.All(erased.Files, f => Assert.False(File.Exists(Path.Combine(App.Root, "files", f)), f));
    }

    [Fact]
    public async Task DeleteMe_EndsMySessions_AndDeletesMyLogin()
    {
        var erased = await DeleteMeAsync("delete");

        Assert.True((await JsonAsync(erased.Response)).GetProperty("loginDeleted").GetBoolean());
        Assert.Contains(erased.Afterwards.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.Unauthorized, erased.Login.StatusCode);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("anonymize")]
    public async Task DeleteMe_IsAuditedWithMyChoiceOnly(string posts)
    {
        var erased = await DeleteMeAsync(posts);

        var entry = Assert.Single(erased.Audit);
        Assert.Equal(erased.Me.Id.ToString(), entry.TargetId);
        Assert.Equal($"{{\"posts\":\"{posts}\"}}", entry.After);
    }

    [Fact]
    public async Task DeleteMe_GivesBackMySeat_AndTakesBackMyReactionInterestAndReferral()
    {
        var erased = await DeleteMeAsync("delete");

        Assert.Equal(0, erased.Event.GetProperty("confirmedCount").GetInt32());
        Assert.Equal(0, erased.TheirDetail.GetProperty("post").GetProperty("reactions").EnumerateObject().Sum(r => r.Value.ValueKind == JsonValueKind.Number ? r.Value.GetInt32() : 0));
        Assert.Equal(0, erased.Job.GetProperty("interestCount").GetInt32());
        Assert.Empty(erased.Job.GetProperty("referrals").EnumerateArray());
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("anonymize")]
    public async Task DeleteMe_LeavesTheConversationToTheOthers_WithTheirMessages(string posts)
    {
        var erased = await DeleteMeAsync(posts);

        Assert.Equal(HttpStatusCode.OK, erased.Conversation.StatusCode);
        var messages = (await JsonAsync(erased.Conversation)).GetProperty("messages").EnumerateArray().ToList();
        Assert.Contains(messages, x => x.GetProperty("body").GetString() == "相手の返信" && x.GetProperty("senderId").GetInt64() == erased.OtherMember.Id);
        Assert.DoesNotContain(messages, x => x.GetProperty("senderId").GetInt64() == erased.Me.Id);
    }

    [Fact]
    public async Task DeleteMe_LeavesTheCollaborationToTheOthers_WithMyStageChangeUnnamed_AndNoOriginLink()
    {
        var erased = await DeleteMeAsync("delete");

        var collab = erased.Collaboration.GetProperty("collaboration");
        Assert.Equal("poc", collab.GetProperty("stage").GetString());
        Assert.Equal([erased.OtherMember.Id], collab.GetProperty("members").EnumerateArray().Select(x => x.GetProperty("id").GetInt64()).ToList());
        Assert.Equal("consultation", collab.GetProperty("origin").GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, collab.GetProperty("origin").GetProperty("id").ValueKind);
        var change = Assert.Single(erased.Collaboration.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString() == "poc");
        Assert.Equal(JsonValueKind.Null, change.GetProperty("by").ValueKind);
    }

    [Fact]
    public async Task DeleteMe_ChoosingDelete_RemovesMyPostsCommentsAndMessages()
    {
        var erased = await DeleteMeAsync("delete");

        Assert.Equal(HttpStatusCode.NotFound, erased.MyPostNow.StatusCode);
        Assert.Empty(erased.TheirDetail.GetProperty("comments").EnumerateArray());
        var messages = (await JsonAsync(erased.Conversation)).GetProperty("messages").EnumerateArray();
        Assert.All(messages, x => Assert.Equal(erased.OtherMember.Id, x.GetProperty("senderId").GetInt64()));
    }

    [Fact]
    public async Task DeleteMe_ChoosingAnonymize_KeepsMyPostsCommentsAndMessages_AsAFormerMember()
    {
        var erased = await DeleteMeAsync("anonymize");

        var kept = await JsonAsync(erased.MyPostNow);
        Assert.True(kept.GetProperty("post").GetProperty("author").GetProperty("formerMember").GetBoolean());
        var comment = erased.TheirDetail.GetProperty("comments")[0];
        Assert.Equal("消えるコメント", comment.GetProperty("body").GetString());
        Assert.True(comment.GetProperty("author").GetProperty("formerMember").GetBoolean());
        var directory = await DirectoryIdsAsync(erased.Admin);
        Assert.DoesNotContain(kept.GetProperty("post").GetProperty("author").GetProperty("id").GetInt64(), directory);
        var mine = (await JsonAsync(erased.Conversation)).GetProperty("messages").EnumerateArray()
            .Where(x => x.GetProperty("senderId").GetInt64() != erased.OtherMember.Id).ToList();
        Assert.Contains(mine, x => x.GetProperty("body").GetString() == "私のメッセージ");
        Assert.All(mine, x => Assert.True(x.GetProperty("formerMember").GetBoolean()));
        Assert.All(mine, x => Assert.Equal("", x.GetProperty("sender").GetString()));
    }

    [Fact]
    public async Task DeleteMe_WhenTheLoginBelongsToAnotherNetwork_RemovesOnlyThisMembership()
    {
        var tenant = await App.CreateTenantAsync();
        var second = await App.CreateTenantAsync();
        var email = $"two-{Guid.NewGuid():N}@example.com";
        var here = await tenant.MemberAsync(email: email);
        var there = await second.MemberAsync(email: email);
        var api = await tenant.ApiAsync(here);

        var response = await api.DeleteAsync("/api/v1/me?posts=delete", Ct);
        var loginHere = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestTenant.Password }, Ct);
        var loginThere = await second.Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestTenant.Password }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await JsonAsync(response)).GetProperty("loginDeleted").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, loginHere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loginThere.StatusCode);
        Assert.True(await second.DbAsync(db => db.Members.AnyAsync(m => m.Id == there.Id, Ct)));
    }

    [Fact]
    public async Task DeleteMe_ErasesMyRomanisedName_AndThePushesQueuedToMyBrowserOrAboutMe()
    {
        var tenant = await App.CreateTenantAsync();
        var roman = "Kesu" + Guid.NewGuid().ToString("N")[..6];
        var me = await tenant.MemberAsync(family: "消去", given: "花子", edit: m => m.RomanizedName = "Hanako " + roman);
        var otherMember = await tenant.MemberAsync(family: "佐藤", given: "一郎");
        // The other member reads in English: the push about my message names me by my romanised name.
        await tenant.DbAsync(db => db.Users.Where(u => u.Email == otherMember.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en"), Ct));
        var api = await tenant.ApiAsync(me);
        var other = await tenant.ApiAsync(otherMember, "en");
        using var myBrowser = new OpenAlumni.Tests.Features.Notifications.FakeBrowser();
        using var theirBrowser = new OpenAlumni.Tests.Features.Notifications.FakeBrowser();
        foreach (var (client, browser, device) in new[] { (api, myBrowser, "mine"), (other, theirBrowser, "theirs") })
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/me/push-subscriptions", browser.Subscription($"http://127.0.0.1:9/push/{device}"), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/me/notification-settings",
                new { delivery = new Dictionary<string, string> { ["message"] = "push" } }, Ct)).StatusCode);
        }
        await Messages.MessagesApiTests.StartAsync(api, otherMember.Id);
        await Messages.MessagesApiTests.StartAsync(other, me.Id);
        var myDevice = await tenant.DbAsync(db => db.Set<PushSubscription>().Where(d => d.MemberId == me.Id).Select(d => d.Id.ToString()).SingleAsync(Ct));
        var queuedBefore = await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Infrastructure.Outbox.OutboxMessage>()
            .Where(o => o.TenantId == tenant.Info.Id && o.Channel == OpenAlumni.Web.Infrastructure.Outbox.OutboxChannel.Push).Select(o => o.Body).ToListAsync(Ct));

        var response = await api.DeleteAsync("/api/v1/me?posts=delete", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, queuedBefore.Count);
        Assert.Contains(queuedBefore, b => b.Contains("Hanako " + roman)); // what the erasure has to find
        Assert.Empty(await tenant.DbAsync(db => PrivacyData.TablesContainingAsync(db, roman)));
        Assert.Empty(await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Infrastructure.Outbox.OutboxMessage>()
            .Where(o => o.Channel == OpenAlumni.Web.Infrastructure.Outbox.OutboxChannel.Push && o.To == myDevice).ToListAsync(Ct)));
    }

    [Fact]
    public async Task DeleteMe_NeedsAChoice_AndTheLastAdminCannotLeave()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var noChoice = await member.DeleteAsync("/api/v1/me", Ct);
        var badChoice = await member.DeleteAsync("/api/v1/me?posts=keep-forever", Ct);
        var lastAdmin = await admin.DeleteAsync("/api/v1/me?posts=delete", Ct);
        var anonymous = await tenant.Client().DeleteAsync("/api/v1/me?posts=delete", Ct);

        await AssertValidationProblemAsync(noChoice, "posts");
        await AssertValidationProblemAsync(badChoice, "posts");
        Assert.Equal(HttpStatusCode.Conflict, lastAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EraseTestsOnSqlite(SqliteApp app) : EraseTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EraseTestsOnPostgres(PostgresApp app) : EraseTests(app);
