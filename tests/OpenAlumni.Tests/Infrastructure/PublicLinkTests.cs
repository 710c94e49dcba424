using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// Links in mail point at the network's own host with the public scheme (README: PublicUrl), whoever makes
/// them: a request, or background work that has no request to ask.
/// </summary>
public abstract class PublicLinkTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task ConfirmationMail_LinksWithThePublicSchemeAndPort_ToTheNetworksHost()
    {
        var tenant = await App.CreateTenantAsync();
        await using var app = WithPublicUrl();
        var email = $"link-{Guid.NewGuid():N}@example.com";

        var response = await RegisterAsync(app, tenant, email);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith($"https://{tenant.Host}:8443/accounts/confirmemail?userId=", Mailbox.Link(Mailbox.Last(App, email), "/accounts/confirmemail"));
    }

    [Fact]
    public async Task BackgroundJobMail_LinksToTheSameAddress_AsARequestsMail()
    {
        var tenant = await App.CreateTenantAsync();
        var stale = await tenant.MemberAsync(edit: m => m.ConfirmedAt = DateTimeOffset.UtcNow.AddDays(-400));
        await using var app = WithPublicUrl();
        var email = $"link-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(app, tenant, email);

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetServices<IPeriodicJob>().OfType<ProfileFreshnessJob>().Single().RunAsync(scope.ServiceProvider, Ct);
        // The job runs for every network in the shared database: send until all its mail is out.
        await App.SendQueuedMailAsync();

        var fromJob = new Uri(Mailbox.Link(Mailbox.Last(App, stale.Email), "/members/confirmprofile"));
        var fromRequest = new Uri(Mailbox.Link(Mailbox.Last(App, email), "/accounts/confirmemail"));
        Assert.Equal($"https://{tenant.Host}:8443", fromJob.GetLeftPart(UriPartial.Authority));
        Assert.Equal(fromRequest.GetLeftPart(UriPartial.Authority), fromJob.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task BehindATlsProxy_WithForwardedHeadersOn_MailedLinksAreHttps()
    {
        var tenant = await App.CreateTenantAsync();
        // The proxy named in ForwardedHeaders:KnownProxies, as in production; no PublicUrl:Scheme set.
        await using var app = App.WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownProxies:0", "10.1.2.3")
            .ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse("10.1.2.3")))));
        var email = $"link-{Guid.NewGuid():N}@example.com";

        var response = await RegisterAsync(app, tenant, email, forwardedProto: "https");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith($"https://{tenant.Host}/accounts/confirmemail?userId=", Mailbox.Link(Mailbox.Last(App, email), "/accounts/confirmemail"));
    }

    /// <summary>Every request arrives from this address (the test server leaves it unset), as from the proxy.</summary>
    sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) => { http.Connection.RemoteIpAddress = address; return inner(http); });
            next(app);
        };
    }

    WebApplicationFactory<Program> WithPublicUrl() =>
        App.WithWebHostBuilder(b => b.UseSetting("PublicUrl:Scheme", "https").UseSetting("PublicUrl:Port", "8443"));

    static async Task<HttpResponseMessage> RegisterAsync(WebApplicationFactory<Program> app, TestTenant tenant, string email, string? forwardedProto = null)
    {
        // The app is reached over plain http (TestServer), as it is behind a proxy that terminates TLS.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant.Host}/"), AllowAutoRedirect = false });
        if (forwardedProto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        return await client.PostAsJsonAsync("/api/v1/registrations",
            new { email, password = "long-enough-1", kind = "Employee", familyName = "佐藤", givenName = "健一" }, Ct);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PublicLinkTestsOnSqlite(SqliteApp app) : PublicLinkTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PublicLinkTestsOnPostgres(PostgresApp app) : PublicLinkTests(app);
