using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Spaces;

public static class SpacesSetup
{
    /// <summary>Spaces: sub-communities with their own feed, events and members, run by volunteer moderators.</summary>
    public static WebApplicationBuilder AddSpaces(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SpaceService>();
        builder.Services.AddPageRules(pages =>
        {
            pages.AuthorizeFolder("/Spaces", Policies.Member);
            pages.AuthorizePage("/Spaces/Edit", Policies.Admin);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapSpaces(this IEndpointRouteBuilder app) => app.MapSpacesApi();
}
