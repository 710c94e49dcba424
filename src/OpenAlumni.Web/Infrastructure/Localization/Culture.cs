using System.Globalization;
using Microsoft.AspNetCore.Localization;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Infrastructure.Localization;

/// <summary>Marker for the shared validation messages (ValidationTexts.resx, ValidationTexts.ja.resx).</summary>
public sealed class ValidationTexts;

/// <summary>Marker for the layout and common UI strings (SharedTexts.resx, SharedTexts.ja.resx).</summary>
public sealed class SharedTexts;

public static class Cultures
{
    public static readonly string[] Supported = ["ja", "en"];

    public static string Normalize(string? culture) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en"
        : culture is not null && culture.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja" : "ja";

    /// <summary>Items joined as a list is written in the current language: 「A、B」 in Japanese, "A, B" in English.</summary>
    public static string List(IEnumerable<string> items) =>
        string.Join(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? ", " : "、", items);

    /// <summary>Runs code (a mail to someone else, say) in another language, restoring the request's after.</summary>
    public static IDisposable Use(string? culture)
    {
        var (ui, c) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(Normalize(culture));
        return new Restore(() => { CultureInfo.CurrentUICulture = ui; CultureInfo.CurrentCulture = c; });
    }

    sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    public static IApplicationBuilder UseAlumniLocalization(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture("ja")
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.FallBackToParentCultures = true;
        // Order: ?culture= (links), the cookie (the switcher and the user's saved choice), the browser,
        // and last the tenant's default language.
        options.RequestCultureProviders =
        [
            .. RequestProviders(),
            new CustomRequestCultureProvider(http =>
            {
                var tenant = http.RequestServices.GetRequiredService<ITenantContext>().Tenant;
                return Task.FromResult<ProviderCultureResult?>(tenant is null ? null : new ProviderCultureResult(Normalize(tenant.DefaultCulture)));
            }),
        ];
        return app.UseRequestLocalization(options);
    }

    /// <summary>What the request itself says: ?culture=, the cookie, the browser's Accept-Language.</summary>
    static RequestCultureProvider[] RequestProviders() =>
        [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];

    /// <summary>
    /// The language the middleware chooses for a request, for code that runs outside it: a SignalR hub's calls
    /// run in the connection's loop, not in a request of their own. The same providers in the same order; the
    /// first that names a supported language wins, then the tenant's default.
    /// </summary>
    public static async Task<string> OfRequestAsync(HttpContext http, string? tenantDefault)
    {
        foreach (var provider in RequestProviders())
        {
            var result = await provider.DetermineProviderCultureResult(http);
            var chosen = result?.UICultures.Select(c => c.Value).FirstOrDefault(c => c is not null
                && Supported.Any(s => c.Equals(s, StringComparison.OrdinalIgnoreCase) || c.StartsWith(s + "-", StringComparison.OrdinalIgnoreCase)));
            if (chosen is not null) return Normalize(chosen);
        }
        return Normalize(tenantDefault);
    }

    public static void RememberCulture(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Normalize(culture))),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
