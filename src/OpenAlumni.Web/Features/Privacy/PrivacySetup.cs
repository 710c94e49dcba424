using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Web.Features.Privacy;

public static class PrivacySetup
{
    /// <summary>Privacy (consents, policy, export, delete me) and profile freshness.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<PrivacyService>();
        services.AddScoped<MyDataService>();
        services.AddScoped<ProfileFreshness>();
        services.AddSingleton<IPeriodicJob, ProfileFreshnessJob>();
        return services;
    }
}
