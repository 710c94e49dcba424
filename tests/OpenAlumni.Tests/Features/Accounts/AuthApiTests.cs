using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Accounts;
using OtpNet;

namespace OpenAlumni.Tests.Features.Accounts;

public abstract class AuthApiTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Login_WithGoodCredentials_ReturnsABearerTokenThatOpensTheApi()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }, Ct);
        var body = await JsonAsync(response);
        var client = tenant.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("accessToken").GetString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("expiresIn").GetInt64() > 0);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/members/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Login_WithWrongPasswordOrUnknownEmail_Is401WithTheSameMessage()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();

        var wrong = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = "not-the-password-1" }, Ct);
        var unknown = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "whatever-123" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal((await JsonAsync(wrong)).GetProperty("detail").GetString(), (await JsonAsync(unknown)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_AfterFiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        for (var i = 0; i < 5; i++)
            await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = "wrong-password-" + i }, Ct);

        var right = await tenant.Client("ja").PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("ロック", (await JsonAsync(right)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_OfAMemberOfAnotherNetwork_Is401()
    {
        var mine = await App.CreateTenantAsync();
        var theirs = await App.CreateTenantAsync();
        var member = await theirs.MemberAsync();

        var response = await mine.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_WithTwoFactorOn_NeedsTheAuthenticatorCode()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var key = await App.InTenantAsync(tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(member.Email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

        var without = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password }, Ct);
        var wrong = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password, twoFactorCode = "000000" }, Ct);
        var with = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password, twoFactorCode = code }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Contains("twoFactorCode", (await JsonAsync(without)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task Login_WithMissingFields_Is400PerField()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { }, Ct);

        await AssertValidationProblemAsync(response, "email", "password");
    }

    [Fact]
    public async Task Token_IssuedByOneNetwork_IsNotValidOnAnother_EvenForAMemberOfBoth()
    {
        var a = await App.CreateTenantAsync();
        var b = await App.CreateTenantAsync();
        var member = await a.MemberAsync();
        await b.MemberAsync(email: member.Email);
        var tokenOfA = await a.TokenAsync(member);
        var onB = b.Client();
        onB.DefaultRequestHeaders.Authorization = new("Bearer", tokenOfA);

        var response = await onB.GetAsync("/api/v1/members/me", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutToken_Is401ProblemJson_NotARedirect()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().GetAsync("/api/v1/members", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownHost_Is404()
    {
        var client = App.CreateClient(new() { BaseAddress = new Uri("http://nobody-serves-this.test/") });

        var response = await client.GetAsync("/api/v1/members", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_AnswersOkWhenTheDatabaseAnswers()
    {
        var response = await App.CreateClient().GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task OpenApi_DescribesEachAnswerOfAHandler_FromItsSignature()
    {
        var doc = await JsonAsync(await App.CreateClient().GetAsync("/openapi/v1.json", Ct));

        var responses = doc.GetProperty("paths").GetProperty("/api/v1/events/{id}/rsvp").GetProperty("post").GetProperty("responses");
        var created = doc.GetProperty("paths").GetProperty("/api/v1/events").GetProperty("post").GetProperty("responses");
        // 401 and 403 come from the sign-in the operation needs (OpenApiContract), the rest from the handler's signature.
        Assert.Equal(["200", "400", "401", "403", "404", "409"], responses.EnumerateObject().Select(r => r.Name).Order());
        Assert.EndsWith("/RsvpDto", responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.EndsWith("/HttpValidationProblemDetails",
            responses.GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(responses.GetProperty("409").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.Equal(["201", "400", "401", "403"], created.EnumerateObject().Select(r => r.Name).Order());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuthApiTestsOnSqlite(SqliteApp app) : AuthApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuthApiTestsOnPostgres(PostgresApp app) : AuthApiTests(app);
