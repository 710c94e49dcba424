using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using OpenAlumni.Web.Infrastructure.Security;

namespace OpenAlumni.Tests.Infrastructure.Security;

/// <summary>
/// Secure communication (ASVS V12) and session cookies (V7): HSTS and the HTTPS redirect only where TLS is, the
/// __Host- cookie names over HTTPS, and forwarded headers believed only from a configured proxy.
/// </summary>
public abstract class TransportSecurityTests(AlumniApp app) : AppTest(app)
{
    const string Proxy = "10.1.2.3";

    HttpClient Https(TestTenant tenant) =>
        App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{tenant.Host}/"), AllowAutoRedirect = false });

    [Fact]
    public async Task Hsts_IsSentOverHttps_AndNeverOverPlainHttp()
    {
        var tenant = await App.CreateTenantAsync();

        var secure = await Https(tenant).GetAsync("/accounts/login", Ct);
        var plain = await tenant.Client().GetAsync("/accounts/login", Ct);

        Assert.Equal(SecurityHeadersMiddleware.StrictTransportSecurity, Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task OverHttps_SessionAndAntiforgeryCookies_AreHostPrefixed_AndTheSessionWorks()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var browser = Https(tenant);

        var loginPage = await browser.GetAsync("/accounts/login", Ct);
        var signIn = await Forms.PostAsync(browser, "/accounts/login", new Dictionary<string, string> { ["Input.Email"] = member.Email, ["Input.Password"] = member.Password });
        var directory = await browser.GetAsync("/members", Ct);

        var antiforgery = Assert.Single(loginPage.Headers.GetValues("Set-Cookie"), c => c.Contains("Antiforgery"));
        var session = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.Contains("openalumni="));
        foreach (var cookie in new[] { antiforgery, session })
        {
            Assert.StartsWith(HostPrefixCookiesMiddleware.Prefix, cookie);
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/;", cookie + ";", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, directory.StatusCode);
    }

    [Fact]
    public async Task OverPlainHttp_CookiesKeepTheirNames()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();

        var loginPage = await tenant.Client().GetAsync("/accounts/login", Ct);
        var session = await Forms.SignInCookieAsync(tenant, member.Email, member.Password);

        Assert.StartsWith("openalumni=", session);
        Assert.All(loginPage.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain(HostPrefixCookiesMiddleware.Prefix, c));
    }

    [Fact]
    public async Task OverHttps_ASessionCookieWithoutThePrefix_IsIgnored()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        // A valid session cookie under its plain name, as a sibling host or a plain-HTTP answer could have planted it.
        var planted = await Forms.SignInCookieAsync(tenant, member.Email, member.Password);
        var plain = tenant.Client();
        plain.DefaultRequestHeaders.Add("Cookie", planted);
        var https = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{tenant.Host}/"), AllowAutoRedirect = false, HandleCookies = false });
        https.DefaultRequestHeaders.Add("Cookie", planted);

        var overHttp = await plain.GetAsync("/members", Ct);
        var overHttps = await https.GetAsync("/members", Ct);

        Assert.Equal(HttpStatusCode.OK, overHttp.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, overHttps.StatusCode);
        Assert.Contains("/accounts/login", overHttps.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ForwardedProto_IsBelievedOnlyFromAConfiguredProxy()
    {
        var tenant = await App.CreateTenantAsync();
        await using var behindProxy = App.WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy));

        var fromProxy = await SendAsync(behindProxy, tenant, from: Proxy);
        var fromStranger = await SendAsync(behindProxy, tenant, from: "203.0.113.9");
        var fromLoopbackWithNoProxyConfigured = await SendAsync(App, tenant, from: "127.0.0.1");

        Assert.Equal(SecurityHeadersMiddleware.StrictTransportSecurity, fromProxy.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal("203.0.113.7", fromProxy.Connection.RemoteIpAddress?.ToString());
        Assert.Equal(0, fromStranger.Response.Headers.StrictTransportSecurity.Count);
        Assert.Equal("203.0.113.9", fromStranger.Connection.RemoteIpAddress?.ToString());
        Assert.Equal(0, fromLoopbackWithNoProxyConfigured.Response.Headers.StrictTransportSecurity.Count);
    }

    [Fact]
    public async Task ForwardedHeadersEnabledByTheOldSwitch_WithoutAConfiguredProxy_BelieveNobody()
    {
        var tenant = await App.CreateTenantAsync();
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, which older instructions told operators to set: ASP.NET Core then
        // adds the middleware itself, with no known proxy, which means it believes every client.
        await using var oldSwitch = App.WithWebHostBuilder(b => b.UseSetting("FORWARDEDHEADERS_ENABLED", "true"));

        var fromStranger = await SendAsync(oldSwitch, tenant, from: "203.0.113.9");

        Assert.Equal(0, fromStranger.Response.Headers.StrictTransportSecurity.Count);
        Assert.Equal("203.0.113.9", fromStranger.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>A request claiming, by forwarded headers, to be HTTPS from the client 203.0.113.7.</summary>
    static Task<HttpContext> SendAsync(WebApplicationFactory<Program> factory, TestTenant tenant, string from) =>
        factory.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Scheme = "http";
            http.Request.Host = new HostString(tenant.Host);
            http.Request.Path = "/accounts/login";
            http.Request.Headers["X-Forwarded-Proto"] = "https";
            http.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            http.Connection.RemoteIpAddress = IPAddress.Parse(from);
        }, Ct);

    [Fact]
    public async Task HttpsRedirect_OnlyWhenAnHttpsPortIsConfigured()
    {
        var tenant = await App.CreateTenantAsync();
        await using var withTls = App.WithWebHostBuilder(b => b.UseSetting("HTTPS_PORT", "443"));
        var client = withTls.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant.Host}/"), AllowAutoRedirect = false });

        var redirected = await client.GetAsync("/accounts/login?returnUrl=%2Fmembers", Ct);
        var withoutTls = await tenant.Client().GetAsync("/accounts/login", Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal($"https://{tenant.Host}/accounts/login?returnUrl=%2Fmembers", redirected.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, withoutTls.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TransportSecurityTestsOnSqlite(SqliteApp app) : TransportSecurityTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TransportSecurityTestsOnPostgres(PostgresApp app) : TransportSecurityTests(app);
