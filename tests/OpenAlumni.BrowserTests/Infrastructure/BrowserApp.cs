using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (127.0.0.1, a free port, SQLite in a temp folder) and one headless Chromium,
/// shared by the browser tests through a collection fixture. Each test makes its own tenant, whose host
/// is <c>&lt;slug&gt;.localhost</c>: Chromium sends that host name, so the app resolves the tenant as in
/// production, while the host resolver rule below keeps every such name on 127.0.0.1.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Debian's Chromium; OPENALUMNI_CHROMIUM points at another build. Nothing is ever downloaded.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("OPENALUMNI_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>CI sets OPENALUMNI_REQUIRE_BROWSER=1, so that a missing Chromium fails the run instead of skipping it.</summary>
    public static bool BrowserRequired => Environment.GetEnvironmentVariable("OPENALUMNI_REQUIRE_BROWSER") == "1";

    IPlaywright? playwright;
    IBrowser? browser;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "openalumni-browser-tests", Guid.NewGuid().ToString("N"));
    public string MailDirectory => Path.Combine(Root, "mail");
    /// <summary>What Chromium's fake camera films (see <see cref="FakeCamera"/>).</summary>
    public string CameraFile => Path.Combine(Root, "camera.mjpeg");
    public int Port { get; private set; }

    /// <summary>Why the browser tests cannot run here, or null.</summary>
    public string? SkipReason => File.Exists(ChromiumPath) ? null
        : $"Chromium not found at {ChromiumPath} (apt-get install chromium fonts-noto-cjk; set OPENALUMNI_CHROMIUM to use another).";

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    public BrowserApp()
    {
        // Port 0: the OS picks a free one, read back from the server's addresses once it listens.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Alumni", $"Data Source={Path.Combine(Root, "a.db")}");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        builder.UseSetting("Storage:Root", Path.Combine(Root, "files"));
        builder.UseSetting("RateLimiting:Enabled", "false");
        // Event mail (promotions, cancellations) goes through the outbox; poll it every second, not every five.
        builder.UseSetting("Outbox:PollSeconds", "1");
        builder.UseSetting("Outbox:StartDelaySeconds", "0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The company sign-in journey runs its own OpenID Connect provider on http://127.0.0.1 (OidcProvider).
        builder.UseSetting("Sso:AllowHttp", "true");
        builder.UseSetting("Sso:AllowPrivateAddresses", "true");
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        if (SkipReason is not null) return;

        StartServer(); // migrates the database, then listens
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;

        FakeCamera.Show(this, null);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                // Chromium maps *.localhost to loopback by itself, but may try ::1 first; Kestrel listens on 127.0.0.1.
                "--host-resolver-rules=MAP *.localhost 127.0.0.1",
                // A camera that films a file the test writes, and no permission prompt: the door page's scanner.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                $"--use-file-for-fake-video-capture={CameraFile}",
            ],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    /// <summary>A new tenant served at http://&lt;slug&gt;.localhost:&lt;port&gt;/.</summary>
    public async Task<BrowserTenant> CreateTenantAsync(string name, string culture, string? employeeDomains = null)
    {
        var slug = "t" + Guid.NewGuid().ToString("N")[..12];
        var host = slug + ".localhost";
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<TenantDirectory>()
            .CreateAsync(slug, name, [host], employeeDomains, CancellationToken.None);
        Assert.True(result.IsOk, "The tenant could not be created.");
        return new BrowserTenant(this, result.Value!, host, culture);
    }

    /// <summary>Runs code in a DI scope that belongs to the tenant, as a request to its host would.</summary>
    public async Task<T> InTenantAsync<T>(TenantInfo tenant, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return await action(scope.ServiceProvider);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
