using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.MemberAdmin;

public static class MemberAdminSetup
{
    /// <summary>The secretariat's member management: filters, suspension, kind and role, merging, CSV.</summary>
    public static WebApplicationBuilder AddMemberAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MemberAdminService>();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/MemberAdmin", Policies.Admin));
        return builder;
    }

    public static IEndpointRouteBuilder MapMemberAdmin(this IEndpointRouteBuilder app) => app.MapMemberAdminApi();
}
