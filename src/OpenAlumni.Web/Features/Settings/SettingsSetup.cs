using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Settings;

public static class SettingsSetup
{
    /// <summary>The network's settings: name, logo, domains, time zone, language, rooms and features.</summary>
    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TenantSettingsService>();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Settings", Policies.Admin));
        return builder;
    }

    public static IEndpointRouteBuilder MapSettings(this IEndpointRouteBuilder app) => app.MapSettingsApi();
}
