using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Roster;
using static OpenAlumni.Tests.Infrastructure.DeskTestData;

namespace OpenAlumni.Tests.Features.MemberAdmin;

public abstract partial class AdminPagesTests(AlumniApp app) : AppTest(app)
{
    static readonly string[] Pages = ["/admin/members", "/admin/roster", "/admin/invitations", "/admin/settings"];

    [Fact]
    public async Task AdminArea_OpensForAdmins_AndIsClosedToMembers()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var member = await tenant.MemberAsync();
        var api = await tenant.ApiAsync(admin);
        await ImportAsync(api, Utf8(Csv(Row("山田", "太郎", "taro@example.com"), Row("佐藤", "花子", member.Email)), true));
        await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/v1/admin/invitations", new { allNotJoined = true }, Ct);
        await tenant.MemberAsync(status: MemberStatus.Suspended, family: "停止");
        var adminBrowser = tenant.Client("ja");
        await Forms.SignInAsync(adminBrowser, admin.Email, admin.Password);
        var memberBrowser = tenant.Client();
        await Forms.SignInAsync(memberBrowser, member.Email, member.Password);

        foreach (var page in Pages)
        {
            var forAdmin = await adminBrowser.GetAsync(page, Ct);
            var forMember = await memberBrowser.GetAsync(page, Ct);
            Assert.True(forAdmin.StatusCode == HttpStatusCode.OK, page + ": " + await forAdmin.Content.ReadAsStringAsync(Ct));
            Assert.Equal(HttpStatusCode.Redirect, forMember.StatusCode);
            Assert.Contains("/accounts/accessdenied", forMember.Headers.Location!.ToString());
        }
        Assert.Contains("未使用", await adminBrowser.GetStringAsync("/admin/invitations", Ct));
        Assert.Contains("利用停止中", await adminBrowser.GetStringAsync("/admin/members", Ct));
        Assert.Contains("参加済み", await adminBrowser.GetStringAsync("/admin/roster", Ct));
        Assert.Contains("href=\"/admin/members\"", await adminBrowser.GetStringAsync("/", Ct));
        Assert.DoesNotContain("href=\"/admin/members\"", await memberBrowser.GetStringAsync("/", Ct));
    }

    [Fact]
    public async Task RosterPage_PreviewsWithPerRowErrors_ThenImportsTheFixedFileOnConfirmation()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, admin.Email, admin.Password);

        var bad = await UploadAsync(browser, Utf8(Csv(Row("山田", "太郎", "taro@example.com"), Row("佐藤", "花子", "hanako@")), true));
        var good = await UploadAsync(browser, ShiftJis(Csv(Row("山田", "太郎", "taro@example.com"), Row("佐藤", "花子", "hanako@example.com"))));
        var upload = UploadField().Match(good).Groups[1].Value;
        var confirmed = await Forms.PostAsync(browser, "/admin/roster?handler=Confirm", new Dictionary<string, string> { ["upload"] = upload }, "/admin/roster");

        Assert.Contains("3 行目", bad);
        Assert.Contains("data-field=\"rows[3].email\"", bad);
        Assert.Contains("取り込みは行われていません", bad);
        Assert.Contains("新規 2 件", good);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(["山田", "佐藤"], await tenant.DbAsync(db => db.Set<RosterEntry>().OrderBy(r => r.Id).Select(r => r.FamilyName).ToListAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(browser, "/admin/roster?handler=Confirm", new Dictionary<string, string> { ["upload"] = "../../etc/passwd" }, "/admin/roster")).StatusCode);
    }

    [Fact]
    public async Task MembersPage_SuspendsWithAReason()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var target = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, admin.Email, admin.Password);

        var response = await Forms.PostAsync(browser, $"/admin/members?handler=Suspend&id={target.Id}", new Dictionary<string, string> { ["reason"] = "spam" }, "/admin/members");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MemberStatus.Suspended, (await tenant.LoadMemberAsync(target.Id)).Status);
    }

    [Fact]
    public async Task SettingsPage_ShowsErrorsByTheField_AndSavesAValidForm()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, admin.Email, admin.Password);
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "デスク商事", ["Input.EmployeeDomains"] = "desk.example.co.jp", ["Input.TimeZone"] = "Mars/Olympus",
            ["Input.DefaultLanguage"] = "ja", ["Input.Departments"] = "営業部\n経理部", ["Input.RosterMatch"] = "email", ["Input.Features"] = "updates",
        };

        var invalid = await Forms.PostAsync(browser, "/admin/settings", form);
        form["Input.TimeZone"] = "Asia/Tokyo";
        var saved = await Forms.PostAsync(browser, "/admin/settings", form);
        var settings = await JsonAsync(await (await tenant.ApiAsync(admin)).GetAsync("/api/v1/admin/settings", Ct));

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var invalidHtml = await invalid.Content.ReadAsStringAsync(Ct);
        // The admin reads the network in their own language (Japanese).
        Assert.Contains("タイムゾーンが不明です", invalidHtml);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("デスク商事", settings.GetProperty("name").GetString());
        Assert.True(settings.GetProperty("features").GetProperty("updates").GetBoolean());
        Assert.False(settings.GetProperty("features").GetProperty("events").GetBoolean());
        Assert.Equal(2, settings.GetProperty("departments").GetArrayLength());
    }

    [Fact]
    public async Task RegisterPage_FromAnInvitation_IsPrefilled_AndJoinsAtOnce()
    {
        var tenant = await App.CreateTenantAsync();
        var api = await tenant.ApiAsync(await tenant.AdminAsync());
        var email = $"invitee-{Guid.NewGuid():N}@example.com";
        await ImportAsync(api, Utf8(Csv(Row("招待", "花子", email, "経理部", 2003, 2013)), true));
        await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/v1/admin/invitations", new { emails = email }, Ct);
        await App.SendQueuedMailAsync();
        var link = new Uri(Mailbox.Link(Mailbox.Last(App, email), "/join/"));
        var browser = tenant.Client("ja");

        var landing = await browser.GetAsync(link.PathAndQuery, Ct);
        var registerPath = landing.Headers.Location!.ToString();
        var html = await browser.GetStringAsync(registerPath, Ct);
        var posted = await Forms.PostAsync(browser, "/accounts/register", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Alumni", ["Input.FamilyName"] = "招待", ["Input.GivenName"] = "花子", ["Input.Email"] = email, ["Input.Password"] = TestTenant.Password,
            ["Input.Department"] = "経理部", ["Input.JoinedYear"] = "2003", ["Input.LeftYear"] = "2013",
            ["Input.Invitation"] = registerPath[(registerPath.IndexOf('=') + 1)..],
        }, registerPath);

        Assert.Contains("招待を受けています", html);
        Assert.Contains("value=\"経理部\"", html);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/accounts/login", posted.Headers.Location!.ToString());
        Assert.Equal(MemberStatus.Approved, await tenant.DbAsync(db => db.Members.Where(m => m.User!.Email == email).Select(m => m.Status).SingleAsync()));
        Assert.Contains("この招待はすでに使用されています", await browser.GetStringAsync(link.PathAndQuery, Ct));
        await Forms.SignInAsync(browser, email, TestTenant.Password);
    }

    static async Task<string> UploadAsync(HttpClient browser, byte[] csv)
    {
        var token = await Forms.GetTokenAsync(browser, "/admin/roster");
        var form = File(csv);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await browser.PostAsync("/admin/roster?handler=Preview", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"upload\" value=\"([0-9a-f]{32}\\.csv)\"")]
    private static partial Regex UploadField();
}

[Collection(SqliteCollection.Name)]
public sealed class AdminPagesTestsOnSqlite(SqliteApp app) : AdminPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AdminPagesTestsOnPostgres(PostgresApp app) : AdminPagesTests(app);
