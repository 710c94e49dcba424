using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Events;

public static class EventsSetup
{
    /// <summary>Events: sign-up and waitlist, pitches, calendar, reminders; admins edit, list attendees and check in.</summary>
    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<EventService>();
        services.AddScoped<RsvpService>();
        services.AddSingleton<SignUpQueue>();
        services.AddScoped<PitchService>();
        services.AddScoped<CardService>();
        services.AddScoped<EventCalendar>();
        services.AddScoped<EventReminders>();
        services.AddSingleton<IPeriodicJob, EventReminderJob>();
        services.AddPageRules(pages =>
        {
            pages.AuthorizeFolder("/Events", Policies.Member).RequireFeature("/Events", TenantFeature.Events);
            pages.AuthorizePage("/Events/Attendees", Policies.Admin);
            pages.AuthorizePage("/Events/CheckIn", Policies.Admin);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app) => app.MapEventsApi();
}
