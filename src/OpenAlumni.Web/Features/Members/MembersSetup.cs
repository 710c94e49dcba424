using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Members;

public static class MembersSetup
{
    /// <summary>Profiles, photos and the directory.</summary>
    public static WebApplicationBuilder AddMembers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MemberService>();
        builder.Services.AddScoped<ProfileLinks>();
        builder.Services.AddScoped<DirectoryService>();
        builder.Services.AddSingleton<PhotoProcessor>();
        builder.Services.AddPageRules(pages =>
        {
            pages.AuthorizeFolder("/Members", Policies.Member);
            // Opened from the yearly mail: the signed link is the credential, no sign-in needed.
            pages.AllowAnonymousToPage("/Members/ConfirmProfile");
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app) => app.MapMembersApi();
}
