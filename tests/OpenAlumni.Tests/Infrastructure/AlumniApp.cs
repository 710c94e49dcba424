using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// The app over HTTP (TestServer), on one database. One instance per database is shared by all tests
/// through a collection fixture; each test makes its own tenant, so tests share neither data nor order.
/// </summary>
public abstract class AlumniApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "openalumni-tests", Guid.NewGuid().ToString("N"));
    public string MailDirectory => Path.Combine(Root, "mail");
    static readonly CommandCounter Counter = new();
    /// <summary>Everything the app logged (see <see cref="LogCapture"/>).</summary>
    public LogCapture Logs { get; } = new();
    public abstract string Provider { get; }
    protected abstract string ConnectionString { get; }
    public virtual string? SkipReason => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Alumni", ConnectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        builder.UseSetting("Storage:Root", Path.Combine(Root, "files"));
        builder.UseSetting("RateLimiting:Login:PermitLimit", "30");
        builder.UseSetting("RateLimiting:Registration:PermitLimit", "30");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(l => LogCapture.Configure(l, Logs));
        // Tests send queued mail themselves (OutboxSender), so that nothing depends on a timer.
        builder.UseSetting("Outbox:WorkerEnabled", "false");
        // The push tests run their own push service on http://127.0.0.1 (PushDeliveryTests).
        builder.UseSetting("Push:AllowInsecureEndpoints", "true");
        builder.UseSetting("Push:AllowPrivateAddresses", "true");
        // The chat channel tests run their own webhook receiver on http://127.0.0.1 (ChannelsTests).
        builder.UseSetting("Channels:AllowAnyHost", "true");
        builder.UseSetting("Channels:AllowPrivateAddresses", "true");
        // The company sign-in tests run their own OpenID Connect provider on http://127.0.0.1 (OidcProvider).
        builder.UseSetting("Sso:AllowHttp", "true");
        builder.UseSetting("Sso:AllowPrivateAddresses", "true");
        // Fewer hashing rounds than production: hundreds of test logins would otherwise take minutes.
        builder.ConfigureServices(s =>
        {
            s.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
            // Lets a test count the SQL commands of one request (CommandCounter), e.g. to catch N+1 queries.
            s.ConfigureDbContext<SqliteAlumniDb>(o => o.AddInterceptors(Counter));
            s.ConfigureDbContext<PostgresAlumniDb>(o => o.AddInterceptors(Counter));
        });
    }

    public virtual async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        if (SkipReason is null)
        {
            _ = Server; // starts the app, which migrates the database
            Server.PreserveExecutionContext = true; // so that CommandCounter's AsyncLocal reaches the request
        }
        await Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    public async Task<TestTenant> CreateTenantAsync(string? employeeDomains = null)
    {
        var slug = "t" + Guid.NewGuid().ToString("N")[..12];
        var host = slug + ".test";
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<TenantDirectory>()
            .CreateAsync(slug, "Network " + slug, [host], employeeDomains, CancellationToken.None);
        Assert.True(result.IsOk);
        return new TestTenant(this, result.Value!, host);
    }

    /// <summary>
    /// Sends the mail queued in the outbox, as the background worker would. Tests run in parallel and each call
    /// sends every network's due mail, so one at a time: a call that found another test's call sending (its
    /// message claimed, not yet written) would otherwise return before that mail reached the mailbox.
    /// </summary>
    public async Task<int> SendQueuedMailAsync()
    {
        await sending.WaitAsync();
        try
        {
            // Until nothing is due: the sender takes 50 at a time, and the proofs of trust leave thousands queued.
            int total = 0, sent;
            do
            {
                using var scope = Services.CreateScope();
                sent = await scope.ServiceProvider.GetRequiredService<OpenAlumni.Web.Infrastructure.Outbox.OutboxSender>().SendDueAsync(CancellationToken.None);
                total += sent;
            } while (sent > 0);
            return total;
        }
        finally { sending.Release(); }
    }

    readonly SemaphoreSlim sending = new(1, 1);

    /// <summary>
    /// This app on the same database, with its time read from <paramref name="clock"/> (a FakeTimeProvider the test
    /// sets or advances). The shared app keeps the system clock, because the tests of one database share it and some
    /// work spans every tenant (expiry sweeps, digests, reminders): a moved clock there would move every test's time.
    /// Dispose it at the end of the test. Its clients need tokens that are valid at the clock's time; see
    /// <see cref="TestTenant.ClientForAsync(TestMember, WebApplicationFactory{Program}, TimeSpan)"/>.
    /// </summary>
    public WebApplicationFactory<Program> WithClock(TimeProvider clock) =>
        WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(clock)));

    /// <summary>Runs code in a DI scope that belongs to the tenant, as a request to its host would.</summary>
    public async Task<T> InTenantAsync<T>(TestTenant tenant, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Info);
        return await action(scope.ServiceProvider);
    }
}

public sealed class SqliteApp : AlumniApp
{
    public override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(Root, "alumni.db")}";
}

/// <summary>
/// PostgreSQL from OPENALUMNI_TEST_POSTGRES (a connection string to a server where the user may create
/// databases); .ci/run starts one. Each run gets a fresh database, dropped at the end.
/// </summary>
public sealed class PostgresApp : AlumniApp
{
    public const string Variable = "OPENALUMNI_TEST_POSTGRES";
    static readonly string? ServerConnection = Environment.GetEnvironmentVariable(Variable);
    readonly string database = "openalumni_test_" + Guid.NewGuid().ToString("N")[..10];

    public override string Provider => "Postgres";
    // CI sets OPENALUMNI_REQUIRE_POSTGRES so that a missing server fails the run instead of skipping.
    public override string? SkipReason => string.IsNullOrWhiteSpace(ServerConnection) && Environment.GetEnvironmentVariable("OPENALUMNI_REQUIRE_POSTGRES") != "1"
        ? $"PostgreSQL not configured: set {Variable} (.ci/run does)." : null;
    protected override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnection ?? "Host=127.0.0.1") { Database = database, MaxPoolSize = 200 }.ToString();

    public override async ValueTask InitializeAsync()
    {
        if (SkipReason is null)
        {
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Database = "postgres" }.ToString());
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database} ENCODING 'UTF8' TEMPLATE template0", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (SkipReason is not null) return;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Database = "postgres" }.ToString());
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "postgres";
}
