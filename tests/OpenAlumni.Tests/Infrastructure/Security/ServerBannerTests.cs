using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenAlumni.Tests.Infrastructure.Trust;

namespace OpenAlumni.Tests.Infrastructure.Security;

/// <summary>
/// The app under Kestrel, as an operator runs it (ASVS V13): no Server header tells an attacker what answers, not
/// even on Kestrel's own answer to a malformed request, which no middleware sees. (The in-memory test server never
/// sends one, so this needs the real server; the database does not matter, so SQLite only.)
/// </summary>
public sealed class ServerBannerTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kestrel_SendsNoServerHeader_EvenOnItsOwnErrors()
    {
        var root = Path.Combine(Path.GetTempPath(), "openalumni-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            await using var app = new ExternalApp(new Dictionary<string, string>
            {
                ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Alumni"] = $"Data Source={Path.Combine(root, "alumni.db")}",
                ["Demo:Enabled"] = "false", ["Mail:PickupDirectory"] = Path.Combine(root, "mail"),
                ["Storage:Root"] = Path.Combine(root, "files"), ["Logging:LogLevel:Default"] = "Warning",
            }, root);
            await app.StartAsync(Ct);
            using var client = new HttpClient { BaseAddress = app.BaseAddress };

            var health = await client.GetAsync("/health", Ct);
            var unknownHost = await client.GetAsync("/members", Ct);
            var malformed = await RawAsync(app.Port, "GET / HTTP/1.1\r\n\r\n");

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.False(health.Headers.Contains("Server"));
            Assert.Equal("nosniff", string.Join(",", health.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(unknownHost.Headers.Contains("Server"));
            Assert.StartsWith("HTTP/1.1 400", malformed);
            Assert.DoesNotContain("\r\nServer:", malformed, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Sends bytes as they are (here a request without the Host header HTTP/1.1 requires) and reads the head of the answer.</summary>
    static async Task<string> RawAsync(int port, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port, Ct);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Ct);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, Ct);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
