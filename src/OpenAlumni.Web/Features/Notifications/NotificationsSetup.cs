using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Web.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>The bell, mail at once, the weekly digest, and each member's choice among them.</summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NotificationService>();
        builder.Services.AddScoped<WeeklyDigest>();
        builder.Services.AddSingleton<IPeriodicJob, WeeklyDigestJob>();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Notifications", Policies.Member));
        return builder;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app) => app.MapNotificationsApi();
}
