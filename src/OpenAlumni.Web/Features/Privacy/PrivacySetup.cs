using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Web.Features.Privacy;

public static class PrivacySetup
{
    /// <summary>Privacy (consents, policy, export, delete me) and profile freshness.</summary>
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PrivacyService>();
        services.AddScoped<MyDataService>();
        services.AddScoped<ProfileFreshness>();
        services.AddSingleton<IPeriodicJob, ProfileFreshnessJob>();
        services.AddPageRules(pages =>
        {
            // Also for members still waiting for approval: their data is theirs from the first day.
            pages.AuthorizePage("/Privacy/Me", Policies.Registered);
            pages.AuthorizePage("/Privacy/Edit", Policies.Admin);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app) => app.MapPrivacyApi();
}
