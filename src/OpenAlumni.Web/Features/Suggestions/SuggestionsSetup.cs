using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Suggestions;

public static class SuggestionsSetup
{
    /// <summary>People worth meeting: up to five a week per member, each with its reasons.</summary>
    public static WebApplicationBuilder AddSuggestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SuggestionEngine>();
        builder.Services.AddScoped<SuggestionService>();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Suggestions", Policies.Member).RequireFeature("/Suggestions", TenantFeature.Suggestions));
        return builder;
    }

    public static IEndpointRouteBuilder MapSuggestions(this IEndpointRouteBuilder app) => app.MapSuggestionsApi();
}
