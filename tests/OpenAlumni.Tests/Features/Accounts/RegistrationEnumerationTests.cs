using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Accounts;

/// <summary>
/// Registration does not tell who has an account: a known address is answered exactly as a new one (201,
/// same shape), nothing is written, and the address's owner is mailed instead, in their language.
/// </summary>
public abstract class RegistrationEnumerationTests(AlumniApp app) : AppTest(app)
{
    static object Alumnus(string email, string password = "long-enough-1") => new
    {
        email, password, kind = "Alumni", familyName = "佐藤", givenName = "健一", department = "金属本部", joinedYear = 2001, leftYear = 2018,
    };

    /// <summary>Everything a caller sees of the answer, but the address it sent.</summary>
    static async Task<(HttpStatusCode Status, string? Location, string Shape, string? Email)> AnswerAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var shape = string.Join(",", body.EnumerateObject().Select(p => p.Name == "email" ? "email" : $"{p.Name}={p.Value}"));
        return (response.StatusCode, response.Headers.Location?.ToString(), shape, body.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Register_AnAddressAlreadyRegisteredHere_AnswersAsForANewOne_AndMailsItsOwnerInTheirLanguage()
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"dup-{Guid.NewGuid():N}@example.com";
        var newAddress = $"new-{Guid.NewGuid():N}@example.com";
        await tenant.Client("ja").PostAsJsonAsync("/api/v1/registrations", Alumnus(email), Ct);
        var mailsBefore = Mailbox.For(App, email).Count;

        var again = await tenant.Client("en").PostAsJsonAsync("/api/v1/registrations", Alumnus(email, "other-password-77"), Ct);
        var newcomer = await tenant.Client("en").PostAsJsonAsync("/api/v1/registrations", Alumnus(newAddress), Ct);

        var (known, fresh) = (await AnswerAsync(again), await AnswerAsync(newcomer));
        Assert.Equal(HttpStatusCode.Created, known.Status);
        Assert.Equal((fresh.Status, fresh.Location, fresh.Shape), (known.Status, known.Location, known.Shape));
        Assert.Equal(email, known.Email);
        Assert.Equal(1, await tenant.DbAsync(db => db.Members.CountAsync(m => m.User!.Email == email, Ct)));
        Assert.Equal(1, await tenant.DbAsync(db => db.Users.CountAsync(u => u.Email == email, Ct)));
        var mails = Mailbox.For(App, email);
        Assert.Equal(mailsBefore + 1, mails.Count);
        var notice = mails[^1];
        Assert.Contains("登録", notice.Subject);
        Assert.Contains(tenant.Host, Mailbox.Link(notice, "/accounts/login"));
        Assert.Contains(tenant.Host, Mailbox.Link(notice, "/accounts/forgotpassword"));
    }

    [Fact]
    public async Task Register_TheAddressOfAMemberOfAnotherNetwork_WithAWrongPassword_Is201_AddsNothing_AndMailsTheOwner()
    {
        var first = await App.CreateTenantAsync();
        var second = await App.CreateTenantAsync();
        var member = await first.MemberAsync();

        var response = await second.Client("ja").PostAsJsonAsync("/api/v1/registrations", Alumnus(member.Email, "another-password-9"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Pending", (await JsonAsync(response)).GetProperty("status").GetString());
        Assert.Equal(0, await second.DbAsync(db => db.Members.CountAsync(Ct)));
        var notice = Mailbox.Last(App, member.Email);
        Assert.Contains("register", notice.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(second.Host, Mailbox.Link(notice, "/accounts/login"));
    }

    [Fact]
    public async Task RegisterPage_AKnownAddress_GoesOnAsForANewOne()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Alumni", ["Input.FamilyName"] = "中村", ["Input.GivenName"] = "亮", ["Input.Email"] = member.Email,
            ["Input.Password"] = "long-enough-1", ["Input.Department"] = "食料本部", ["Input.JoinedYear"] = "2004", ["Input.LeftYear"] = "2016",
        };

        var response = await Forms.PostAsync(tenant.Client("ja"), "/accounts/register", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/accounts/registerdone", response.Headers.Location!.ToString());
        Assert.Equal(1, await tenant.DbAsync(db => db.Members.CountAsync(Ct)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RegistrationEnumerationTestsOnSqlite(SqliteApp app) : RegistrationEnumerationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RegistrationEnumerationTestsOnPostgres(PostgresApp app) : RegistrationEnumerationTests(app);
