using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Accounts;

/// <summary>The security page shows; only its explicit "set up an authenticator app" button makes a key.</summary>
public abstract class AuthenticatorSetupTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task OpeningTheSecurityPage_ChangesNothing_AndOtherSessionsKeepWorking()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var phone = await tenant.ApiAsync(member);
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);
        var stampBefore = await StampAsync(tenant, member);

        var page = await browser.GetAsync("/accounts/security", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var phoneAfter = await phone.GetAsync("/api/v1/members/me", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"totp-setup\"", html);
        Assert.DoesNotContain("data-testid=\"totp-key\"", html);
        Assert.Equal(stampBefore, await StampAsync(tenant, member));
        Assert.Equal(0, await tenant.DbAsync(db => db.UserTokens.CountAsync(t => db.Users.Any(u => u.Id == t.UserId && u.Email == member.Email), Ct)));
        Assert.Equal(HttpStatusCode.OK, phoneAfter.StatusCode);
    }

    [Fact]
    public async Task SetUpButton_PostsForAKey_ThenThePageShowsItsQrCode()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);

        var setup = await Forms.PostAsync(browser, "/accounts/security?handler=Setup", new Dictionary<string, string>(), "/accounts/security");
        var html = await browser.GetStringAsync("/accounts/security", Ct);

        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        Assert.Matches("data-testid=\"totp-key\">[A-Z2-7]+<", html);
        Assert.Contains("<svg", html);
        Assert.Contains("authenticator app", html);
    }

    [Fact]
    public async Task SetUp_FromAnotherSite_WithoutTheFormToken_IsRefused()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);
        var stampBefore = await StampAsync(tenant, member);

        var response = await browser.PostAsync("/accounts/security?handler=Setup", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(stampBefore, await StampAsync(tenant, member));
    }

    static Task<string?> StampAsync(TestTenant tenant, TestMember member) =>
        tenant.DbAsync(db => db.Users.Where(u => u.Email == member.Email).Select(u => u.SecurityStamp).SingleAsync());
}

[Collection(SqliteCollection.Name)]
public sealed class AuthenticatorSetupTestsOnSqlite(SqliteApp app) : AuthenticatorSetupTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuthenticatorSetupTestsOnPostgres(PostgresApp app) : AuthenticatorSetupTests(app);
