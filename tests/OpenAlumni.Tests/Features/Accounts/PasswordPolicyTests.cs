using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Accounts;

namespace OpenAlumni.Tests.Features.Accounts;

/// <summary>
/// A new password (registration, reset) is refused when it is one of the most common breached passwords,
/// or made of the member's own name or email address; the reason is said in the user's language.
/// </summary>
public abstract class PasswordPolicyTests(AlumniApp app) : AppTest(app)
{
    static object Alumnus(string email, string password, string family = "Nakamura", string given = "Ryo") => new
    {
        email, password, kind = "Alumni", familyName = family, givenName = given, department = "食料本部", joinedYear = 2004, leftYear = 2016,
    };

    [Theory]
    [InlineData("1234567890")]
    [InlineData("password12")]
    [InlineData("qwertyuiop1")]
    [InlineData("Password123")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("iloveyou2024")]
    [InlineData("1111111111")]
    public async Task Register_WithACommonPassword_Is400ForThePassword_AndWritesNothing(string password)
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"c-{Guid.NewGuid():N}@example.com";

        var en = await tenant.Client("en").PostAsJsonAsync("/api/v1/registrations", Alumnus(email, password), Ct);
        var ja = await tenant.Client("ja").PostAsJsonAsync("/api/v1/registrations", Alumnus(email, password), Ct);

        Assert.Contains("common", (await AssertValidationProblemAsync(en, "password"))["password"][0]);
        Assert.Contains("よく使われ", (await AssertValidationProblemAsync(ja, "password"))["password"][0]);
        Assert.Equal(0, await tenant.DbAsync(db => db.Users.CountAsync(u => u.Email == email, Ct)));
    }

    [Theory]
    [InlineData("nakamura2024")]
    [InlineData("Ryo-Nakamura-1")]
    [InlineData("ryo.nakamura.77")]
    [InlineData("2016nakamura!")]
    [InlineData("中村亮1234567")]
    public async Task Register_WithAPasswordMadeOfTheOwnNameOrEmail_Is400ForThePassword(string password)
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"ryo.nakamura.{Guid.NewGuid():N}"[..24] + "@example.com";
        var body = password.StartsWith('中') ? Alumnus(email, password, "中村", "亮") : Alumnus(email, password);

        var en = await tenant.Client("en").PostAsJsonAsync("/api/v1/registrations", body, Ct);
        var ja = await tenant.Client("ja").PostAsJsonAsync("/api/v1/registrations", body, Ct);

        Assert.Contains("name or email", (await AssertValidationProblemAsync(en, "password"))["password"][0]);
        Assert.Contains("名前やメールアドレス", (await AssertValidationProblemAsync(ja, "password"))["password"][0]);
    }

    [Fact]
    public async Task Register_WithThePasswordContainingTheEmailAddressName_Is400()
    {
        var tenant = await App.CreateTenantAsync();
        var local = "k" + Guid.NewGuid().ToString("N")[..8];

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/registrations", Alumnus($"{local}@example.com", $"{local}-secret-7", "佐藤", "健"), Ct);

        await AssertValidationProblemAsync(response, "password");
    }

    [Theory]
    [InlineData("correct-horse-42")]
    [InlineData("long-enough-1")]
    [InlineData("kumo-to-sakura-2024")]
    public async Task Register_WithAnUncommonPassword_IsAccepted(string password)
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/registrations", Alumnus($"ok-{Guid.NewGuid():N}@example.com", password), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task RegisterPage_CommonPassword_IsShownByTheFieldInJapanese()
    {
        var tenant = await App.CreateTenantAsync();
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Alumni", ["Input.FamilyName"] = "中村", ["Input.GivenName"] = "亮", ["Input.Email"] = $"p-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = "password12", ["Input.Department"] = "食料本部", ["Input.JoinedYear"] = "2004", ["Input.LeftYear"] = "2016",
        };

        var response = await Forms.PostAsync(tenant.Client("ja"), "/accounts/register", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("よく使われ", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("qwertyuiop1", "よく使われ")]
    [InlineData("yamada-hanako-1", "名前やメールアドレス")]
    public async Task ResetPassword_ToAWeakPassword_IsRefused_AndTheOldPasswordStillWorks(string password, string message)
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync(family: "Yamada", given: "Hanako");
        var (userId, code) = await App.InTenantAsync(tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(member.Email))!;
            return (user.Id, WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user))));
        });
        var path = $"/accounts/resetpassword?userId={Uri.EscapeDataString(userId)}&code={code}";

        var response = await Forms.PostAsync(tenant.Client("ja"), path, new Dictionary<string, string> { ["Input.Password"] = password });
        var login = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }, Ct);

        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PasswordPolicyTestsOnSqlite(SqliteApp app) : PasswordPolicyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PasswordPolicyTestsOnPostgres(PostgresApp app) : PasswordPolicyTests(app);
