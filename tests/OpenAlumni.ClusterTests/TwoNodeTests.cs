using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using OpenAlumni.ClusterTests.Infrastructure;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace OpenAlumni.ClusterTests;

/// <summary>
/// Issue 15's checks, on two published app nodes behind nginx (<see cref="Cluster"/>). Each test leaves both nodes
/// running, so they hold in any order.
/// </summary>
public sealed partial class TwoNodeTests(Cluster cluster) : IClassFixture<Cluster>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_ThroughTheProxy_AndBrowse_WhicheverNodeAnswers()
    {
        cluster.SkipIfUnavailable();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(cluster.ProxyUrl) };

        // The form from one node, the post to the next: the antiforgery token and the cookie are the shared key ring's.
        var (form, signIn) = await SignInByFormAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/accounts/login", signIn.Headers.Location?.ToString() ?? "");

        var answered = new List<NodeProcess?> { cluster.AnsweredBy(form), cluster.AnsweredBy(signIn) };
        foreach (var page in new[] { "/", "/members", "/events", "/posts", "/messages", "/admin/members", "/members", "/events" })
        {
            var response = await browser.GetAsync(page, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode} from node {cluster.AnsweredBy(response)?.Name}");
            answered.Add(cluster.AnsweredBy(response));
        }
        // Round-robin: both nodes served the signed-in member, with the one cookie.
        Assert.Contains(cluster.A, answered);
        Assert.Contains(cluster.B, answered);
        Figures.Report($"signed in through the proxy and browsed {answered.Count} pages: {answered.Count(n => n == cluster.A)} served by node a, {answered.Count(n => n == cluster.B)} by node b");
    }

    [Fact]
    public async Task ACookieAndATokenIssuedByA_WorkOnB()
    {
        cluster.SkipIfUnavailable();
        var cookies = new CookieContainer();
        using var onA = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(cluster.A.Url) };
        var (_, signIn) = await SignInByFormAsync(onA);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var login = await cluster.Client(cluster.A.Url).PostAsJsonAsync("/api/v1/auth/login", new { email = Cluster.AdminEmail, password = Cluster.AdminPassword }, Ct);
        var accessToken = (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString()!;

        var cookieHeader = cookies.GetCookieHeader(new Uri(cluster.A.Url));
        using var onB = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(cluster.B.Url) };
        var page = new HttpRequestMessage(HttpMethod.Get, "/admin/members");
        page.Headers.Add("Cookie", cookieHeader);
        var withCookie = await onB.SendAsync(page, Ct);
        var withToken = await cluster.Client(cluster.B.Url, accessToken).GetAsync("/api/v1/admin/settings", Ct);

        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    [Fact]
    public async Task AMessageSentThroughA_ArrivesLive_OnAHubConnectedToB()
    {
        cluster.SkipIfUnavailable();
        var (writer, reader) = (cluster.Members[0], cluster.Members[1]);
        var started = await cluster.Client(cluster.A.Url, writer.Token).PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { reader.Id }, body = "はじめまして" }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();

        // As the page connects: WebSockets straight away, no negotiation to land elsewhere. One client on node B itself,
        // one through nginx (which passes the upgrade to whichever node its round-robin picks).
        var onB = await ListenAsync(cluster.B.Url, reader.Token, conversation);
        var viaProxy = await ListenAsync(cluster.ProxyUrl, reader.Token, conversation);

        var watch = Stopwatch.StartNew();
        var sent = await cluster.Client(cluster.A.Url, writer.Token).PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { body = "A から B へ" }, Ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var message = await onB.Received.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var elapsed = watch.ElapsedMilliseconds;
        var proxied = await viaProxy.Received.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal("A から B へ", message.GetProperty("body").GetString());
        Assert.Equal("A から B へ", proxied.GetProperty("body").GetString());
        await onB.Hub.DisposeAsync();
        await viaProxy.Hub.DisposeAsync();
        Figures.Report($"message from node A reached the hub on node B in {elapsed} ms, and a hub connected through nginx");
    }

    [Fact]
    public async Task ASettingsChangeOnA_IsInForceOnB_WithinTwoSeconds()
    {
        cluster.SkipIfUnavailable();
        var admin = cluster.Client(cluster.A.Url, cluster.AdminToken);
        var member = cluster.Client(cluster.B.Url, cluster.Members[2].Token);
        // B has the network's settings cached (30 seconds) before the change.
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/jobs", Ct)).StatusCode);

        try
        {
            var off = await admin.PutAsJsonAsync("/api/v1/admin/settings", new { features = new { jobs = false } }, Ct);
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
            var watch = Stopwatch.StartNew();
            var status = HttpStatusCode.OK;
            while (watch.Elapsed < TimeSpan.FromSeconds(10) && (status = (await member.GetAsync("/api/v1/jobs", Ct)).StatusCode) != HttpStatusCode.NotFound)
                await Task.Delay(50, Ct);

            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"B saw the change after {watch.ElapsedMilliseconds} ms");
            Figures.Report($"a feature switched off on A was off on B after {watch.ElapsedMilliseconds} ms");
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/v1/admin/settings", new { features = new { jobs = true } }, Ct);
        }
    }

    [Fact]
    public async Task APhotoUploadedThroughA_IsServedByB()
    {
        cluster.SkipIfUnavailable();
        var me = cluster.Members[3];
        using var png = new MemoryStream();
        using (var bitmap = new SkiaSharp.SKBitmap(48, 48))
        {
            bitmap.Erase(SkiaSharp.SKColors.Teal);
            bitmap.Encode(png, SkiaSharp.SKEncodedImageFormat.Png, 100);
        }

        var upload = await cluster.Client(cluster.A.Url, me.Token).PutAsync("/api/v1/members/me/photo",
            new MultipartFormDataContent { { new ByteArrayContent(png.ToArray()), "photo", "me.png" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var url = (await upload.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("photoUrl").GetString()!;
        var served = await cluster.Client(cluster.B.Url, cluster.Members[4].Token).GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, (await served.Content.ReadAsByteArrayAsync(Ct))[..2]);
    }

    [Fact]
    public async Task TwoHundredSignUpsOverBothNodes_ConfirmExactlyTheCapacity_AndEachMailIsWrittenOnce()
    {
        cluster.SkipIfUnavailable();
        const int seats = 50, people = 200;
        var admin = cluster.Client(cluster.ProxyUrl, cluster.AdminToken);
        var created = await admin.PostAsJsonAsync("/api/v1/events", new
        {
            title = "年次総会 2027", kind = "agm", format = "offline", venue = "本社", capacity = seats, publish = true,
            startsAt = DateTimeOffset.UtcNow.AddDays(30).ToString("o"), endsAt = DateTimeOffset.UtcNow.AddDays(30).AddHours(2).ToString("o"),
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        var members = cluster.Members.Skip(10).Take(people).ToList();
        var proxy = cluster.Client(cluster.ProxyUrl);

        using var gate = new SemaphoreSlim(0);
        var signUps = members.Select(async m =>
        {
            await gate.WaitAsync(Ct);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/events/{id}/rsvp");
            request.Headers.Authorization = new("Bearer", m.Token);
            var response = await proxy.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            return (response.StatusCode, Node: cluster.AnsweredBy(response), Body: body);
        }).ToList();
        gate.Release(people);
        var results = await Task.WhenAll(signUps);

        Assert.All(results, r => Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode} {r.Body}"));
        var statuses = results.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(seats, statuses.Count(s => s.GetProperty("status").GetString() == "confirmed"));
        var positions = statuses.Where(s => s.GetProperty("status").GetString() == "waitlisted").Select(s => s.GetProperty("waitlistPosition").GetInt32()).Order();
        Assert.Equal(Enumerable.Range(1, people - seats), positions);
        Assert.True(results.Count(r => r.Node == cluster.A) > 0 && results.Count(r => r.Node == cluster.B) > 0, "the sign-ups did not reach both nodes");
        Assert.Equal(seats, await cluster.DbAsync(async c =>
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"Rsvp\" WHERE \"EventId\" = {id} AND \"Status\" = 'Confirmed'", c);
            return Convert.ToInt32(await count.ExecuteScalarAsync(Ct));
        }));
        Figures.Report($"{people} sign-ups at once for {seats} seats, {results.Count(r => r.Node == cluster.A)} through node a and {results.Count(r => r.Node == cluster.B)} through node b: " +
            $"{seats} confirmed, {people - seats} waitlisted at positions 1-{people - seats}");

        // Cancelling the event mails all 200; both nodes' outbox workers run (every second) and race for the messages.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/events/{id}/cancel", null, Ct)).StatusCode);
        var watch = Stopwatch.StartNew();
        long pending;
        while ((pending = await ScalarAsync($"SELECT count(*) FROM \"OutboxMessage\" WHERE \"TenantId\" = {cluster.TenantId} AND \"Status\" = 'Pending'")) > 0
               && watch.Elapsed < TimeSpan.FromSeconds(90))
            await Task.Delay(250, Ct);
        Assert.Equal(0, pending);

        var sent = await ScalarAsync($"SELECT count(*) FROM \"OutboxMessage\" WHERE \"TenantId\" = {cluster.TenantId} AND \"Status\" = 'Sent'");
        var written = cluster.Nodes.SelectMany(n => n.LogEntries()
                .Where(e => e.TryGetProperty("State", out var s) && s.TryGetProperty("{OriginalFormat}", out var f) && f.GetString() == "Mail written to {File}")
                .Select(e => (Node: n.Name, File: e.GetProperty("State").GetProperty("File").GetString()!)))
            .ToList();
        var twice = written.GroupBy(w => w.File).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "written more than once: " + string.Join(", ", twice));
        Assert.True(sent >= people, $"{sent} sent");
        Assert.Equal(sent, written.Count);
        Figures.Report($"{written.Count} mails, each written once: {written.Count(w => w.Node == "a")} by node a, {written.Count(w => w.Node == "b")} by node b, all out {watch.ElapsedMilliseconds} ms after the cancellation");
    }

    [Fact]
    public async Task KillingANodeMidLoad_TheOtherServes_AndNoAcknowledgedWriteIsLost()
    {
        cluster.SkipIfUnavailable();
        var writers = cluster.Members.Skip(5).Take(8).ToList();
        var acknowledged = new ConcurrentBag<long>();
        var failures = new ConcurrentBag<(TimeSpan At, int Status)>();
        var proxy = cluster.Client(cluster.ProxyUrl);
        var watch = Stopwatch.StartNew();
        TimeSpan killedAt = TimeSpan.MaxValue;
        using var stop = new CancellationTokenSource();

        var load = writers.Select((w, i) => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/posts")
                {
                    Content = JsonContent.Create(new { room = "updates", title = $"近況 {i}-{n}", body = $"書き込み {i}-{n}" }),
                };
                request.Headers.Authorization = new("Bearer", w.Token);
                try
                {
                    var response = await proxy.SendAsync(request, CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.Created)
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("id").GetInt64());
                    else failures.Add((watch.Elapsed, (int)response.StatusCode));
                }
                catch (HttpRequestException) { failures.Add((watch.Elapsed, 0)); }
            }
        })).ToList();

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            var beforeKill = acknowledged.Count;
            killedAt = watch.Elapsed;
            cluster.B.Kill();
            await Task.Delay(TimeSpan.FromSeconds(5), Ct);
            await stop.CancelAsync();
            await Task.WhenAll(load);

            Assert.True(beforeKill > 0, "no write before the kill");
            Assert.True(acknowledged.Count > beforeKill, "no write was acknowledged after the kill: node A did not take over");
            // Requests cut off mid-flight by the kill may fail (unacknowledged, 502); a second later the proxy has
            // marked B down and every request goes to A.
            var late = failures.Where(f => f.At > killedAt + TimeSpan.FromSeconds(1)).ToList();
            Assert.True(late.Count == 0, $"{late.Count} requests failed more than a second after the kill: {string.Join(", ", late.Select(f => f.Status).Distinct())}");

            var ids = acknowledged.ToArray();
            var stored = await ScalarAsync($"SELECT count(*) FROM \"Post\" WHERE \"Id\" = ANY(ARRAY[{string.Join(',', ids)}]::bigint[])");
            Assert.Equal(ids.Length, stored);
            Figures.Report($"{ids.Length} writes acknowledged ({beforeKill} before the kill), all stored; {failures.Count} failed around the kill");
        }
        finally
        {
            await stop.CancelAsync();
            if (!cluster.B.Running) await cluster.B.StartAsync(CancellationToken.None);
            // Back in nginx's rotation (it retries a failed node after fail_timeout), so that the next test sees both.
            var back = Stopwatch.StartNew();
            while (back.Elapsed < TimeSpan.FromSeconds(30) && cluster.AnsweredBy(await proxy.GetAsync("/health/live", CancellationToken.None)) != cluster.B)
                await Task.Delay(200, CancellationToken.None);
        }
    }

    [Fact]
    public async Task ReadyReportsRedis_AndAProblemsTraceId_FindsItsLogLines()
    {
        cluster.SkipIfUnavailable();
        foreach (var node in cluster.Nodes)
        {
            var ready = await cluster.Client(node.Url).GetFromJsonAsync<JsonElement>("/health/ready", Ct);
            Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        }

        var missing = await cluster.Client(cluster.A.Url, cluster.Members[6].Token).GetAsync("/api/v1/posts/999999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var traceId = (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("traceId").GetString()!;
        // The W3C trace id inside traceparent-style "00-{trace}-{span}-00".
        var trace = traceId.Split('-') is { Length: 4 } parts ? parts[1] : traceId;

        await Task.Delay(200, Ct); // the console logger writes on its own thread
        var lines = cluster.A.LogEntries().Where(e => e.TryGetProperty("Scopes", out var scopes)
            && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var t) && t.GetString() == trace)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(cluster.A.Output.Where(l => !l.StartsWith("stderr:")), l => JsonDocument.Parse(l));
    }

    /// <summary>A member's hub connection, joined to a conversation, with the first message of it that arrives.</summary>
    static async Task<(HubConnection Hub, Task<JsonElement> Received)> ListenAsync(string baseUrl, string token, long conversation)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(baseUrl + "/hubs/messages", o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("message", m => { if (m.GetProperty("conversationId").GetInt64() == conversation) received.TrySetResult(m); });
        await hub.StartAsync(Ct);
        await hub.InvokeAsync("Join", conversation, Ct);
        return (hub, received.Task);
    }

    /// <summary>The sign-in page as a browser uses it: the form (and its antiforgery token), then the post.</summary>
    static async Task<(HttpResponseMessage Form, HttpResponseMessage SignIn)> SignInByFormAsync(HttpClient browser)
    {
        var form = await browser.GetAsync("/accounts/login", Ct);
        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        var signIn = await browser.PostAsync("/accounts/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Cluster.AdminEmail, ["Input.Password"] = Cluster.AdminPassword, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }), Ct);
        return (form, signIn);
    }

    async Task<long> ScalarAsync(string sql) => await cluster.DbAsync(async c =>
    {
        await using var command = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct));
    });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
