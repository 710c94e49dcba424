using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Tests.Infrastructure;

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
        var id = await tenant.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Members.Where(m => m.User!.Email == email).Select(m => m.Id)));

        await tenant.Client().GetAsync(Mailbox.Link(Mailbox.Last(App, email), "/accounts/confirmemail"), Ct);

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
        var forged = new DefaultHttpContext();
        forged.Request.Scheme = "http";
        forged.Request.Host = new HostString("evil.example");
        var genuine = new DefaultHttpContext();
        genuine.Request.Scheme = "http";
        genuine.Request.Host = new HostString(tenant.Host.ToUpperInvariant(), 8080);

        Assert.Equal($"http://{tenant.Host}", LinksFor(scope, forged).Root);
        Assert.Equal($"http://{tenant.Host}:8080", LinksFor(scope, genuine).Root);
    }

    static AppLinks LinksFor(IServiceScope scope, HttpContext request) =>
        new(scope.ServiceProvider.GetRequiredService<ITenantContext>(), new HttpContextAccessor { HttpContext = request },
            scope.ServiceProvider.GetRequiredService<IOptions<PublicUrlOptions>>());

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

        var response = await Forms.PostAsync(tenant.Client(), "/accounts/login?ReturnUrl=/%09/evil.example",
            new Dictionary<string, string> { ["Input.Email"] = member.Email, ["Input.Password"] = member.Password }, "/accounts/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HardeningTestsOnSqlite(SqliteApp app) : HardeningTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HardeningTestsOnPostgres(PostgresApp app) : HardeningTests(app);

/// <summary>Rules that live in the services, proven through the pages that call them (review findings).</summary>
public abstract class ServiceRuleTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task PostPage_HideHandler_PostedByAMember_HidesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var created = await author.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = "大事な投稿", body = "消されたくない" }, Ct);
        var id = (await JsonAsync(created)).GetProperty("id").GetInt64();
        var vandal = await tenant.MemberAsync(family: "荒らし");
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, vandal.Email, vandal.Password);

        var response = await Forms.PostAsync(browser, $"/posts/{id}?handler=Hide", new Dictionary<string, string> { ["hidden"] = "true", ["reason"] = "x" }, $"/posts/{id}");

        Assert.True((int)response.StatusCode < 500, response.StatusCode.ToString());
        Assert.Null(await tenant.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Set<OpenAlumni.Web.Features.Posts.Post>().Where(p => p.Id == id).Select(p => p.HiddenAt), Ct)));
    }

    [Fact]
    public async Task PostImages_NeedTheirSecretName_NotJustAnId()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var upload = await member.PostAsync("/api/v1/posts/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(64, 64)), "image", "x.png" } }, Ct);
        var url = (await JsonAsync(upload)).GetProperty("markdown").GetString()![4..^1];
        var id = url.Split('/')[3];

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/posts/attachments/{id}/00000000000000000000000000000000", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/posts/attachments/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Event_WithAStartInTheYear9999_Is400NotABrokenList()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        var response = await admin.PostAsJsonAsync("/api/v1/events", new { title = "x", kind = "meetup", format = "online", startsAt = "9999-12-31T23:30:00Z", endsAt = "9999-12-31T23:50:00Z" }, Ct);

        await AssertValidationProblemAsync(response, "startsAt");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/events?when=all", Ct)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ServiceRuleTestsOnSqlite(SqliteApp app) : ServiceRuleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ServiceRuleTestsOnPostgres(PostgresApp app) : ServiceRuleTests(app);
