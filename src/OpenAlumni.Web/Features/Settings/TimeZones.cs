namespace OpenAlumni.Web.Features.Settings;

/// <summary>The IANA time zones the settings page offers, sorted; on Windows the system's ids are converted.</summary>
public static class TimeZones
{
    static readonly Lazy<IReadOnlyList<string>> ids = new(() => TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : null)
        .OfType<string>().Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    public static IReadOnlyList<string> Ids => ids.Value;

    /// <summary>The list, with the network's current value in it even when this system does not list it.</summary>
    public static IReadOnlyList<string> With(string? current) =>
        string.IsNullOrWhiteSpace(current) || Ids.Contains(current) ? Ids : [.. Ids.Append(current).Order(StringComparer.Ordinal)];
}
