using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Security;

namespace OpenAlumni.Web.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>The bell, mail at once, the weekly digest, web push, and each member's choice among them.</summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NotificationService>();
        builder.Services.AddScoped<WeeklyDigest>();
        builder.Services.AddSingleton<IPeriodicJob, WeeklyDigestJob>();
        builder.Services.Configure<PushOptions>(builder.Configuration.GetSection("Push"));
        builder.Services.AddSingleton<VapidKeys>();
        builder.Services.AddScoped<PushSubscriptionService>();
        builder.Services.AddScoped<IPushSender, PushSender>();
        // A push service is on the internet; it gets a short timeout, and the endpoint a member sent is not left
        // to redirect the server elsewhere, nor to reach an address inside the server's own network.
        builder.Services.AddHttpClient(PushSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(sp => PublicInternetOnly.Handler(sp.GetRequiredService<IOptions<PushOptions>>().Value.AllowPrivateAddresses));
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Notifications", Policies.Member));
        return builder;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app) => app.MapNotificationsApi().MapPushApi();
}
