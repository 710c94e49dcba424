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
/// The bell (GET /api/v1/notifications, POST /api/v1/notifications/read) and the notifications page. The notifications
/// are made as members make them: a reply to a post or a reaction tells its author.
/// </summary>
public abstract class NotificationsApiTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task List_ShowsWhoDidWhatToWhichPost_NewestFirst_WithTheUnreadCount()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        var post = await PostAsync(author, "転職しました");
        await ReplyAsync(fan, post);
        await ReactAsync(fan, post);

        var bell = await BellAsync(author);

        Assert.Equal(["reaction", "reply"], Types(bell));
        Assert.Equal(2, bell.GetProperty("total").GetInt32());
        Assert.Equal(2, bell.GetProperty("unreadCount").GetInt32());
        var reply = bell.GetProperty("items")[1];
        Assert.Equal("応援 花子", reply.GetProperty("actor").GetString());
        Assert.Equal(post, reply.GetProperty("postId").GetInt64());
        Assert.Equal("転職しました", reply.GetProperty("subject").GetString());
        Assert.False(reply.GetProperty("read").GetBoolean());
    }

    [Fact]
    public async Task List_HoldsOnlyMine_AndNothingForWhatIDidMyself()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        var bystander = await tenant.ApiAsync(await tenant.MemberAsync(family: "傍観"));
        var post = await PostAsync(author, "転職しました");
        await ReplyAsync(author, post);
        await ReplyAsync(fan, post);

        var mine = await BellAsync(author);
        var theFans = await BellAsync(fan);
        var theBystanders = await BellAsync(bystander);

        Assert.Equal(["reply"], Types(mine));
        Assert.Equal("応援 花子", mine.GetProperty("items")[0].GetProperty("actor").GetString());
        Assert.Equal(0, theFans.GetProperty("total").GetInt32());
        Assert.Equal(0, theBystanders.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task MarkRead_WithIds_MarksThoseOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        var post = await PostAsync(author, "転職しました");
        await ReplyAsync(fan, post);
        await ReactAsync(fan, post);
        var reaction = (await BellAsync(author)).GetProperty("items")[0].GetProperty("id").GetInt64();

        var marked = await author.PostAsJsonAsync("/api/v1/notifications/read", new { ids = new[] { reaction } }, Ct);
        var bell = await BellAsync(author);

        Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
        Assert.Equal(1, bell.GetProperty("unreadCount").GetInt32());
        Assert.Equal([true, false], bell.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("read").GetBoolean()));
    }

    [Fact]
    public async Task MarkRead_WithMoreIdsThanTheLimit_IsRefusedByTheField_AndMarksNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        var post = await PostAsync(author, "転職しました");
        await ReplyAsync(fan, post);
        var reply = (await BellAsync(author)).GetProperty("items")[0].GetProperty("id").GetInt64();
        var ids = Enumerable.Repeat(reply, 100_000).ToArray();

        var marked = await author.PostAsJsonAsync("/api/v1/notifications/read", new { ids }, Ct);

        await AssertValidationProblemAsync(marked, "ids");
        Assert.Equal(1, (await BellAsync(author)).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task MarkRead_WithoutIds_MarksAllMine_AndNobodyElses()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var other = await tenant.ApiAsync(await tenant.MemberAsync(family: "別人"));
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        var post = await PostAsync(author, "転職しました");
        var othersPost = await PostAsync(other, "起業しました");
        await ReplyAsync(fan, post);
        await ReactAsync(fan, post);
        await ReplyAsync(fan, othersPost);

        var marked = await author.PostAsJsonAsync("/api/v1/notifications/read", new { }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
        Assert.Equal(0, (await BellAsync(author)).GetProperty("unreadCount").GetInt32());
        Assert.Equal(1, (await BellAsync(other)).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task MarkRead_WithAnotherMembersIds_ChangesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        var post = await PostAsync(author, "転職しました");
        await ReplyAsync(fan, post);
        var theirs = (await BellAsync(author)).GetProperty("items")[0].GetProperty("id").GetInt64();

        var marked = await fan.PostAsJsonAsync("/api/v1/notifications/read", new { ids = new[] { theirs } }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
        Assert.Equal(1, (await BellAsync(author)).GetProperty("unreadCount").GetInt32());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100001")]
    public async Task List_WithAPageOutOfRange_Is400(string page)
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var response = await member.GetAsync("/api/v1/notifications?page=" + page, Ct);

        await AssertValidationProblemAsync(response, "page");
    }

    [Fact]
    public async Task BellAndSettings_NeedASignedInMember()
    {
        var tenant = await App.CreateTenantAsync();
        var anonymous = tenant.Client();

        var list = await anonymous.GetAsync("/api/v1/notifications", Ct);
        var read = await anonymous.PostAsJsonAsync("/api/v1/notifications/read", new { }, Ct);
        var settings = await anonymous.GetAsync("/api/v1/me/notification-settings", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, settings.StatusCode);
    }

    [Fact]
    public async Task Page_ShowsEachAsASentence_AndOpeningItsPostMarksItRead()
    {
        var tenant = await App.CreateTenantAsync();
        var authorMember = await tenant.MemberAsync();
        var author = await tenant.ApiAsync(authorMember);
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        var post = await PostAsync(author, "転職しました");
        await ReplyAsync(fan, post);
        await ReactAsync(fan, post);
        var reply = (await BellAsync(author)).GetProperty("items")[1].GetProperty("id").GetInt64();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, authorMember.Email, authorMember.Password);

        var page = await browser.GetStringAsync("/notifications", Ct);
        var opened = await browser.GetAsync($"/posts/{post}?n={reply}", Ct);
        var bell = await BellAsync(author);

        Assert.Contains("応援 花子 replied to &quot;転職しました&quot;", page);
        Assert.Contains($"href=\"/posts/{post}?n={reply}\"", page);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(1, bell.GetProperty("unreadCount").GetInt32());
        Assert.True(bell.GetProperty("items")[1].GetProperty("read").GetBoolean());
    }

    [Fact]
    public async Task Page_MarkAllRead_ClearsTheUnreadCount()
    {
        var tenant = await App.CreateTenantAsync();
        var authorMember = await tenant.MemberAsync();
        var author = await tenant.ApiAsync(authorMember);
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        var post = await PostAsync(author, "転職しました");
        await ReplyAsync(fan, post);
        await ReactAsync(fan, post);
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, authorMember.Email, authorMember.Password);

        var before = await browser.GetStringAsync("/notifications", Ct);
        var readAll = await Forms.PostAsync(browser, "/notifications?handler=ReadAll", new Dictionary<string, string>(), pageForToken: "/notifications");

        Assert.Contains("data-testid=\"unread-count\"", before);
        Assert.Equal(HttpStatusCode.Redirect, readAll.StatusCode);
        Assert.Equal(0, (await BellAsync(author)).GetProperty("unreadCount").GetInt32());
        Assert.DoesNotContain("data-testid=\"unread-count\"", await browser.GetStringAsync("/notifications", Ct));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NotificationsApiTestsOnSqlite(SqliteApp app) : NotificationsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NotificationsApiTestsOnPostgres(PostgresApp app) : NotificationsApiTests(app);
