using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Posts;

/// <summary>
/// A post's and a comment's can* flags and what the API does agree: the author, another member and the
/// secretariat each see the flags for what they would be allowed, and are refused what they are not shown.
/// </summary>
public abstract class PostPermissionTests(AlumniApp app) : AppTest(app)
{
    static bool Flag(JsonElement item, string name) => item.GetProperty(name).GetBoolean();

    static async Task<long> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/posts", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    static async Task<JsonElement> DetailAsync(HttpClient client, long id) => await client.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{id}");

    [Fact]
    public async Task Report_AndInterest_TheAuthorIsShownNeither_AndIsRefusedBoth()
    {
        var tenant = await App.CreateTenantAsync();
        var authorMember = await tenant.MemberAsync(family: "投稿");
        var author = await tenant.ApiAsync(authorMember);
        var reader = await tenant.ApiAsync(await tenant.MemberAsync(family: "読者"));
        var id = await PostAsync(author, new { room = "notices", category = "job", title = "募集", body = "営業職", jobRole = "営業", jobPlace = "東京", jobHowToApply = "メールで", jobUntil = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") });
        var update = await PostAsync(author, new { room = "updates", title = "近況", body = "元気です" });

        var seenByAuthor = (await DetailAsync(author, id)).GetProperty("post");
        var seenByReader = (await DetailAsync(reader, id)).GetProperty("post");
        var ownReport = await author.PostAsJsonAsync($"/api/v1/posts/{id}/reports", new { reason = "test" }, Ct);
        var ownInterest = await author.PostAsync($"/api/v1/posts/{id}/interest", null, Ct);
        var report = await reader.PostAsJsonAsync($"/api/v1/posts/{id}/reports", new { reason = "怪しい" }, Ct);
        var interest = await reader.PostAsync($"/api/v1/posts/{id}/interest", null, Ct);
        var interestOnUpdate = Flag((await DetailAsync(reader, update)).GetProperty("post"), "canShowInterest");
        var notOffered = await reader.PostAsync($"/api/v1/posts/{update}/interest", null, Ct);
        var authorsPage = await (await BrowserAsync(tenant, authorMember)).GetStringAsync($"/posts/{id}", Ct);

        Assert.False(Flag(seenByAuthor, "canReport"));
        Assert.False(Flag(seenByAuthor, "canShowInterest"));
        Assert.Equal(HttpStatusCode.Conflict, ownReport.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ownInterest.StatusCode);
        Assert.True(Flag(seenByReader, "canReport"));
        Assert.True(Flag(seenByReader, "canShowInterest"));
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        Assert.Equal(HttpStatusCode.OK, interest.StatusCode);
        Assert.False(interestOnUpdate);
        Assert.Equal(HttpStatusCode.Conflict, notOffered.StatusCode);
        Assert.DoesNotContain("handler=Report", authorsPage);
        Assert.DoesNotContain("data-testid=\"interest\"", authorsPage);
    }

    [Fact]
    public async Task EditDeletePublish_AreTheAuthors_AdminsAreToldSo_OthersFindNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync(family: "投稿"));
        var other = await tenant.ApiAsync(await tenant.MemberAsync(family: "他人"));
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await PostAsync(author, new { room = "updates", title = "下書き", body = "まだ", draft = true });

        var draft = (await DetailAsync(author, id)).GetProperty("post");
        await author.PostAsync($"/api/v1/posts/{id}/publish", null, Ct);
        var published = (await DetailAsync(author, id)).GetProperty("post");
        var publishAgain = await author.PostAsync($"/api/v1/posts/{id}/publish", null, Ct);
        var seenByAdmin = (await DetailAsync(admin, id)).GetProperty("post");
        var seenByOther = (await DetailAsync(other, id)).GetProperty("post");
        var editByAdmin = await admin.PatchAsJsonAsync($"/api/v1/posts/{id}", new { title = "x" }, Ct);
        var deleteByOther = await other.DeleteAsync($"/api/v1/posts/{id}", Ct);
        var deleteByAuthor = await author.DeleteAsync($"/api/v1/posts/{id}", Ct);

        Assert.True(Flag(draft, "canPublish") && Flag(draft, "canEdit") && Flag(draft, "canDelete"));
        Assert.False(Flag(draft, "canComment") || Flag(draft, "canReact"));
        Assert.False(Flag(published, "canPublish"));
        Assert.Equal(HttpStatusCode.Conflict, publishAgain.StatusCode);
        Assert.False(Flag(seenByAdmin, "canEdit") || Flag(seenByAdmin, "canDelete"));
        Assert.True(Flag(seenByAdmin, "canModerate"));
        Assert.Equal(HttpStatusCode.Forbidden, editByAdmin.StatusCode);
        Assert.False(Flag(seenByOther, "canEdit") || Flag(seenByOther, "canDelete") || Flag(seenByOther, "canModerate"));
        Assert.True(Flag(seenByOther, "canComment") && Flag(seenByOther, "canReact"));
        Assert.Equal(HttpStatusCode.NotFound, deleteByOther.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteByAuthor.StatusCode);
    }

    [Fact]
    public async Task Comments_ReplyReportAndModerate_FlagsAndRefusalsAgree()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync(family: "投稿"));
        var commenter = await tenant.ApiAsync(await tenant.MemberAsync(family: "発言"));
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await PostAsync(author, new { room = "updates", title = "近況", body = "元気です" });
        var commentId = (await JsonAsync(await commenter.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { body = "おめでとう" }, Ct))).GetProperty("id").GetInt64();

        var seenByCommenter = (await DetailAsync(commenter, id)).GetProperty("comments")[0];
        var seenByAuthor = (await DetailAsync(author, id)).GetProperty("comments")[0];
        var ownReport = await commenter.PostAsJsonAsync($"/api/v1/posts/comments/{commentId}/reports", new { reason = "x" }, Ct);
        var report = await author.PostAsJsonAsync($"/api/v1/posts/comments/{commentId}/reports", new { reason = "言い過ぎ" }, Ct);
        var hideByMember = await author.PostAsync($"/api/v1/admin/comments/{commentId}/hide", null, Ct);
        var hide = await admin.PostAsync($"/api/v1/admin/comments/{commentId}/hide", null, Ct);
        var hiddenSeenByAdmin = (await DetailAsync(admin, id)).GetProperty("comments")[0];
        var replyToHidden = await admin.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { body = "非表示にしました", parentId = commentId }, Ct);

        Assert.True(Flag(seenByCommenter, "canReply"));
        Assert.False(Flag(seenByCommenter, "canReport"));
        Assert.False(Flag(seenByCommenter, "canModerate"));
        Assert.Equal(HttpStatusCode.Conflict, ownReport.StatusCode);
        Assert.True(Flag(seenByAuthor, "canReport"));
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, hideByMember.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, hide.StatusCode);
        Assert.True(Flag(hiddenSeenByAdmin, "canModerate"));
        Assert.False(Flag(hiddenSeenByAdmin, "canReply") || Flag(hiddenSeenByAdmin, "canReport"));
        await AssertValidationProblemAsync(replyToHidden, "parentId");
    }

    static async Task<HttpClient> BrowserAsync(TestTenant tenant, TestMember member)
    {
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PostPermissionTestsOnSqlite(SqliteApp app) : PostPermissionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostPermissionTestsOnPostgres(PostgresApp app) : PostPermissionTests(app);
