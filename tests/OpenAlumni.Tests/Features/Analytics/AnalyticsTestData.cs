using System.Text.Json;

namespace OpenAlumni.Tests.Features.Analytics;

/// <summary>The quarter the analytics tests look at, and reading a chart's series.</summary>
public static class AnalyticsTestData
{
    public const string Period = "from=2025-01-01&to=2025-03-31";
    public static DateTimeOffset At(int month, int day) => new(2025, month, day, 3, 0, 0, TimeSpan.Zero);

    public static double[] Series(JsonElement data, string chart, string series) =>
        data.GetProperty("charts").EnumerateArray().First(c => c.GetProperty("id").GetString() == chart)
            .GetProperty("series").EnumerateArray().First(s => s.GetProperty("name").GetString() == series)
            .GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
