using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Registrations;

public static class RegistrationsSetup
{
    /// <summary>The secretariat's approval queue.</summary>
    public static WebApplicationBuilder AddRegistrations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RegistrationService>();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Registrations", Policies.Admin));
        return builder;
    }

    public static IEndpointRouteBuilder MapRegistrations(this IEndpointRouteBuilder app) => app.MapRegistrationsApi();
}
