using Microsoft.Extensions.Options;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Security;

namespace OpenAlumni.Web.Features.Channels;

public static class ChannelsSetup
{
    /// <summary>Chat channels (Slack, Teams, LINE WORKS incoming webhooks) that hear of the network's news through the outbox.</summary>
    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ChannelOptions>(builder.Configuration.GetSection("Channels"));
        builder.Services.AddScoped<ChannelService>();
        builder.Services.AddScoped<ChannelFeed>();
        builder.Services.AddSingleton<ChannelSecrets>();
        builder.Services.AddScoped<WebhookPoster>();
        builder.Services.AddScoped<IWebhookSender, WebhookSender>();
        // A chat service is on the internet: a short timeout (the outbox retries), no redirect followed, no address inside the
        // server's own network, and no request logging, since the URL logged would be the channel's secret.
        builder.Services.AddHttpClient(WebhookPoster.HttpClientName, (sp, c) => c.Timeout = TimeSpan.FromSeconds(Math.Clamp(sp.GetRequiredService<IOptions<ChannelOptions>>().Value.TimeoutSeconds, 1, 60)))
            .ConfigurePrimaryHttpMessageHandler(sp => PublicInternetOnly.Handler(sp.GetRequiredService<IOptions<ChannelOptions>>().Value.AllowPrivateAddresses))
            .RemoveAllLoggers();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Channels", Policies.Admin));
        return builder;
    }

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app) => app.MapChannelsApi();
}
