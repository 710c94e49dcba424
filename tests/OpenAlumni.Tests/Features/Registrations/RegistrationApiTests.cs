using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Registrations;

public abstract class RegistrationApiTests(AlumniApp app) : AppTest(app)
{
    static object Alumnus(string email, string password = "long-enough-1") => new
    {
        email, password, kind = "Alumni", familyName = "佐藤", givenName = "健一", familyNameKana = "さとう", givenNameKana = "けんいち",
        department = "金属本部", joinedYear = 2001, leftYear = 2018,
    };

    [Fact]
    public async Task Register_Alumnus_CreatesPendingMembershipAndSendsConfirmationMail()
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"new-{Guid.NewGuid():N}@example.com";

        var response = await tenant.Client("ja").PostAsJsonAsync("/api/v1/registrations", Alumnus(email), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("Pending", body.GetProperty("status").GetString());
        var mail = Mailbox.Last(App, email);
        Assert.Contains("メールアドレスの確認", mail.Subject);
        Assert.Contains(tenant.Host, Mailbox.Link(mail, "/accounts/confirmemail"));
    }

    [Fact]
    public async Task Register_ThenConfirm_AlumnusStillWaitsForApproval_AndCannotReadTheDirectory()
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var client = tenant.Client();
        await client.PostAsJsonAsync("/api/v1/registrations", Alumnus(email), Ct);

        var confirm = await Forms.ConfirmEmailAsync(client, Mailbox.Link(Mailbox.Last(App, email), "/accounts/confirmemail"));
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "long-enough-1" }, Ct);
        var token = (await JsonAsync(login)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var directory = await client.GetAsync("/api/v1/members", Ct);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, directory.StatusCode);
    }

    [Fact]
    public async Task Login_BeforeEmailIsConfirmed_IsRefused()
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"new-{Guid.NewGuid():N}@example.com";
        await tenant.Client().PostAsJsonAsync("/api/v1/registrations", Alumnus(email), Ct);

        var login = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "long-enough-1" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("confirm", (await JsonAsync(login)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Register_EmployeeOfTheCompanyDomain_IsApprovedOnceEmailIsConfirmed()
    {
        var tenant = await App.CreateTenantAsync(employeeDomains: "shoji.example");
        var email = $"emp-{Guid.NewGuid():N}@shoji.example";
        var client = tenant.Client();
        var registered = await client.PostAsJsonAsync("/api/v1/registrations",
            new { email, password = "long-enough-1", kind = "Employee", familyName = "鈴木", givenName = "一郎" }, Ct);
        var id = await MemberIdAsync(tenant, email);
        var before = (await tenant.LoadMemberAsync(id)).Status;

        await Forms.ConfirmEmailAsync(client, Mailbox.Link(Mailbox.Last(App, email), "/accounts/confirmemail"));

        Assert.Equal(MemberStatus.Pending, before);
        Assert.Equal(MemberStatus.Approved, (await tenant.LoadMemberAsync(id)).Status);
    }

    [Fact]
    public async Task Register_EmployeeOfAnotherDomain_WaitsForApproval()
    {
        var tenant = await App.CreateTenantAsync(employeeDomains: "shoji.example");
        var email = $"emp-{Guid.NewGuid():N}@gmail.example";
        var client = tenant.Client();
        var registered = await client.PostAsJsonAsync("/api/v1/registrations",
            new { email, password = "long-enough-1", kind = "Employee", familyName = "鈴木", givenName = "一郎" }, Ct);
        var id = await MemberIdAsync(tenant, email);

        await Forms.ConfirmEmailAsync(client, Mailbox.Link(Mailbox.Last(App, email), "/accounts/confirmemail"));

        Assert.Equal(MemberStatus.Pending, (await tenant.LoadMemberAsync(id)).Status);
    }

    [Fact]
    public async Task Register_SameEmailTwiceInOneNetwork_IsAnsweredAsANewOneAndWritesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"dup-{Guid.NewGuid():N}@example.com";
        await tenant.Client().PostAsJsonAsync("/api/v1/registrations", Alumnus(email), Ct);

        var again = await tenant.Client().PostAsJsonAsync("/api/v1/registrations", Alumnus(email), Ct);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(1, await tenant.DbAsync(db => db.Members.CountAsync(Ct)));
    }

    [Fact]
    public async Task Register_SameEmailManyTimesAtOnce_ExactlyOneAccount_EveryAnswerAsForANewOne()
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"race-{Guid.NewGuid():N}@example.com";

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => tenant.Client().PostAsJsonAsync("/api/v1/registrations", Alumnus(email), Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(1, await tenant.DbAsync(db => db.Users.CountAsync(u => u.Email == email, Ct)));
    }

    [Fact]
    public async Task Register_ExistingLoginInASecondNetwork_WithItsPassword_AddsAMembership()
    {
        var first = await App.CreateTenantAsync();
        var second = await App.CreateTenantAsync();
        var member = await first.MemberAsync();

        var withWrongPassword = await second.Client().PostAsJsonAsync("/api/v1/registrations", Alumnus(member.Email, "another-password-9"), Ct);
        var withPassword = await second.Client().PostAsJsonAsync("/api/v1/registrations", Alumnus(member.Email, member.Password), Ct);

        Assert.Equal(HttpStatusCode.Created, withWrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withPassword.StatusCode);
        Assert.Equal(1, await second.DbAsync(db => db.Members.CountAsync(Ct)));
        Assert.Equal(1, await first.DbAsync(db => db.Members.CountAsync(Ct)));
    }

    static Task<long> MemberIdAsync(TestTenant tenant, string email) =>
        tenant.DbAsync(db => db.Members.Where(m => m.User!.Email == email).Select(m => m.Id).SingleAsync());

    [Theory]
    [InlineData("email", "not-an-email")]
    [InlineData("email", "a@b")]
    [InlineData("password", "short1")]
    [InlineData("password", "onlyletterslong")]
    [InlineData("kind", "Contractor")]
    [InlineData("kind", "1")]
    [InlineData("leftYear", 1850)]
    [InlineData("joinedYear", 3000)]
    [InlineData("department", "")]
    public async Task Register_WithAnInvalidField_Is400NamingItAndWritesNothing(string field, object value)
    {
        var tenant = await App.CreateTenantAsync();
        var body = new Dictionary<string, object?>
        {
            ["email"] = $"x-{Guid.NewGuid():N}@example.com", ["password"] = "long-enough-1", ["kind"] = "Alumni",
            ["familyName"] = "佐藤", ["givenName"] = "健一", ["department"] = "金属本部", ["joinedYear"] = 2001, ["leftYear"] = 2018,
            [field] = value,
        };

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/registrations", body, Ct);

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(0, await tenant.DbAsync(db => db.Members.CountAsync(Ct)));
        Assert.Empty(Mailbox.For(App, (string)body["email"]!));
    }

    [Fact]
    public async Task Register_With20kBName_IsRejectedWithAMessageInJapanese()
    {
        var tenant = await App.CreateTenantAsync();
        var huge = new string('山', 20_000);

        var response = await tenant.Client("ja").PostAsJsonAsync("/api/v1/registrations",
            new { email = "big@example.com", password = "long-enough-1", kind = "Employee", familyName = huge, givenName = "太郎" }, Ct);

        var errors = await AssertValidationProblemAsync(response, "familyName");
        Assert.Contains("50文字以内", errors["familyName"][0]);
    }

    [Fact]
    public async Task Register_WithMalformedJson_Is400ProblemNot500()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().PostAsync("/api/v1/registrations",
            new StringContent("{\"email\": \"a@b.example\", \"joinedYear\": \"nineteen\"}", System.Text.Encoding.UTF8, "application/json"), Ct);
        var broken = await tenant.Client().PostAsync("/api/v1/registrations",
            new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"), Ct);

        await AssertValidationProblemAsync(response, "joinedYear");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Register_HtmlAndSqlInNames_AreStoredAsWrittenAndShownEscaped()
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"x-{Guid.NewGuid():N}@example.com";
        const string hostile = "<script>alert(1)</script>'; DROP TABLE \"Members\";--";

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/registrations",
            new { email, password = "long-enough-1", kind = "Employee", familyName = hostile[..50], givenName = "x" }, Ct);
        var admin = await tenant.AdminAsync();
        var page = tenant.Client();
        await Forms.SignInAsync(page, admin.Email, admin.Password);
        var html = await page.GetStringAsync("/admin/registrations", Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(hostile[..50], (await tenant.LoadMemberAsync(await MemberIdAsync(tenant, email))).FamilyName);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("&lt;script&gt;alert(1)", html);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RegistrationApiTestsOnSqlite(SqliteApp app) : RegistrationApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RegistrationApiTestsOnPostgres(PostgresApp app) : RegistrationApiTests(app);
