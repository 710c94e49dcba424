using System.Globalization;
using Microsoft.Extensions.Localization;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// How the pages write an event's dates and seats. The DTOs carry times already in the network's time
/// zone (their offset is the tenant's), so formatting them as they are shows the network's local time.
/// </summary>
public static class EventDisplay
{
    /// <summary>"2026年6月1日（月） 18:30–20:30", or both dates when the event spans days.</summary>
    public static string When(IStringLocalizer<EventTexts> e, DateTimeOffset start, DateTimeOffset end)
    {
        var date = e["DateFormat"].Value;
        var culture = CultureInfo.CurrentCulture;
        var first = start.ToString(date, culture) + " " + start.ToString("HH:mm", culture);
        return start.Date == end.Date
            ? first + "–" + end.ToString("HH:mm", culture)
            : first + " – " + end.ToString(date, culture) + " " + end.ToString("HH:mm", culture);
    }

    public static string Date(IStringLocalizer<EventTexts> e, DateTimeOffset at) =>
        at.ToString(e["DateFormat"].Value, CultureInfo.CurrentCulture) + " " + at.ToString("HH:mm", CultureInfo.CurrentCulture);

    /// <summary>"3 / 30 名", or "3 名（定員なし）" without a limit.</summary>
    public static string Seats(IStringLocalizer<EventTexts> e, int taken, int? capacity) =>
        capacity is { } c ? e["SeatsOf", taken, c].Value : e["SeatsNoLimit", taken].Value;

    public static bool IsFull(int taken, int? capacity) => capacity is { } c && taken >= c;

    /// <summary>The value of an &lt;input type="datetime-local"&gt; for a local time.</summary>
    public static string? ToInput(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
