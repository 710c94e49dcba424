using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Messages;

/// <summary>The live hub against the test server: same tenant and membership rules as the pages.</summary>
public abstract class MessagesHubTests(AlumniApp app) : AppTest(app)
{
    sealed class Listener(HubConnection connection) : IAsyncDisposable
    {
        public HubConnection Connection { get; } = connection;
        public Channel<JsonElement> Messages { get; } = Channel.CreateUnbounded<JsonElement>();

        public async Task<JsonElement> NextAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            return await Messages.Reader.ReadAsync(timeout.Token);
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    /// <summary>Connects with a bearer token, or a sign-in cookie, over long polling through the test server; in English unless told.</summary>
    Listener Connect(string host, string? token = null, string? cookie = null, HttpTransportType transport = HttpTransportType.LongPolling,
        string culture = "en")
    {
        var connection = new HubConnectionBuilder()
            .WithUrl($"http://{host}/hubs/messages", o =>
            {
                o.Transports = transport;
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.WebSocketFactory = async (context, ct) =>
                {
                    var client = App.Server.CreateWebSocketClient();
                    client.ConfigureRequest = r =>
                    {
                        r.Headers.AcceptLanguage = culture;
                        if (cookie is not null) r.Headers["Cookie"] = cookie;
                        if (token is not null) r.Headers.Authorization = "Bearer " + token;
                    };
                    return await client.ConnectAsync(context.Uri, ct);
                };
                o.Headers["Accept-Language"] = culture;
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                if (cookie is not null) o.Headers["Cookie"] = cookie;
            })
            .Build();
        var listener = new Listener(connection);
        connection.On<JsonElement>("message", m => listener.Messages.Writer.TryWrite(m));
        return listener;
    }

    [Fact]
    public async Task Message_ArrivesLive_OnlyAtTheConversationsParticipants()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var outsider = await tenant.MemberAsync();
        var alice = await tenant.ApiAsync(a);
        var id = await MessagesApiTests.StartAsync(alice, b.Id);
        var outsidersOwn = await MessagesApiTests.StartAsync(alice, outsider.Id, "just for you");
        await using var bob = Connect(tenant.Host, cookie: await Forms.SignInCookieAsync(tenant, b.Email, b.Password));
        await using var stranger = Connect(tenant.Host, token: await tenant.TokenForAsync(outsider));
        await bob.Connection.StartAsync(Ct);
        await stranger.Connection.StartAsync(Ct);

        await bob.Connection.InvokeAsync("Join", id, Ct);
        var refused = await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync("Join", id, Ct));
        await stranger.Connection.InvokeAsync("Join", outsidersOwn, Ct);
        await alice.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "Live **hello**" }, Ct);
        var live = await bob.NextAsync();
        await alice.PostAsJsonAsync($"/api/v1/conversations/{outsidersOwn}/messages", new { body = "second conversation" }, Ct);
        // Delivered in order on one connection: had the outsider been let into the first conversation, its message would come first.
        var strangersFirst = await stranger.NextAsync();

        Assert.Equal("Live **hello**", live.GetProperty("body").GetString());
        Assert.Contains("<strong>hello</strong>", live.GetProperty("bodyHtml").GetString());
        Assert.Equal(id, live.GetProperty("conversationId").GetInt64());
        Assert.Contains("No such conversation", refused.Message);
        Assert.Equal("second conversation", strangersFirst.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData(HttpTransportType.LongPolling)]
    [InlineData(HttpTransportType.WebSockets)]
    public async Task Join_WhenRefused_SaysWhyInTheCallersLanguage(HttpTransportType transport)
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var outsider = await tenant.MemberAsync();
        var id = await MessagesApiTests.StartAsync(await tenant.ApiAsync(a), b.Id);
        var token = await tenant.TokenForAsync(outsider);
        var signedIn = await Forms.SignInCookieAsync(tenant, outsider.Email, outsider.Password);
        await using var browserInJapanese = Connect(tenant.Host, token: token, transport: transport, culture: "ja,en;q=0.5");
        await using var browserInEnglish = Connect(tenant.Host, token: token, transport: transport, culture: "en-US,ja;q=0.5");
        // The language switcher's cookie comes before the browser's language, as on the pages.
        await using var switchedToJapanese = Connect(tenant.Host, cookie: signedIn + "; .AspNetCore.Culture=c%3Dja%7Cuic%3Dja", transport: transport, culture: "en");
        await browserInJapanese.Connection.StartAsync(Ct);
        await browserInEnglish.Connection.StartAsync(Ct);
        await switchedToJapanese.Connection.StartAsync(Ct);

        var japanese = await Assert.ThrowsAsync<HubException>(() => browserInJapanese.Connection.InvokeAsync("Join", id, Ct));
        var english = await Assert.ThrowsAsync<HubException>(() => browserInEnglish.Connection.InvokeAsync("Join", id, Ct));
        var byCookie = await Assert.ThrowsAsync<HubException>(() => switchedToJapanese.Connection.InvokeAsync("Join", id, Ct));

        Assert.Contains("この会話は見つかりません。", japanese.Message);
        Assert.Contains("No such conversation.", english.Message);
        Assert.Contains("この会話は見つかりません。", byCookie.Message);
    }

    [Fact]
    public async Task MemberOfAnotherTenant_CannotConnect_NorJoinTheConversation()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var id = await MessagesApiTests.StartAsync(await tenant.ApiAsync(a), b.Id);
        var stranger = await other.MemberAsync();
        var token = await other.TokenForAsync(stranger);
        await using var onTheirHost = Connect(tenant.Host, token: token);
        await using var onOwnHost = Connect(other.Host, token: token);
        await using var anonymous = Connect(tenant.Host);

        var connectThere = await Record.ExceptionAsync(() => onTheirHost.Connection.StartAsync(Ct));
        var connectAnonymous = await Record.ExceptionAsync(() => anonymous.Connection.StartAsync(Ct));
        await onOwnHost.Connection.StartAsync(Ct);
        var join = await Record.ExceptionAsync(() => onOwnHost.Connection.InvokeAsync("Join", id, Ct));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, Assert.IsType<HttpRequestException>(connectThere).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, Assert.IsType<HttpRequestException>(connectAnonymous).StatusCode);
        Assert.IsType<HubException>(join);
    }

    [Theory]
    [InlineData(HttpTransportType.LongPolling)]
    [InlineData(HttpTransportType.WebSockets)]
    public async Task SuspendedMember_CanJoinNothingMore_OnAnOpenConnection(HttpTransportType transport)
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var id = await MessagesApiTests.StartAsync(await tenant.ApiAsync(a), b.Id);
        await using var bob = Connect(tenant.Host, token: await tenant.TokenForAsync(b), transport: transport);
        await bob.Connection.StartAsync(Ct);

        await tenant.DbAsync(db => db.Members.Where(m => m.Id == b.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OpenAlumni.Web.Features.Members.MemberStatus.Suspended), Ct));
        var join = await Record.ExceptionAsync(() => bob.Connection.InvokeAsync("Join", id, Ct));

        // On a WebSocket the hub re-reads the membership and refuses. Long polling authorizes every request again:
        // the send is refused (403), or the pending poll was already refused and the connection is closed.
        // Either way the server may also close the connection under the pending call (the call is then cancelled).
        Assert.True(join is HubException or HttpRequestException { StatusCode: System.Net.HttpStatusCode.Forbidden }
            || (join is InvalidOperationException or TaskCanceledException && bob.Connection.State != HubConnectionState.Connected),
            join?.ToString() ?? "joined");
    }

    [Fact]
    public async Task AMemberSuspendedWhileConnected_ReceivesNoMoreMessages()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var alice = await tenant.ApiAsync(a);
        var id = await MessagesApiTests.StartAsync(alice, b.Id);
        // A WebSocket is authorized once, at connect: only the delivery rule can stop it.
        await using var bob = Connect(tenant.Host, token: await tenant.TokenForAsync(b), transport: HttpTransportType.WebSockets);
        var unread = Channel.CreateUnbounded<long>();
        bob.Connection.On<long>("unread", c => unread.Writer.TryWrite(c));
        await bob.Connection.StartAsync(Ct);
        await bob.Connection.InvokeAsync("Join", id, Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));

        await alice.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "一通目" }, Ct);
        var first = await bob.NextAsync();
        await unread.Reader.ReadAsync(timeout.Token);
        await tenant.DbAsync(db => db.Members.Where(m => m.Id == b.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OpenAlumni.Web.Features.Members.MemberStatus.Suspended), Ct));
        await alice.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "二通目" }, Ct);
        // The unread signal is sent after the message would have been: when it arrives, nothing came before it.
        await unread.Reader.ReadAsync(timeout.Token);

        Assert.Equal("一通目", first.GetProperty("body").GetString());
        Assert.False(bob.Messages.Reader.TryRead(out var leaked), leaked.ToString());
    }

    [Fact]
    public async Task WebSocketTransport_WithABearerToken_DeliversLive()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.MemberAsync();
        var b = await tenant.MemberAsync();
        var alice = await tenant.ApiAsync(a);
        var id = await MessagesApiTests.StartAsync(alice, b.Id);
        await using var bob = Connect(tenant.Host, token: await tenant.TokenForAsync(b), transport: HttpTransportType.WebSockets);
        await bob.Connection.StartAsync(Ct);

        await bob.Connection.InvokeAsync("Join", id, Ct);
        await alice.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "over a websocket" }, Ct);

        Assert.Equal("over a websocket", (await bob.NextAsync()).GetProperty("body").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MessagesHubTestsOnSqlite(SqliteApp app) : MessagesHubTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MessagesHubTestsOnPostgres(PostgresApp app) : MessagesHubTests(app);
