using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Community;

public static class CommunitySetup
{
    /// <summary>The public page for the intranet and its widget (anyone, when switched on); admins configure it.</summary>
    public static WebApplicationBuilder AddCommunity(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CommunityService>();
        builder.Services.AddPageRules(pages => pages.AuthorizePage("/Community/Admin", Policies.Admin));
        return builder;
    }

    public static IEndpointRouteBuilder MapCommunity(this IEndpointRouteBuilder app) => app.MapCommunityApi();
}
