namespace OpenAlumni.Web.Features.WebApp;

public static class WebAppSetup
{
    /// <summary>The installable app: manifest, icons, the offline page; the service worker is wwwroot/sw.js.</summary>
    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AppIcons>();
        return builder;
    }

    public static IEndpointRouteBuilder MapWebApp(this IEndpointRouteBuilder app) => app.MapWebAppApi();
}
