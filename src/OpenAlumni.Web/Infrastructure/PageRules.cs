using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>
/// Lets a feature's setup declare who may open its pages, next to its services, instead of one central
/// list: each call adds to the Razor Pages options that <c>AddRazorPages</c> reads when the app starts.
/// </summary>
public static class PageRules
{
    public static IServiceCollection AddPageRules(this IServiceCollection services, Action<PageConventionCollection> rules) =>
        services.Configure<RazorPagesOptions>(o => rules(o.Conventions));

    /// <summary>The folder's pages answer 404 while the network has switched the feature off.</summary>
    public static PageConventionCollection RequireFeature(this PageConventionCollection pages, string folder, TenantFeature feature)
    {
        pages.AddFolderApplicationModelConvention(folder, m => m.Filters.Add(new FeaturePageFilter(feature)));
        return pages;
    }
}
