using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>The value report: one printable page for management (the browser's print makes the PDF).</summary>
public sealed class ReportModel(AnalyticsService analytics, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<AnalyticsTexts> a, Spaces.SpaceService spaces)
    : AnalyticsPageModel(analytics, texts, a, spaces)
{
    public static readonly string[] KeyCharts = ["members", "active", "rooms", "events", "outcomes", "outcomeValue"];

    protected override bool Draws(ChartDto chart) => KeyCharts.Contains(chart.Id);
}
