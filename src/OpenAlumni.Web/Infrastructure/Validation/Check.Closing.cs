using System.Globalization;

namespace OpenAlumni.Web.Infrastructure;

public static partial class Check
{
    /// <summary>
    /// A closing moment (an opening's, a project's): a date is the end of that day in <paramref name="zone"/>; a
    /// date-time is read as <see cref="Moment"/> reads it. Either must lie after <paramref name="now"/> unless <paramref name="allowPast"/>.
    /// </summary>
    public static DateTimeOffset? Closing(FieldErrors errors, string field, string? value, TimeZoneInfo zone, DateTimeOffset now, bool allowPast)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add(field, "Validation.Required"); return null; }
        DateTimeOffset at;
        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // Checked before the offset is applied: 9999-12-31 in a zone west of UTC would not fit a DateTimeOffset.
            if (date.Year is < 2000 or > 2200) { errors.Add(field, "Jobs.ClosingDateInvalid"); return null; }
            var endOfDay = date.ToDateTime(new TimeOnly(23, 59));
            at = new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay));
        }
        else if (text.Length > 10 && Moment(text, zone) is { } exact) at = exact;
        else { errors.Add(field, "Jobs.ClosingDateInvalid"); return null; }
        if (at.Year is < 2000 or > 2200) { errors.Add(field, "Jobs.ClosingDateInvalid"); return null; }
        if (at <= now && !allowPast) { errors.Add(field, "Jobs.ClosingDateInPast"); return null; }
        return at.ToUniversalTime();
    }

    /// <summary>
    /// A date-time as a form or a client writes it: with an offset (<c>2026-12-10T18:00+09:00</c>, <c>…Z</c>) it is that moment;
    /// without one (a <c>datetime-local</c> field) it is the wall-clock time in <paramref name="zone"/>, the network's, never the
    /// server's. Null when it is not a date-time between the years 2000 and 2200.
    /// </summary>
    public static DateTimeOffset? Moment(string text, TimeZoneInfo zone)
    {
        var v = text.Trim();
        var hasOffset = v.EndsWith('Z') || OffsetSuffix().IsMatch(v);
        if (hasOffset)
            return DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && withOffset.Year is > 2000 and < 2200
                ? withOffset : null;
        if (!DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || local.Year is <= 2000 or >= 2200) return null;
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[+-]\d\d:?\d\d$")]
    private static partial System.Text.RegularExpressions.Regex OffsetSuffix();
}
