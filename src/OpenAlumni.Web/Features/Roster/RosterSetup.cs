using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Roster;

public static class RosterSetup
{
    /// <summary>The roster of former employees, its import, and personal invitations.</summary>
    public static WebApplicationBuilder AddRoster(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RosterService>();
        builder.Services.AddScoped<RosterMatcher>();
        builder.Services.AddScoped<InvitationService>();
        builder.Services.AddPageRules(pages =>
        {
            pages.AuthorizeFolder("/Roster", Policies.Admin);
            // The invitation link is the credential of the person who has no account yet.
            pages.AllowAnonymousToPage("/Roster/Join");
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapRoster(this IEndpointRouteBuilder app) => app.MapRosterApi();
}
