using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Moderation;

public static class ModerationSetup
{
    /// <summary>The secretariat's queue of reported posts and comments (decided by the posts' service).</summary>
    public static WebApplicationBuilder AddModeration(this WebApplicationBuilder builder)
    {
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Moderation", Policies.Admin));
        return builder;
    }
}
