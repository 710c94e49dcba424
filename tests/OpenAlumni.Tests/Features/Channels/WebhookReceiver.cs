using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenAlumni.Tests.Features.Channels;

/// <summary>
/// A chat service's incoming webhooks on 127.0.0.1 (real HTTP over Kestrel): records every post by path and answers with the
/// next of <see cref="Answers"/>, else <see cref="Status"/> (200, as Slack, Teams and LINE WORKS accept a message).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, string? ContentType, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    readonly WebApplication app;
    public ConcurrentQueue<Received> Requests { get; } = new();
    public ConcurrentQueue<int> Answers { get; } = new();
    public int Status { get; set; } = 200;
    public string Origin { get; private set; } = "";

    WebhookReceiver(WebApplication app) => this.app = app;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        var receiver = new WebhookReceiver(web);
        web.MapPost("/{**path}", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            receiver.Requests.Enqueue(new Received(c.Request.Path, c.Request.ContentType, await reader.ReadToEndAsync()));
            return Results.Text("ok", statusCode: receiver.Answers.TryDequeue(out var next) ? next : receiver.Status);
        });
        await web.StartAsync();
        receiver.Origin = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return receiver;
    }

    public IReadOnlyList<Received> To(string path) => Requests.Where(r => r.Path == path).ToList();

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
