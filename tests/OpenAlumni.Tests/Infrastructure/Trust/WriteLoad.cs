using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenAlumni.Tests.Infrastructure.Trust;

/// <summary>
/// Members writing as fast as they can (posts, messages, event sign-ups and cancellations) against an app that may
/// be killed under them. It keeps only what the app acknowledged (a 2xx answer): those writes must survive anything.
/// </summary>
public sealed class WriteLoad(Uri baseAddress, string host, IReadOnlyList<(TestMember Member, string Token)> members, long eventId)
{
    public ConcurrentDictionary<long, string> Posts { get; } = new();
    public ConcurrentBag<string> Messages { get; } = [];
    /// <summary>Members whose sign-up was acknowledged and who never tried to cancel.</summary>
    public ConcurrentDictionary<long, bool> SignedUp { get; } = new();
    /// <summary>Members whose cancellation was acknowledged.</summary>
    public ConcurrentDictionary<long, bool> Cancelled { get; } = new();
    readonly ConcurrentDictionary<long, bool> triedToCancel = new();
    public ConcurrentDictionary<string, int> Answers { get; } = new();
    public int Acknowledged => Posts.Count + Messages.Count + SignedUp.Count + Cancelled.Count;

    readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5), MaxConnectionsPerServer = 64 })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task RunAsync(int workers, CancellationToken stop)
    {
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => WorkerAsync(w, workers, stop)));
    }

    /// <summary>Waits until at least <paramref name="count"/> writes were acknowledged (at most two minutes); returns the count.</summary>
    public async Task<int> WaitForAsync(int count, CancellationToken ct)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (Acknowledged < count && DateTime.UtcNow < until) await Task.Delay(50, ct);
        return Acknowledged;
    }

    async Task WorkerAsync(int worker, int workers, CancellationToken stop)
    {
        var mine = Enumerable.Range(0, members.Count).Where(i => i % workers == worker).ToList();
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            foreach (var i in mine)
            {
                if (stop.IsCancellationRequested) return;
                var (member, token) = members[i];
                await SignUpOrCancelAsync(i, member, token);
                var marker = $"crash-{member.Id}-{round}-{Guid.NewGuid():N}";
                var post = await CallAsync(HttpMethod.Post, "/api/v1/posts", token, new { room = "updates", title = "近況", body = marker });
                if (post is { } p) Posts[p.GetProperty("id").GetInt64()] = marker;
                var other = members[(i + 1) % members.Count].Member.Id;
                if (await CallAsync(HttpMethod.Post, "/api/v1/conversations", token, new { memberIds = new[] { other }, body = marker }) is not null)
                    Messages.Add(marker);
            }
        }
    }

    /// <summary>Everyone signs up (again after an unanswered try: signing up is idempotent); every fifth then cancels once.</summary>
    async Task SignUpOrCancelAsync(int index, TestMember member, string token)
    {
        if (triedToCancel.ContainsKey(member.Id)) return;
        if (!SignedUp.ContainsKey(member.Id) && await CallAsync(HttpMethod.Post, $"/api/v1/events/{eventId}/rsvp", token, null) is not null)
            SignedUp[member.Id] = true;
        if (SignedUp.ContainsKey(member.Id) && index % 5 == 0 && triedToCancel.TryAdd(member.Id, true))
        {
            SignedUp.TryRemove(member.Id, out _);
            if (await CallAsync(HttpMethod.Delete, $"/api/v1/events/{eventId}/rsvp", token, null) is not null) Cancelled[member.Id] = true;
        }
    }

    /// <summary>The JSON of a 2xx answer, or null for anything else (an error status, a refused or cut connection).</summary>
    async Task<JsonElement?> CallAsync(HttpMethod method, string path, string token, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Host = host;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request);
            Answers.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, n) => n + 1);
            if (!response.IsSuccessStatusCode) return null;
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            // The app was down or died mid-answer: not acknowledged, so the write may or may not have happened.
            Answers.AddOrUpdate("no answer", 1, (_, n) => n + 1);
            await Task.Delay(100);
            return null;
        }
    }
}
