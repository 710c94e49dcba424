using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Analytics;

public static class AnalyticsSetup
{
    /// <summary>The secretariat's dashboard and value report, and the member activity they count.</summary>
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AnalyticsService>();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Analytics", Policies.Admin));
        return builder;
    }

    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder app) => app.MapAnalyticsApi();
}
