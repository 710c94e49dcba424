using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Projects;

public static class ProjectsSetup
{
    /// <summary>Side projects (業務委託・副業): posted by departments and alumni, applied to, engaged (an outcome).</summary>
    public static WebApplicationBuilder AddProjects(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProjectService>();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Projects", Policies.Member).RequireFeature("/Projects", TenantFeature.Projects));
        return builder;
    }

    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder app) => app.MapProjectsApi();
}
