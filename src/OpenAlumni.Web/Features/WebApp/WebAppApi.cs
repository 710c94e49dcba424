using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Settings;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.WebApp;

/// <summary>
/// What makes a network installable: its web app manifest and its icons, per network (its host). Both are public,
/// as the sign-in page links them; the service worker itself is a static file, wwwroot/sw.js.
/// </summary>
public static class WebAppApi
{
    public static IEndpointRouteBuilder MapWebAppApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manifest.webmanifest", Manifest).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/icons/{file}", Icon).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    static IResult Manifest(ITenantContext tenant, IStringLocalizer<WebAppTexts> texts, HttpContext http)
    {
        if (tenant.Tenant is not { } network) return TypedResults.NotFound();
        var version = AppIcons.Version(network);
        var manifest = new
        {
            id = "/",
            name = network.Name,
            short_name = ShortName(network.Name),
            description = texts["ManifestDescription"].Value,
            lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            dir = "ltr",
            start_url = "/",
            scope = "/",
            display = "standalone",
            theme_color = AppIcons.ThemeColor,
            background_color = AppIcons.BackgroundColor,
            icons = AppIcons.Files.Where(f => f.Key != "apple-touch-icon.png").Select(f => new
            {
                src = $"/icons/{f.Key}?v={version}",
                sizes = $"{f.Value.Size}x{f.Value.Size}",
                type = "image/png",
                purpose = f.Value.Maskable ? "maskable" : "any",
            }),
        };
        // Asked again on each visit: a renamed network shows its new name at the next install.
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Text(JsonSerializer.Serialize(manifest), "application/manifest+json; charset=utf-8");
    }

    /// <summary>A launcher shows about twelve characters under the icon: the first word of the name when it fits, else its start.</summary>
    internal static string ShortName(string name)
    {
        var trimmed = name.Trim();
        var first = trimmed.Split(' ', '　')[0];
        if (trimmed.Length <= 12) return trimmed;
        return first.Length is > 0 and <= 12 ? first : trimmed[..12];
    }

    static async Task<IResult> Icon(string file, ITenantContext tenant, AppIcons icons, TenantSettingsService settings, HttpContext http, CancellationToken ct)
    {
        if (!AppIcons.Files.ContainsKey(file) || tenant.Tenant is not { } network) return TypedResults.NotFound();
        var png = await icons.GetAsync(network, file, settings.OpenLogoAsync, ct);
        // The manifest and the layout name the icons with the logo's version: a new logo is a new URL.
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(png, "image/png");
    }
}
