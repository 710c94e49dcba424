using System.Net;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// Routes are lower case (STYLE.md); addresses in the old casing (mails already sent, bookmarks, stored mentions)
/// answer 301 to the lower-case one, with parameters and the query kept as sent.
/// </summary>
public abstract class RouteCasingTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task OldCasedLoginAddress_RedirectsPermanently_ToLowerCase_KeepingTheQuery()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().GetAsync("/Accounts/Login?ReturnUrl=%2F", Ct);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/accounts/login?ReturnUrl=%2F", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task OldCasedMemberAndEventAddresses_RedirectPermanently_ToLowerCase()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.MemberAsync();
        var eventId = await EventTestData.CreateAsync(admin, EventTestData.Meetup());
        var client = await tenant.ClientForAsync(member);

        var profile = await client.GetAsync($"/Members/{member.Id}", Ct);
        var meetup = await client.GetAsync($"/Events/{eventId}?n=3", Ct);

        Assert.Equal(HttpStatusCode.MovedPermanently, profile.StatusCode);
        Assert.Equal($"/members/{member.Id}", profile.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, meetup.StatusCode);
        Assert.Equal($"/events/{eventId}?n=3", meetup.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/members/{member.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task TokenInThePath_KeepsItsCase()
    {
        var tenant = await App.CreateTenantAsync();

        var oldCased = await tenant.Client().GetAsync("/Join/AbCdEf-123_XyZ", Ct);
        var current = await tenant.Client().GetAsync("/join/AbCdEf-123_XyZ", Ct);

        Assert.Equal(HttpStatusCode.MovedPermanently, oldCased.StatusCode);
        Assert.Equal("/join/AbCdEf-123_XyZ", oldCased.Headers.Location?.OriginalString);
        Assert.NotEqual(HttpStatusCode.MovedPermanently, current.StatusCode);
    }

    [Fact]
    public async Task Post_InTheOldCasing_IsNotRedirected()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().PostAsync("/Accounts/Login", new FormUrlEncodedContent([]), Ct);

        Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
    }

    [Fact]
    public async Task GeneratedLinks_AreLowerCase()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ClientForAsync(await tenant.MemberAsync());

        var login = await tenant.Client().GetStringAsync("/accounts/login", Ct);
        var security = await member.GetStringAsync("/accounts/security", Ct);

        Assert.Contains("href=\"/accounts/register\"", login);
        Assert.DoesNotContain("href=\"/Accounts/", login);
        // A form tag helper's action comes from the link generator (LowercaseUrls); the handler name keeps its case.
        Assert.Contains("action=\"/accounts/security?handler=", security);
    }

    [Fact]
    public async Task SignInRedirect_PointsAtTheLowerCaseLoginPage()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().GetAsync("/members/edit", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"http://{tenant.Host}/accounts/login?ReturnUrl=%2Fmembers%2Fedit", response.Headers.Location?.ToString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RouteCasingTestsOnSqlite(SqliteApp app) : RouteCasingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RouteCasingTestsOnPostgres(PostgresApp app) : RouteCasingTests(app);
