namespace OpenAlumni.Web.Features.Analytics;

/// <summary>One chart on a page: its data, the filter query string (for the CSV link), and whether it is the printed report.</summary>
public sealed record ChartPartial(ChartDto Chart, string Query, bool Print = false);
