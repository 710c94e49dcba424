using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Collaborations;

public static class CollaborationsSetup
{
    /// <summary>The record of work that grew out of the network, and its stages.</summary>
    public static WebApplicationBuilder AddCollaborations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CollaborationService>();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Collaborations", Policies.Member));
        return builder;
    }

    public static IEndpointRouteBuilder MapCollaborations(this IEndpointRouteBuilder app) => app.MapCollaborationsApi();
}
