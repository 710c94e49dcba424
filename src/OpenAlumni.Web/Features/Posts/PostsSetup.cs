using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Posts;

public static class PostsSetup
{
    /// <summary>The rooms: announcements, updates, notices; comments, reactions, reports.</summary>
    public static WebApplicationBuilder AddPosts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PostService>();
        builder.Services.AddScoped<PostInteractionService>();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Posts", Policies.Member));
        return builder;
    }

    public static IEndpointRouteBuilder MapPosts(this IEndpointRouteBuilder app) => app.MapPostsApi();
}
