using System.Globalization;

namespace OpenAlumni.Web.Infrastructure;

public static partial class Check
{
    /// <summary>
    /// A closing moment (an opening's, a project's): a date is the end of that day in <paramref name="zone"/>; a
    /// date-time must carry its offset. Either must lie after <paramref name="now"/> unless <paramref name="allowPast"/>.
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
        else if (text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact)) at = exact;
        else { errors.Add(field, "Jobs.ClosingDateInvalid"); return null; }
        if (at.Year is < 2000 or > 2200) { errors.Add(field, "Jobs.ClosingDateInvalid"); return null; }
        if (at <= now && !allowPast) { errors.Add(field, "Jobs.ClosingDateInPast"); return null; }
        return at.ToUniversalTime();
    }
}
