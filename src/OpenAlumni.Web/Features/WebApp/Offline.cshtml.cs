using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace OpenAlumni.Web.Features.WebApp;

/// <summary>
/// The page the service worker shows for a navigation when the network is down. It is fetched once, when the
/// worker installs, so it cannot know the language of a later visit: it speaks both, the request's first. It
/// shows nothing of the member who may be signed in then (no layout, no name), as it stays on the phone.
/// </summary>
public sealed class OfflineModel(IStringLocalizer<WebAppTexts> texts) : PageModel
{
    public sealed record Language(string Culture, string Title, string Text, string Retry, string Tickets);

    public IReadOnlyList<Language> Languages { get; private set; } = [];

    public void OnGet()
    {
        var current = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ja";
        Languages = [In(current), In(current == "ja" ? "en" : "ja")];
    }

    Language In(string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return new(culture, texts["OfflineTitle"], texts["OfflineText"], texts["OfflineRetry"], texts["OfflineTickets"]); }
        finally { CultureInfo.CurrentUICulture = before; }
    }
}
