using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Jobs;

public static class JobsSetup
{
    /// <summary>The rehire job board: openings, raised hands, referrals; admins appoint recruiters.</summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<JobService>();
        builder.Services.AddPageRules(pages =>
        {
            pages.AuthorizeFolder("/Jobs", Policies.Member).RequireFeature("/Jobs", TenantFeature.Jobs);
            pages.AuthorizePage("/Jobs/Recruiters", Policies.Admin);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app) => app.MapJobsApi();
}
