using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAlumni.Web.Features.Demo;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// The demo network of the embedded default (tenant "demo" on host localhost), as a newcomer finds it.
/// Unlike <see cref="TestTenant"/> it is one network per database, seeded by the first test that asks and
/// then shared, so the tests that use it only read it.
/// </summary>
public sealed class DemoTenant
{
    public const string Host = "localhost";
    public const string MemberEmail = "hanako.yamada@demo.localhost";

    readonly AlumniApp app;

    DemoTenant(AlumniApp app) => this.app = app;

    /// <summary>Seeds the demo network unless this database has it already (as the app does on start).</summary>
    public static async Task<DemoTenant> SeedAsync(AlumniApp app)
    {
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureDemoAsync(NullLogger.Instance, TestContext.Current.CancellationToken);
        return new DemoTenant(app);
    }

    /// <summary>A client of the demo network's host, signed in as nobody.</summary>
    public HttpClient Client() =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{Host}/"), AllowAutoRedirect = false });

    /// <summary>A client carrying a bearer token from POST /api/v1/auth/login.</summary>
    public async Task<HttpClient> ApiAsync(string email, string password)
    {
        var client = Client();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>The demo admin (the secretariat) on the API.</summary>
    public Task<HttpClient> AdminAsync() => ApiAsync(DemoSeeder.AdminEmail, DemoSeeder.AdminPassword);

    /// <summary>The demo admin in a browser: signed in through the login page, keeping the cookie.</summary>
    public async Task<HttpClient> AdminBrowserAsync()
    {
        var browser = Client();
        await Forms.SignInAsync(browser, DemoSeeder.AdminEmail, DemoSeeder.AdminPassword);
        return browser;
    }
}
