using System.Net;
using System.Net.Http.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Infrastructure.Tenancy;

/// <summary>
/// Every endpoint and page of the foundation, tried with another tenant's ids and with a valid login
/// carried to another tenant's host: nothing of the other network is seen or changed.
/// </summary>
public abstract class TenantIsolationTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task AnotherTenantsMemberId_Is404_OnEveryMemberEndpoint()
    {
        var mine = await App.CreateTenantAsync();
        var theirs = await App.CreateTenantAsync();
        var stranger = await theirs.MemberAsync(edit: m => m.Organization = "Their Secret Co");
        var upload = await (await theirs.ApiAsync(stranger)).PutAsync("/api/v1/members/me/photo", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(32, 32)), "photo", "p.png" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var api = await mine.ApiAsync(await mine.MemberAsync());

        var profile = await api.GetAsync($"/api/v1/members/{stranger.Id}", Ct);
        var photo = await api.GetAsync($"/members/{stranger.Id}/photo", Ct);
        var search = await JsonAsync(await api.GetAsync("/api/v1/members?q=" + Uri.EscapeDataString("Their Secret"), Ct));
        var all = await JsonAsync(await api.GetAsync("/api/v1/members?pageSize=100", Ct));

        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, photo.StatusCode);
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == stranger.Id);
    }

    [Fact]
    public async Task AnotherTenantsRegistrationId_Is404_AndIsNotDecided()
    {
        var mine = await App.CreateTenantAsync();
        var theirs = await App.CreateTenantAsync();
        var applicant = await theirs.MemberAsync(status: MemberStatus.Pending);
        var admin = await mine.ApiAsync(await mine.AdminAsync());

        var approve = await admin.PostAsJsonAsync($"/api/v1/admin/registrations/{applicant.Id}/approve", new { }, Ct);
        var reject = await admin.PostAsJsonAsync($"/api/v1/admin/registrations/{applicant.Id}/reject", new { reason = "x" }, Ct);
        var queue = await JsonAsync(await admin.GetAsync("/api/v1/admin/registrations", Ct));

        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reject.StatusCode);
        Assert.Equal(0, queue.GetProperty("total").GetInt32());
        Assert.Equal(MemberStatus.Pending, (await theirs.LoadMemberAsync(applicant.Id)).Status);
    }

    [Fact]
    public async Task ApprovalPage_PostedWithAnotherTenantsRegistrationId_Is404AndDecidesNothing()
    {
        var mine = await App.CreateTenantAsync();
        var theirs = await App.CreateTenantAsync();
        var applicant = await theirs.MemberAsync(status: MemberStatus.Pending);
        var admin = await mine.AdminAsync();
        var browser = mine.Client();
        await Forms.SignInAsync(browser, admin.Email, admin.Password);

        var response = await Forms.PostAsync(browser, $"/admin/registrations?handler=Approve&id={applicant.Id}", new Dictionary<string, string>(), "/admin/registrations");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(MemberStatus.Pending, (await theirs.LoadMemberAsync(applicant.Id)).Status);
    }

    [Fact]
    public async Task AdminToken_CarriedToAnotherTenantsHost_OpensNothingThere()
    {
        var mine = await App.CreateTenantAsync();
        var theirs = await App.CreateTenantAsync();
        var applicant = await theirs.MemberAsync(status: MemberStatus.Pending);
        var token = await mine.TokenAsync(await mine.AdminAsync());
        var there = theirs.Client();
        there.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var responses = new[]
        {
            await there.GetAsync("/api/v1/members", Ct),
            await there.GetAsync($"/api/v1/members/{applicant.Id}", Ct),
            await there.GetAsync("/api/v1/members/me", Ct),
            await there.PatchAsJsonAsync("/api/v1/members/me", new { organization = "x" }, Ct),
            await there.GetAsync("/api/v1/admin/registrations", Ct),
            await there.PostAsJsonAsync($"/api/v1/admin/registrations/{applicant.Id}/approve", new { }, Ct),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(MemberStatus.Pending, (await theirs.LoadMemberAsync(applicant.Id)).Status);
    }

    [Fact]
    public async Task LoginCookie_CarriedToAnotherTenantsHost_OpensNoPageThere()
    {
        var mine = await App.CreateTenantAsync();
        var theirs = await App.CreateTenantAsync();
        var stranger = await theirs.MemberAsync();
        var admin = await mine.AdminAsync();
        var cookie = await Forms.SignInCookieAsync(mine, admin.Email, admin.Password);
        var there = theirs.Client();
        there.DefaultRequestHeaders.Add("Cookie", cookie);
        var here = mine.Client();
        here.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/admin/registrations", Ct)).StatusCode);

        foreach (var path in new[] { "/members", $"/members/{stranger.Id}", "/members/edit", "/admin/registrations", "/accounts/security" })
        {
            var response = await there.GetAsync(path, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{path}: {response.StatusCode}");
            Assert.Contains("/accounts/login", response.Headers.Location!.ToString());
        }
    }

}

[Collection(SqliteCollection.Name)]
public sealed class TenantIsolationTestsOnSqlite(SqliteApp app) : TenantIsolationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TenantIsolationTestsOnPostgres(PostgresApp app) : TenantIsolationTests(app);
