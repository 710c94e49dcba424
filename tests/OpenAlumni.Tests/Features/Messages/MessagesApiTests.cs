using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Messages;

public abstract class MessagesApiTests(AlumniApp app) : AppTest(app)
{
    internal static async Task<long> StartAsync(HttpClient client, long to, string body = "こんにちは、**お久しぶりです**")
    {
        var response = await client.PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { to }, body });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/messages/unread")).GetProperty("count").GetInt32();

    [Fact]
    public async Task Conversation_ShowsUnreadToTheRecipient_UntilTheyReadIt()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync(family: "佐藤", given: "一郎");
        var b = await tenant.MemberAsync();
        var alice = await tenant.ApiAsync(a);
        var bob = await tenant.ApiAsync(b);

        var id = await StartAsync(alice, b.Id, "Hello **there** <script>alert(1)</script>");
        await alice.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "Second" }, Ct);
        var list = await bob.GetFromJsonAsync<JsonElement>("/api/v1/conversations", Ct);
        var unreadBefore = await UnreadAsync(bob);
        var read = await bob.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}", Ct);
        var unreadAfter = await UnreadAsync(bob);

        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(2, row.GetProperty("unreadCount").GetInt32());
        Assert.Equal("佐藤 一郎", row.GetProperty("participants")[0].GetProperty("displayName").GetString());
        Assert.Equal(2, unreadBefore);
        Assert.Equal(0, unreadAfter);
        var messages = read.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains("<strong>there</strong>", messages[0].GetProperty("bodyHtml").GetString());
        Assert.DoesNotContain("<script", messages[0].GetProperty("bodyHtml").GetString());
        Assert.Equal("Second", messages[1].GetProperty("body").GetString());
        Assert.Equal(0, await UnreadAsync(alice));
    }

    [Fact]
    public async Task Conversation_IsReadOnlyByItsParticipants_NotByOthersNorAdmins()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var id = await StartAsync(await tenant.ApiAsync(a), b.Id);
        var outsider = await tenant.ApiAsync(await tenant.MemberAsync());
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        foreach (var reader in new[] { outsider, admin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/conversations/{id}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/conversations/{id}/messages", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "hi" }, Ct)).StatusCode);
            Assert.Empty((await reader.GetFromJsonAsync<JsonElement>("/api/v1/conversations", Ct)).GetProperty("items").EnumerateArray());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await tenant.Client().GetAsync($"/api/v1/conversations/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Messages_DoNotCrossTenants()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var id = await StartAsync(await tenant.ApiAsync(a), b.Id);
        var stranger = await other.MemberAsync();
        var strangerApi = await other.ApiAsync(stranger);

        var read = await strangerApi.GetAsync($"/api/v1/conversations/{id}", Ct);
        var write = await strangerApi.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "hi" }, Ct);
        var toStranger = await (await tenant.ApiAsync(a)).PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { stranger.Id }, body = "hi" }, Ct);
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);
        var toPending = await (await tenant.ApiAsync(a)).PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { pending.Id }, body = "hi" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        await AssertValidationProblemAsync(toStranger, "memberIds");
        await AssertValidationProblemAsync(toPending, "memberIds");
    }

    [Theory]
    [InlineData("memberIds", "{\"memberIds\":[],\"body\":\"hi\"}")]
    [InlineData("body", "{\"memberIds\":[OTHER],\"body\":\"  \"}")]
    [InlineData("memberIds", "{\"memberIds\":[ME],\"body\":\"hi\"}")]
    public async Task Start_WithBadInput_Is400AndWritesNothing(string field, string json)
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var alice = await tenant.ApiAsync(a);

        var response = await alice.PostAsync("/api/v1/conversations",
            new StringContent(json.Replace("OTHER", b.Id.ToString()).Replace("ME", a.Id.ToString()), System.Text.Encoding.UTF8, "application/json"), Ct);

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Features.Messages.Conversation>().CountAsync(Ct)));
    }

    [Fact]
    public async Task AGroup_CannotPutTwoMembersWhoBlockedEachOtherTogether()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync(family: "迷惑", given: "太郎");
        var b = await tenant.MemberAsync();
        var organiser = await tenant.ApiAsync(await tenant.MemberAsync(family: "幹事", given: "一郎"));
        await (await tenant.ApiAsync(b)).PostAsJsonAsync("/api/v1/me/blocks", new { memberId = a.Id }, Ct);

        var group = await organiser.PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { a.Id, b.Id }, body = "3人で話しましょう" }, Ct);
        var conversations = await organiser.GetFromJsonAsync<JsonElement>("/api/v1/conversations", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, group.StatusCode);
        Assert.Empty(conversations.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task BlockedMember_CannotMessage_UntilUnblocked()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync(family: "迷惑", given: "太郎");
        var b = await tenant.MemberAsync();
        var alice = await tenant.ApiAsync(a);
        var bob = await tenant.ApiAsync(b);
        var id = await StartAsync(alice, b.Id);

        var block = await bob.PostAsJsonAsync("/api/v1/me/blocks", new { memberId = a.Id }, Ct);
        var inExisting = await alice.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "still there?" }, Ct);
        var newOne = await alice.PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { b.Id }, body = "hi" }, Ct);
        var blocks = await bob.GetFromJsonAsync<JsonElement>("/api/v1/me/blocks", Ct);
        var canSend = (await alice.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}", Ct)).GetProperty("canSend").GetBoolean();
        var unblock = await bob.DeleteAsync($"/api/v1/me/blocks/{a.Id}", Ct);
        var afterUnblock = await alice.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "hello again" }, Ct);

        Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, inExisting.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, newOne.StatusCode);
        Assert.Equal("迷惑 太郎", Assert.Single(blocks.EnumerateArray()).GetProperty("displayName").GetString());
        Assert.False(canSend);
        Assert.Equal(HttpStatusCode.NoContent, unblock.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterUnblock.StatusCode);
        await AssertValidationProblemAsync(await bob.PostAsJsonAsync("/api/v1/me/blocks", new { memberId = b.Id }, Ct), "memberId");
    }

    [Fact]
    public async Task ReportedMessage_IsTheOnlyOneTheAdminReads()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var alice = await tenant.ApiAsync(a);
        var bob = await tenant.ApiAsync(b);
        var id = await StartAsync(alice, b.Id, "A private first message");
        var bad = await (await alice.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "Something offensive" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var badId = bad.GetProperty("id").GetInt64();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        var ownReport = await alice.PostAsJsonAsync($"/api/v1/messages/{badId}/reports", new { reason = "x" }, Ct);
        var outsiderReport = await (await tenant.ApiAsync(await tenant.MemberAsync())).PostAsJsonAsync($"/api/v1/messages/{badId}/reports", new { reason = "x" }, Ct);
        var noReason = await bob.PostAsJsonAsync($"/api/v1/messages/{badId}/reports", new { reason = "" }, Ct);
        var report = await bob.PostAsJsonAsync($"/api/v1/messages/{badId}/reports", new { reason = "Harassment" }, Ct);
        var again = await bob.PostAsJsonAsync($"/api/v1/messages/{badId}/reports", new { reason = "Harassment" }, Ct);
        var queue = await admin.GetAsync("/api/v1/admin/message-reports?status=open", Ct);
        var queueText = await queue.Content.ReadAsStringAsync(Ct);
        var byMember = await bob.GetAsync("/api/v1/admin/message-reports", Ct);
        var conversationByAdmin = await admin.GetAsync($"/api/v1/conversations/{id}", Ct);
        var reportId = (await JsonAsync(report)).GetProperty("id").GetInt64();
        var close = await admin.PostAsJsonAsync($"/api/v1/admin/message-reports/{reportId}/close", new { note = "Warned the sender" }, Ct);

        await AssertValidationProblemAsync(ownReport, "messageId");
        Assert.Equal(HttpStatusCode.NotFound, outsiderReport.StatusCode);
        await AssertValidationProblemAsync(noReason, "reason");
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("Something offensive", queueText);
        Assert.DoesNotContain("A private first message", queueText);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, conversationByAdmin.StatusCode);
        Assert.Equal("closed", (await JsonAsync(close)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task NewMessages_AreMailedOncePerConversation_UntilRead()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync(family: "送信", given: "者");
        var b = await tenant.MemberAsync();
        var alice = await tenant.ApiAsync(a);
        var bob = await tenant.ApiAsync(b);

        var id = await StartAsync(alice, b.Id);
        await alice.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "2" }, Ct);
        await alice.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "3" }, Ct);
        await App.SendQueuedMailAsync();
        var beforeReading = Mailbox.For(App, b.Email).Count;
        await bob.GetAsync($"/api/v1/conversations/{id}/messages", Ct);
        await alice.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "4" }, Ct);
        await App.SendQueuedMailAsync();
        var afterReading = Mailbox.For(App, b.Email);
        var bell = await bob.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);

        Assert.Equal(1, beforeReading);
        Assert.Equal(2, afterReading.Count);
        Assert.Contains("送信 者", afterReading[^1].Subject);
        Assert.Contains($"/messages/{id}", afterReading[^1].TextBody);
        Assert.DoesNotContain("お久しぶり", afterReading[^1].TextBody);
        Assert.Equal(1, bell.GetProperty("unreadCount").GetInt32());
        Assert.Empty(Mailbox.For(App, a.Email));
    }

    [Fact]
    public async Task MailSetting_InAppOnly_SendsNoMailForMessages()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var bob = await tenant.ApiAsync(b);
        var saved = await bob.PutAsJsonAsync("/api/v1/me/notification-settings", new { delivery = new Dictionary<string, string> { ["message"] = "inApp" } }, Ct);

        await StartAsync(await tenant.ApiAsync(a), b.Id);
        await App.SendQueuedMailAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Empty(Mailbox.For(App, b.Email));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MessagesApiTestsOnSqlite(SqliteApp app) : MessagesApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MessagesApiTestsOnPostgres(PostgresApp app) : MessagesApiTests(app);
