using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Accounts;

namespace OpenAlumni.Tests.Features.Accounts;

/// <summary>
/// A bearer token that was revoked (its login's security stamp renewed: a password reset, a sign-out
/// everywhere, a suspension) authenticates nobody: 401, exactly like a garbage token, never 403; a browser
/// session revoked the same way goes to the login page, as a signed-out visitor does.
/// </summary>
public abstract class RevokedTokenTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task TokenRevokedByANewSecurityStamp_Is401_LikeAGarbageToken()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var api = await tenant.ApiAsync(member);
        var garbage = tenant.Client();
        garbage.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/members/me", Ct)).StatusCode);

        await App.InTenantAsync(tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(member.Email))!);
        });
        var read = await api.GetAsync("/api/v1/members/me", Ct);
        var write = await api.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = "t", body = "b" }, Ct);
        var hub = await api.PostAsync("/hubs/messages/negotiate?negotiateVersion=1", null, Ct);
        var garbageRead = await garbage.GetAsync("/api/v1/members/me", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, garbageRead.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CookieOfARevokedSession_OnAPage_GoesToTheLoginPage()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);
        var before = await browser.GetAsync("/members", Ct);

        await App.InTenantAsync(tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(member.Email))!);
        });
        var after = await browser.GetAsync("/members", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/accounts/login", after.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TokenOfASuspendedMember_Is401()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.MemberAsync();
        var api = await tenant.ApiAsync(member);

        var suspend = await admin.PostAsJsonAsync($"/api/v1/admin/members/{member.Id}/suspend", new { reason = "spam" }, Ct);
        var read = await api.GetAsync("/api/v1/members/me", Ct);

        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
    }

    [Fact]
    public async Task ATokenStillCurrent_KeepsWorking_AndAnOrdinaryMemberIsStill403OnAdminPaths()
    {
        var tenant = await App.CreateTenantAsync();
        var api = await tenant.ApiAsync(await tenant.MemberAsync());

        var me = await api.GetAsync("/api/v1/members/me", Ct);
        var admin = await api.GetAsync("/api/v1/admin/members", Ct);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RevokedTokenTestsOnSqlite(SqliteApp app) : RevokedTokenTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RevokedTokenTestsOnPostgres(PostgresApp app) : RevokedTokenTests(app);
