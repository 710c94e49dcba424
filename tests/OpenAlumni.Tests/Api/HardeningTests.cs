using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Tests.Api;

/// <summary>Attacks and odd input found in review: each must fail safely, with a clear answer.</summary>
public abstract class HardeningTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Login_DoesNotTellAStrangerThatAnAccountIsUnconfirmed()
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"u-{Guid.NewGuid():N}@example.com";
        await tenant.Client().PostAsJsonAsync("/api/v1/registrations", new { email, password = "long-enough-1", kind = "Employee", familyName = "未", givenName = "確認" }, Ct);

        var stranger = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "guessing-123" }, Ct);
        var owner = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "long-enough-1" }, Ct);

        Assert.DoesNotContain("confirm", (await JsonAsync(stranger)).GetProperty("detail").GetString());
        Assert.Contains("confirm", (await JsonAsync(owner)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ConfirmationLink_OpenedByAMailScanner_ConfirmsNothing()
    {
        var tenant = await App.CreateTenantAsync(employeeDomains: "corp.example");
        var email = $"e-{Guid.NewGuid():N}@corp.example";
        var registered = await tenant.Client().PostAsJsonAsync("/api/v1/registrations", new { email, password = "long-enough-1", kind = "Employee", familyName = "社員", givenName = "一郎" }, Ct);
        var id = (await JsonAsync(registered)).GetProperty("id").GetInt64();

        await tenant.Client().GetAsync(Mailbox.Link(Mailbox.Last(App, email), "/Accounts/ConfirmEmail"), Ct);

        Assert.Equal(MemberStatus.Pending, (await tenant.LoadMemberAsync(id)).Status);
    }

    [Fact]
    public async Task Api_ChangesNeedABearerToken_TheSignInCookieIsNotEnough()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);
        var cookie = await Forms.SignInCookieAsync(tenant, admin.Email, admin.Password);
        var browser = tenant.Client();
        browser.DefaultRequestHeaders.Add("Cookie", cookie);

        var read = await browser.GetAsync("/api/v1/admin/registrations", Ct);
        var write = await browser.PostAsync($"/api/v1/admin/registrations/{pending.Id}/approve", null, Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal(MemberStatus.Pending, (await tenant.LoadMemberAsync(pending.Id)).Status);
    }

    [Fact]
    public async Task MailedLinks_UseTheNetworksOwnHost_NeverTheRequestsHostHeader()
    {
        var tenant = await App.CreateTenantAsync();
        using var scope = App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Info);
        var forged = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        forged.Request.Scheme = "http";
        forged.Request.Host = new HostString("evil.example");
        var genuine = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        genuine.Request.Scheme = "http";
        genuine.Request.Host = new HostString(tenant.Host.ToUpperInvariant(), 8080);

        Assert.Equal($"http://{tenant.Host}", AccountsApi.BaseUrl(forged));
        Assert.Equal($"http://{tenant.Host.ToUpperInvariant()}:8080", AccountsApi.BaseUrl(genuine));
    }

    [Fact]
    public async Task Register_EmailWithCharactersIdentityDislikes_IsAccepted()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/registrations",
            new { email = $"o'brien&co-{Guid.NewGuid():N}@example.com", password = "long-enough-1", kind = "Employee", familyName = "O'Brien", givenName = "Pat" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Names_WithInvisibleBidiOrZeroWidthCharacters_AreRefused()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/registrations",
            new { email = $"b-{Guid.NewGuid():N}@example.com", password = "long-enough-1", kind = "Employee", familyName = "山\u202E田", givenName = "太\u200B郎" }, Ct);

        await AssertValidationProblemAsync(response, "familyName", "givenName");
    }

    [Fact]
    public async Task PatchMe_ATagThatGrowsWhenNormalised_IsA400NotA500()
    {
        var tenant = await App.CreateTenantAsync();
        var api = await tenant.ApiAsync(await tenant.MemberAsync());

        var response = await api.PatchAsJsonAsync("/api/v1/members/me", new { skills = new[] { new string('㍿', 11) } }, Ct);

        await AssertValidationProblemAsync(response, "skills");
    }

    [Theory]
    [InlineData("/api/v1/members?page=21474838&pageSize=100")]
    [InlineData("/api/v1/admin/registrations?page=42949674")]
    [InlineData("/api/v1/events?page=99999999")]
    public async Task HugePageNumbers_Are400(string path)
    {
        var tenant = await App.CreateTenantAsync();
        var api = await tenant.ApiAsync(await tenant.AdminAsync());

        await AssertValidationProblemAsync(await api.GetAsync(path, Ct), "page");
    }

    [Fact]
    public async Task Login_WithAControlCharacterInTheReturnUrl_GoesHome()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();

        var response = await Forms.PostAsync(tenant.Client(), "/Accounts/Login?ReturnUrl=/%09/evil.example",
            new Dictionary<string, string> { ["Input.Email"] = member.Email, ["Input.Password"] = member.Password }, "/Accounts/Login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HardeningTestsOnSqlite(SqliteApp app) : HardeningTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HardeningTestsOnPostgres(PostgresApp app) : HardeningTests(app);
