using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Tests.Infrastructure.Trust;

/// <summary>
/// Crash safety: members write (posts, messages, sign-ups, cancellations that promote the waitlist and send mail)
/// while the app is killed with SIGKILL and restarted, and the database restarts abruptly. Afterwards every
/// acknowledged write is there, the event's capacity holds with no seat lost, and every queued mail went out once.
/// </summary>
public abstract partial class CrashSafetyTests : IAsyncLifetime
{
    const int Capacity = 40, MemberCount = 120, Workers = 12;
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    protected readonly string Root = Path.Combine(Path.GetTempPath(), "openalumni-crash", Guid.NewGuid().ToString("N"));
    string MailDirectory => Path.Combine(Root, "external-mail");

    protected abstract string Provider { get; }
    protected abstract Task<string> StartDatabaseAsync();
    /// <summary>The second blow: a database restart on PostgreSQL, a second kill of the app on SQLite.</summary>
    protected abstract Task SecondBlowAsync(ExternalApp app);
    protected abstract string SecondBlowName { get; }

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Path.Combine(Root, "wwwroot")); // the external app's content root: the API needs no files
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task KilledAppAndRestartedDatabase_LoseNoAcknowledgedWrite_KeepCapacity_SendEachMailOnce()
    {
        var connection = await StartDatabaseAsync();
        await using var setup = new OnDatabase(Provider, connection);
        await setup.InitializeAsync(); // migrates
        var tenant = await setup.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var eventId = await EventTestData.CreateAsync(admin, EventTestData.Meetup(capacity: Capacity));
        var members = await tenant.ManyMembersAsync(MemberCount);
        var tokens = new List<(TestMember, string)>();
        foreach (var m in members) tokens.Add((m, await tenant.TokenForAsync(m, TimeSpan.FromHours(2))));

        await using var app = new ExternalApp(new Dictionary<string, string>
        {
            ["Database:Provider"] = Provider, ["ConnectionStrings:Alumni"] = connection, ["Demo:Enabled"] = "false",
            ["Mail:PickupDirectory"] = MailDirectory, ["Storage:Root"] = Path.Combine(Root, "files"),
            ["Outbox:PollSeconds"] = "1", ["Outbox:LeaseSeconds"] = "5", ["Logging:LogLevel:Default"] = "Warning",
        }, Root);
        await app.StartAsync(Ct);
        var load = new WriteLoad(app.BaseAddress, tenant.Host, tokens, eventId);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(Workers, stop.Token);

        // Each blow falls once the app is demonstrably writing (a count, not a time: this machine may be busy).
        var beforeKill = await load.WaitForAsync(30, Ct);
        app.Kill();
        await app.StartAsync(Ct);
        var beforeSecond = await load.WaitForAsync(beforeKill + 30, Ct);
        await SecondBlowAsync(app);
        await load.WaitForAsync(beforeSecond + 30, Ct);
        await stop.CancelAsync();
        await running;

        var report = $"{Provider}: {load.Acknowledged} acknowledged writes ({load.Posts.Count} posts, {load.Messages.Count} messages, " +
            $"{load.SignedUp.Count} sign-ups kept, {load.Cancelled.Count} cancellations) around 1 SIGKILL of the app (after {beforeKill}) " +
            $"and 1 {SecondBlowName} (after {beforeSecond}); {app.Starts} app starts; answers: " +
            string.Join(", ", load.Answers.OrderBy(a => a.Key).Select(a => $"{a.Key}×{a.Value}"));
        TrustFigures.Report("Crash safety", report);
        Assert.True(beforeKill >= 30 && load.Acknowledged >= beforeSecond + 30, $"The load wrote too little to prove anything: {report}\n{app.Tail()}");

        // While the database restarts the app says so (503 with Retry-After); it never fails with a 500.
        Assert.DoesNotContain(load.Answers.Keys, k => k.StartsWith('5') && k != "503");
        await AssertWritesSurvivedAsync(tenant, load, eventId);
        var mails = await AssertEachMailSentOnceAsync(setup, MailDirectory);
        TrustFigures.Report("Crash safety", $"{Provider}: all {load.Acknowledged} acknowledged writes verified; {mails} mails sent, each exactly once.");
    }

    static async Task AssertWritesSurvivedAsync(TestTenant tenant, WriteLoad load, long eventId)
    {
        var postIds = load.Posts.Keys.ToList();
        var posts = await tenant.DbAsync(db => db.Set<Post>().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Body, Ct));
        Assert.All(load.Posts, p => Assert.Equal(p.Value, posts.GetValueOrDefault(p.Key)));

        var markers = load.Messages.ToHashSet();
        var stored = await tenant.DbAsync(db => db.Set<Message>().Where(m => m.Body.StartsWith("crash-")).Select(m => m.Body).ToListAsync(Ct));
        Assert.Empty(markers.Except(stored));

        var rsvps = await tenant.DbAsync(db => db.Set<Rsvp>().Where(r => r.EventId == eventId).ToDictionaryAsync(r => r.MemberId, r => r.Status, Ct));
        Assert.All(load.SignedUp.Keys, m => Assert.Contains(rsvps.GetValueOrDefault(m, RsvpStatus.Cancelled), new[] { RsvpStatus.Confirmed, RsvpStatus.Waitlisted }));
        Assert.All(load.Cancelled.Keys, m => Assert.Equal(RsvpStatus.Cancelled, rsvps.GetValueOrDefault(m, RsvpStatus.Cancelled)));
        var confirmed = rsvps.Values.Count(s => s == RsvpStatus.Confirmed);
        var waiting = rsvps.Values.Count(s => s == RsvpStatus.Waitlisted);
        Assert.True(confirmed <= Capacity, $"{confirmed} confirmed for {Capacity} seats");
        // A seat freed by a cancellation goes to the waitlist: no seat may stay empty while someone waits.
        Assert.True(waiting == 0 || confirmed == Capacity, $"{confirmed} confirmed while {waiting} wait");
    }

    /// <summary>Waits for the restarted app's outbox worker to send everything, then counts each mail's files.</summary>
    static async Task<int> AssertEachMailSentOnceAsync(OnDatabase setup, string mailDirectory)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        List<(long Id, OutboxStatus Status)> outbox;
        do
        {
            await Task.Delay(500, Ct);
            using var scope = setup.Services.CreateScope();
            outbox = (await scope.ServiceProvider.GetRequiredService<AlumniDb>().Set<OutboxMessage>().Select(m => new { m.Id, m.Status }).ToListAsync(Ct))
                .Select(m => (m.Id, m.Status)).ToList();
        } while (outbox.Any(m => m.Status == OutboxStatus.Pending) && DateTime.UtcNow < until);

        Assert.True(outbox.Count > 0, "The load queued no mail: the test proves nothing about the outbox.");
        Assert.All(outbox, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var files = Directory.GetFiles(mailDirectory, "*.eml").Select(f => OutboxFile().Match(Path.GetFileName(f)))
            .Where(m => m.Success).GroupBy(m => long.Parse(m.Groups[1].Value)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(outbox.Select(m => m.Id).Order(), files.Keys.Order());
        Assert.All(files, f => Assert.Equal(1, f.Value));
        return files.Count;
    }

    [GeneratedRegex(@"-outbox-(\d+)-[0-9a-f]+\.eml$")]
    private static partial Regex OutboxFile();

    /// <summary>The in-process app on the test's own database: it migrates, seeds and reads back; it sends no mail.</summary>
    protected sealed class OnDatabase(string provider, string connection) : AlumniApp
    {
        public override string Provider => provider;
        protected override string ConnectionString => connection;
    }
}

public sealed class CrashSafetyTestsOnSqlite : CrashSafetyTests
{
    protected override string Provider => "Sqlite";
    protected override string SecondBlowName => "second SIGKILL of the app";
    protected override Task<string> StartDatabaseAsync() => Task.FromResult($"Data Source={Path.Combine(Root, "alumni.db")}");

    protected override async Task SecondBlowAsync(ExternalApp app)
    {
        app.Kill();
        await app.StartAsync(TestContext.Current.CancellationToken);
    }
}

/// <summary>On a PostgreSQL server of its own (so that restarting it disturbs no other test).</summary>
public sealed class CrashSafetyTestsOnPostgres : CrashSafetyTests
{
    OwnPostgres? server;
    protected override string Provider => "Postgres";
    protected override string SecondBlowName => "immediate restart of PostgreSQL";

    public CrashSafetyTestsOnPostgres()
    {
        var required = Environment.GetEnvironmentVariable("OPENALUMNI_REQUIRE_POSTGRES") == "1";
        if (OwnPostgres.FindBinaries() is null && !required) Assert.Skip("PostgreSQL server binaries not installed (.ci/run installs them).");
        if (Environment.GetEnvironmentVariable(PostgresApp.Variable) is null && !required) Assert.Skip($"PostgreSQL not configured: set {PostgresApp.Variable} (.ci/run does).");
    }

    protected override async Task<string> StartDatabaseAsync()
    {
        var bin = OwnPostgres.FindBinaries() ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql.");
        server = await OwnPostgres.StartAsync(bin, TestContext.Current.CancellationToken);
        return server.ConnectionString;
    }

    protected override Task SecondBlowAsync(ExternalApp app) => server!.CrashRestartAsync(TestContext.Current.CancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
        await base.DisposeAsync();
    }
}
