namespace OpenAlumni.Web.Features.Analytics;

/// <summary>One chart on a page: its data, the filter query string (for the CSV link), and whether it is the printed report.</summary>
public sealed record ChartPartial(ChartDto Chart, string Query, bool Print = false);

/// <summary>The outcomes section of the dashboard and the report: totals, attribution, departments; the report lists the notable ones.</summary>
public sealed record OutcomesPartial(OutcomeReportDto Report, string Query, bool Print);
