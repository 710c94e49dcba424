using System.Net;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Accounts;

public abstract class AccountPagesTests(AlumniApp app) : AppTest(app)
{
    static Dictionary<string, string> Registration(string email) => new()
    {
        ["Input.Kind"] = "Alumni", ["Input.FamilyName"] = "中村", ["Input.GivenName"] = "亮", ["Input.FamilyNameKana"] = "なかむら",
        ["Input.GivenNameKana"] = "りょう", ["Input.Email"] = email, ["Input.Password"] = "long-enough-1",
        ["Input.Department"] = "食料本部", ["Input.JoinedYear"] = "2004", ["Input.LeftYear"] = "2016",
    };

    [Fact]
    public async Task RegisterForm_Valid_RedirectsToCheckYourEmail()
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"p-{Guid.NewGuid():N}@example.com";

        var response = await Forms.PostAsync(tenant.Client("ja"), "/accounts/register", Registration(email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/accounts/registerdone", response.Headers.Location!.ToString());
        Assert.Single(Mailbox.For(App, email));
    }

    [Theory]
    [InlineData("ja", "有効なメールアドレスを入力してください。", "年は数字で入力してください")]
    [InlineData("en", "Enter a valid email address.", "Enter a year as a number")]
    public async Task RegisterForm_Invalid_IsShownAgainWithMessagesByTheFields_InTheUsersLanguage(string culture, string emailMessage, string yearMessage)
    {
        var tenant = await App.CreateTenantAsync();
        var form = Registration("not-an-email");
        form["Input.LeftYear"] = "abc";

        var response = await Forms.PostAsync(tenant.Client(culture), "/accounts/register", form);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(emailMessage, html);
        Assert.Contains(yearMessage, html);
        Assert.Contains("value=\"中村\"", html);
        Assert.Contains("id=\"Input_Email\" name=\"Input.Email\" type=\"email\" value=\"not-an-email\"", html);
        Assert.Equal(0, await tenant.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Members, Ct)));
    }

    [Fact]
    public async Task RegisterForm_WithoutAntiforgeryToken_IsRefused()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().PostAsync("/accounts/register", new FormUrlEncodedContent(Registration("x@example.com")), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await tenant.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Members, Ct)));
    }

    [Fact]
    public async Task LoginPage_PendingMember_SeesTheirStatusAndNoDirectory()
    {
        var tenant = await App.CreateTenantAsync();
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);
        var browser = tenant.Client("en");
        await Forms.SignInAsync(browser, pending.Email, pending.Password);

        var home = await browser.GetStringAsync("/", Ct);
        var directory = await browser.GetAsync("/members", Ct);

        Assert.Contains("waiting for the secretariat", home);
        Assert.Equal(HttpStatusCode.Redirect, directory.StatusCode);
        Assert.Contains("/accounts/accessdenied", directory.Headers.Location!.ToString());
    }

    [Fact]
    public async Task LoginPage_WrongPassword_ShowsAnErrorInJapanese()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();

        var response = await Forms.PostAsync(tenant.Client("ja"), "/accounts/login",
            new Dictionary<string, string> { ["Input.Email"] = member.Email, ["Input.Password"] = "wrong-password-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task PasswordReset_FromTheMailedLink_SetsANewPassword_AndTheLinkWorksOnce()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.PostAsync(browser, "/accounts/forgotpassword", new Dictionary<string, string> { ["Email"] = member.Email });
        var link = Mailbox.Link(Mailbox.Last(App, member.Email), "/accounts/resetpassword");
        var path = new Uri(link).PathAndQuery;

        var reset = await Forms.PostAsync(browser, path, new Dictionary<string, string> { ["Input.Password"] = "brand-new-pass-7" });
        var again = await Forms.PostAsync(browser, path, new Dictionary<string, string> { ["Input.Password"] = "another-pass-8" });

        Assert.Contains("Your password has been changed.", await reset.Content.ReadAsStringAsync(Ct));
        Assert.Contains("invalid or has expired", await again.Content.ReadAsStringAsync(Ct));
        await Forms.SignInAsync(tenant.Client(), member.Email, "brand-new-pass-7");
    }

    [Fact]
    public async Task PasswordReset_SignsOutEverySessionAndTokenIssuedBefore()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var oldApi = await tenant.ClientForAsync(member);
        var oldBrowser = tenant.Client();
        await Forms.SignInAsync(oldBrowser, member.Email, member.Password);
        var beforeApi = await oldApi.GetAsync("/api/v1/members", Ct);
        var beforePage = await oldBrowser.GetAsync("/members", Ct);
        var browser = tenant.Client();
        await Forms.PostAsync(browser, "/accounts/forgotpassword", new Dictionary<string, string> { ["Email"] = member.Email });
        var path = new Uri(Mailbox.Link(Mailbox.Last(App, member.Email), "/accounts/resetpassword")).PathAndQuery;

        await Forms.PostAsync(browser, path, new Dictionary<string, string> { ["Input.Password"] = "brand-new-pass-7" });
        var afterApi = await oldApi.GetAsync("/api/v1/members", Ct);
        var afterPage = await oldBrowser.GetAsync("/members", Ct);

        Assert.Equal(HttpStatusCode.OK, beforeApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beforePage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterApi.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, afterPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await tenant.ClientForAsync(member)).GetAsync("/api/v1/members", Ct)).StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_ForAnUnknownEmail_LooksTheSameAndSendsNothing()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await Forms.PostAsync(tenant.Client(), "/accounts/forgotpassword", new Dictionary<string, string> { ["Email"] = "ghost@example.com" });

        Assert.Contains("If an account exists for this address", await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty(Mailbox.For(App, "ghost@example.com"));
    }

    [Fact]
    public async Task LanguageSwitcher_RemembersTheChoice()
    {
        var tenant = await App.CreateTenantAsync();
        var browser = tenant.Client(culture: null);

        var before = await browser.GetStringAsync("/accounts/login", Ct);
        await Forms.PostAsync(browser, "/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/accounts/login" }, pageForToken: "/accounts/login");
        var after = await browser.GetStringAsync("/accounts/login", Ct);

        Assert.Contains("<html lang=\"ja\">", before);
        Assert.Contains("ログイン", before);
        Assert.Contains("<html lang=\"en\">", after);
        Assert.Contains("Forgot your password?", after);
    }

    [Fact]
    public async Task SecurityPage_TurnsOnTwoFactor_ThenLoginAsksForTheCode()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);
        await Forms.PostAsync(browser, "/accounts/security?handler=Setup", new Dictionary<string, string>(), "/accounts/security");
        var page = await browser.GetStringAsync("/accounts/security", Ct);
        var key = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"totp-key\">([A-Z2-7]+)<").Groups[1].Value;
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();

        var enable = await Forms.PostAsync(browser, "/accounts/security?handler=Enable", new Dictionary<string, string> { ["Code"] = code }, "/accounts/security");
        var login = await Forms.PostAsync(tenant.Client(), "/accounts/login",
            new Dictionary<string, string> { ["Input.Email"] = member.Email, ["Input.Password"] = member.Password });

        Assert.Contains("<svg", page);
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Contains("data-testid=\"recovery-codes\"", await enable.Content.ReadAsStringAsync(Ct));
        Assert.Contains("/accounts/loginwith2fa", login.Headers.Location!.ToString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountPagesTestsOnSqlite(SqliteApp app) : AccountPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountPagesTestsOnPostgres(PostgresApp app) : AccountPagesTests(app);
