using System.Net;
using System.Net.Http.Json;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Accounts;

/// <summary>A signed-in member changes their password: through the API and on the security page.</summary>
public abstract class PasswordChangeTests(AlumniApp app) : AppTest(app)
{
    const string NewPassword = "violet-harbor-2931";

    [Fact]
    public async Task ChangePassword_WithTheCurrentOne_Is204_AndEndsEveryOtherToken()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var phone = await tenant.ApiAsync(member);
        var laptop = await tenant.ApiAsync(member);

        var response = await phone.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = member.Password, newPassword = NewPassword }, Ct);
        var laptopAfter = await laptop.GetAsync("/api/v1/members/me", Ct);
        var oldLogin = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }, Ct);
        var newLogin = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = NewPassword }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, laptopAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newLogin.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentOne_Is400OnThatField_InTheUsersLanguage_AndChangesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var phone = await tenant.ApiAsync(member, "ja");

        var response = await phone.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "not-my-password-1", newPassword = NewPassword }, Ct);
        var body = await JsonAsync(response);
        var stillIn = await phone.GetAsync("/api/v1/members/me", Ct);
        var oldLogin = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("現在のパスワード", body.GetProperty("errors").GetProperty("currentPassword")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, oldLogin.StatusCode);
    }

    [Theory]
    [InlineData("password123", "common")]
    [InlineData("Ryo-Nakamura-2024", "name")]
    [InlineData("qz7mwx", "10 characters")]
    public async Task ChangePassword_ToAWeakOne_Is400OnNewPassword_WithThePasswordRules(string weak, string said)
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync(family: "Nakamura", given: "Ryo");
        var phone = await tenant.ApiAsync(member);

        var response = await phone.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = member.Password, newPassword = weak }, Ct);
        var body = await JsonAsync(response);
        var oldLogin = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(said, body.GetProperty("errors").GetProperty("newPassword")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, oldLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/v1/members/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_AfterFiveWrongCurrentPasswords_LocksTheLogin_SoASessionCannotGuessIt()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var phone = await tenant.ApiAsync(member);
        for (var i = 0; i < 5; i++)
            await phone.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "guess-number-" + i, newPassword = NewPassword }, Ct);

        var right = await phone.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = member.Password, newPassword = NewPassword }, Ct);
        var login = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("locked", (await JsonAsync(right)).GetProperty("errors").GetProperty("currentPassword")[0].GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WithoutSignIn_Is401()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "x", newPassword = NewPassword }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SecurityPage_ChangesThePassword_KeepsThisBrowserSignedIn_AndSignsOutTheOthers()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var browser = tenant.Client();
        var other = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);
        await Forms.SignInAsync(other, member.Email, member.Password);

        var change = await Forms.PostAsync(browser, "/accounts/security?handler=ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = member.Password, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        }, "/accounts/security");
        var mine = await browser.GetAsync("/accounts/security", Ct);
        var theirs = await other.GetAsync("/accounts/security", Ct);

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("password has been changed", await mine.Content.ReadAsStringAsync(Ct));
        Assert.NotEqual(HttpStatusCode.OK, theirs.StatusCode);
    }

    [Fact]
    public async Task SecurityPage_WhenTheTwoNewPasswordsDiffer_SaysSoByTheField_AndChangesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);

        var change = await Forms.PostAsync(browser, "/accounts/security?handler=ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = member.Password, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword + "x",
        }, "/accounts/security");
        var html = await change.Content.ReadAsStringAsync(Ct);
        var login = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }, Ct);

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("do not match", html);
        Assert.DoesNotContain(NewPassword, html);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PasswordChangeTestsOnSqlite(SqliteApp app) : PasswordChangeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PasswordChangeTestsOnPostgres(PostgresApp app) : PasswordChangeTests(app);
