using Microsoft.Extensions.Localization;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>What the dashboard, the report and the CSV share to show a chart in the reader's language.</summary>
public static class AnalyticsView
{
    /// <summary>An x-axis label: a wire name (funnel step, room) has a text; a month or a date is shown as it is.</summary>
    public static Func<string, string> Label(IStringLocalizer<AnalyticsTexts> a) =>
        label => a["Label." + label] is { ResourceNotFound: false } text ? text.Value : label;

    public static readonly string[] Charts = ["members", "funnel", "active", "weekly", "rooms", "events", "consultations", "collaborations", "rehires", "outcomes", "outcomeValue"];

    /// <summary>How each chart is drawn by Chart.js.</summary>
    public static string Type(string chart) => chart switch
    {
        "members" or "active" or "weekly" or "collaborations" => "line",
        _ => "bar",
    };

    /// <summary>The chart as Chart.js data, labels and series names translated.</summary>
    public static object ChartJs(ChartDto c, IStringLocalizer<AnalyticsTexts> a)
    {
        var label = Label(a);
        return new
        {
            id = c.Id,
            type = Type(c.Id),
            // Outcomes per kind: one bar a month, in parts, rather than six thin bars.
            stacked = c.Id == "outcomes",
            title = a["Chart." + c.Id].Value,
            labels = c.Labels.Select(label).ToList(),
            datasets = c.Series.Select(s => new { label = a["Series." + s.Name].Value, data = s.Values }).ToList(),
            partial = c.Partial,
        };
    }
}
