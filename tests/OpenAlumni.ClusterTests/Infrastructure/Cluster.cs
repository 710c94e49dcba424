using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenAlumni.Web;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Demo;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.ClusterTests.Infrastructure;

/// <summary>
/// Two app nodes as production runs them: the app published in Release and started twice as separate processes on
/// one PostgreSQL database, with Redis (backplane, cache evictions) and uploads in the database, behind nginx
/// balancing round-robin. redis-server and nginx are Debian's (.ci/run installs them); PostgreSQL is the test server
/// of OPENALUMNI_TEST_POSTGRES, on which a database of its own is made and dropped. Without them the tests are
/// skipped, unless OPENALUMNI_REQUIRE_CLUSTER=1 (CI): then they fail.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    /// <summary>The network's host: the tenant claims 127.0.0.1, so the nodes and the proxy are all its addresses.</summary>
    public const string Host = "127.0.0.1";
    public const string AdminEmail = "secretariat@cluster.example";
    public const string AdminPassword = "cluster-admin-2026";
    public const int MemberCount = 220;

    readonly string root = Directory.CreateTempSubdirectory("openalumni-cluster").FullName;
    readonly List<Process> services = [];
    string? serverConnection;
    string? database;

    public string? SkipReason { get; private set; }
    public NodeProcess A { get; private set; } = null!;
    public NodeProcess B { get; private set; } = null!;
    public IReadOnlyList<NodeProcess> Nodes => [A, B];
    public string ProxyUrl { get; private set; } = "";
    public string Connection { get; private set; } = "";
    public string AdminToken { get; private set; } = "";
    public IReadOnlyList<ClusterMember> Members { get; private set; } = [];
    public long TenantId { get; private set; }

    static bool Required => Environment.GetEnvironmentVariable("OPENALUMNI_REQUIRE_CLUSTER") == "1";

    public async ValueTask InitializeAsync()
    {
        serverConnection = Environment.GetEnvironmentVariable("OPENALUMNI_TEST_POSTGRES");
        var redis = Which("redis-server");
        var nginx = Which("nginx");
        var missing = new[] { (string.IsNullOrWhiteSpace(serverConnection), "OPENALUMNI_TEST_POSTGRES"), (redis is null, "redis-server"), (nginx is null, "nginx") }
            .Where(m => m.Item1).Select(m => m.Item2).ToList();
        if (missing.Count > 0)
        {
            var reason = "The two-node tests need " + string.Join(", ", missing) + ".";
            if (Required) throw new InvalidOperationException(reason + " OPENALUMNI_REQUIRE_CLUSTER=1 forbids skipping.");
            SkipReason = reason;
            return;
        }

        database = "openalumni_cluster_" + Guid.NewGuid().ToString("N")[..10];
        await using (var server = new NpgsqlConnection(serverConnection))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        Connection = new NpgsqlConnectionStringBuilder(serverConnection) { Database = database, MaxPoolSize = 60 }.ToString();

        var redisPort = FreePort();
        services.Add(Start(redis!, $"--port {redisPort} --bind 127.0.0.1 --save \"\" --appendonly no"));
        var redisConfiguration = $"127.0.0.1:{redisPort}";

        var app = Path.Combine(root, "app");
        await RunAsync("dotnet", $"publish \"{Path.Combine(RepoRoot(), "src", "OpenAlumni.Web")}\" -c Release -o \"{app}\" --nologo -v q");
        await SeedAsync(redisConfiguration);

        NodeProcess Node(string name, bool migrate) => new(name, app, FreePort(), new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Alumni"] = Connection,
            ["Database:MigrateOnStartup"] = migrate ? "true" : "false",
            ["Redis:Configuration"] = redisConfiguration,
            ["Storage:Provider"] = "Database",
            // A folder of the node's own: nothing on disk is shared, so a file served by the other node came from the database.
            ["Storage:Root"] = Path.Combine(root, name, "files"),
            ["Mail:PickupDirectory"] = Path.Combine(root, name, "mail"),
            ["Demo:Enabled"] = "false",
            ["Outbox:PollSeconds"] = "1",
            ["Outbox:StartDelaySeconds"] = "0",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["RateLimiting:Enabled"] = "false",
            ["Logging:Console:FormatterName"] = "json",
            ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
            ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
            // Request start and end, with the trace id in their scope: what an operator greps for a support request.
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        A = Node("a", migrate: true);
        B = Node("b", migrate: false);
        await A.StartAsync(CancellationToken.None);
        await B.StartAsync(CancellationToken.None);

        var proxyPort = FreePort();
        ProxyUrl = $"http://127.0.0.1:{proxyPort}";
        var nginxDir = Path.Combine(root, "nginx");
        Directory.CreateDirectory(nginxDir);
        File.WriteAllText(Path.Combine(nginxDir, "nginx.conf"), NginxConf(nginxDir, proxyPort));
        services.Add(Start(nginx!, $"-p \"{nginxDir}\" -c \"{Path.Combine(nginxDir, "nginx.conf")}\""));
        await WaitForAsync(ProxyUrl + "/health/live");
    }

    /// <summary>The network, its secretariat and its members, written with the app's own services, and their tokens minted.</summary>
    async Task SeedAsync(string redisConfiguration)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.Configuration["Database:Provider"] = "Postgres";
        builder.Configuration["ConnectionStrings:Alumni"] = Connection;
        builder.Configuration["Redis:Configuration"] = redisConfiguration;
        builder.Configuration["Demo:Enabled"] = "false";
        builder.Configuration["Outbox:WorkerEnabled"] = "false";
        builder.AddOpenAlumni();
        await using var app = builder.Build();
        await DatabaseSetup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var tenant = (await sp.GetRequiredService<TenantDirectory>().CreateAsync("cluster", "Cluster network", [Host], "cluster.example", default)).Value!;
        TenantId = tenant.Id;
        sp.GetRequiredService<TenantContext>().Set(tenant);
        await sp.GetRequiredService<AccountService>().CreateAdminAsync(AdminEmail, AdminPassword, "事務局", "花子", default);
        await sp.GetRequiredService<DemoSeeder>().SeedSyntheticAsync(MemberCount, default);
        var db = sp.GetRequiredService<AlumniDb>();
        var users = await db.Members.Where(m => m.User!.Email != AdminEmail).OrderBy(m => m.Id)
            .Select(m => new { m.Id, User = m.User! }).ToListAsync();
        var members = new List<ClusterMember>();
        // Minted as the login endpoint would, without hashing a password per member; the key ring is the database's,
        // so the nodes read these tokens as their own.
        foreach (var u in users) members.Add(new ClusterMember(u.Id, u.User.Email!, await MintAsync(sp, u.User)));
        Members = members;
        var admin = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(AdminEmail);
        AdminToken = await MintAsync(sp, admin!);
    }

    static async Task<string> MintAsync(IServiceProvider sp, AppUser user)
    {
        var principal = await sp.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var protector = sp.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;
        return protector.Protect(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(2) }, IdentityConstants.BearerScheme));
    }

    /// <summary>
    /// nginx with the shipped balancer configuration, deploy/nginx.conf, as it is: only the nodes' addresses and the
    /// ports are this run's, and a response header names the node that answered, so that a test can see both at work.
    /// </summary>
    string NginxConf(string dir, int port)
    {
        var shipped = File.ReadAllText(Path.Combine(RepoRoot(), "deploy", "nginx.conf"));
        string Replace(string text, string from, string to) =>
            text.Contains(from, StringComparison.Ordinal) ? text.Replace(from, to, StringComparison.Ordinal)
                : throw new InvalidOperationException($"deploy/nginx.conf no longer contains '{from}': update the two-node tests.");
        shipped = Replace(shipped, "server app1:8080", $"server 127.0.0.1:{A.Port}");
        shipped = Replace(shipped, "server app2:8080", $"server 127.0.0.1:{B.Port}");
        shipped = Replace(shipped, "listen 80 default_server;", $"listen 127.0.0.1:{FreePort()} default_server;");
        shipped = Replace(shipped, "listen 80;", $"listen 127.0.0.1:{port};");
        shipped = Replace(shipped, "client_max_body_size 6m;", "client_max_body_size 6m;\n    add_header X-Upstream $upstream_addr always;");
        return $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            daemon off;
            worker_processes 2;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 2048; }
            http {
              access_log {{dir}}/access.log;
              client_body_temp_path {{dir}}/body;
              proxy_temp_path {{dir}}/proxy;
              fastcgi_temp_path {{dir}}/fastcgi;
              uwsgi_temp_path {{dir}}/uwsgi;
              scgi_temp_path {{dir}}/scgi;
            {{shipped}}
            }
            """;
    }

    /// <summary>The node (A or B) that answered a request through the proxy.</summary>
    public NodeProcess? AnsweredBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var v) && v.FirstOrDefault() is { } upstream
            ? Nodes.FirstOrDefault(n => upstream.EndsWith(":" + n.Port, StringComparison.Ordinal))
            : null;

    public HttpClient Client(string baseUrl, string? token = null, string culture = "en")
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 500, UseCookies = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T> DbAsync<T>(Func<NpgsqlConnection, Task<T>> query)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        return await query(connection);
    }

    public void SkipIfUnavailable()
    {
        if (SkipReason is not null) Assert.Skip(SkipReason);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in services)
        {
            try { if (!p.HasExited) { p.Kill(entireProcessTree: true); await p.WaitForExitAsync(); } } catch (InvalidOperationException) { }
            p.Dispose();
        }
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(serverConnection);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    static Process Start(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var p = Process.Start(info) ?? throw new InvalidOperationException(file + " did not start");
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    static async Task RunAsync(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed ({p.ExitCode}):\n{await output}\n{await errors}");
    }

    static async Task WaitForAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            try { if ((await http.GetAsync(url)).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException(url + " did not answer within 30 seconds.");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string? Which(string name) =>
        new[] { "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpenAlumni.slnx"))) return dir.FullName;
        throw new InvalidOperationException("OpenAlumni.slnx not found above " + AppContext.BaseDirectory);
    }
}

public sealed record ClusterMember(long Id, string Email, string Token);
