namespace OpenAlumni.Web.Features.Analytics;

/// <summary>The dashboard's filters: a period (local dates, inclusive) and a segment of members.</summary>
public sealed record AnalyticsQuery(string? From = null, string? To = null, string? Kind = null, string? Department = null, long? SpaceId = null);

/// <summary>One labelled series of a chart (a line, a bar group).</summary>
public sealed record SeriesDto(string Name, IReadOnlyList<double> Values);

/// <summary>A chart as data: its labels (x axis) and series; the page draws it, shows it as a table, and offers it as CSV.
/// Partial, on charts by month: per label, whether that month is not whole in the data (still under way, or cut by the
/// period), so a low last value reads as "so far" and not as a drop.</summary>
public sealed record ChartDto(string Id, IReadOnlyList<string> Labels, IReadOnlyList<SeriesDto> Series, IReadOnlyList<bool>? Partial = null);

/// <summary>Collaborations: under way (not stopped) at the period's end. RehireInterests: interests raised for openings (hires are not recorded).</summary>
public sealed record HeadlineDto(int Members, int NewMembers, int ActiveMonthly, int ActiveWeekly, int Posts, int EventsHeld,
    int Signups, double AttendanceRate, int StaleProfiles, double StaleShare, int ConsultationsRequested, int ConsultationsAccepted, int Collaborations, int RehireInterests);

public sealed record AnalyticsDto(string From, string To, string? Kind, string? Department, HeadlineDto Headline, IReadOnlyList<ChartDto> Charts,
    IReadOnlyList<FeaturedCollaborationDto>? Featured = null)
{
    /// <summary>The space segment, if any: the figures are those of its members.</summary>
    public long? SpaceId { get; init; }
    /// <summary>The outcome report of the period (and segment): what the network produced, and from what.</summary>
    public OutcomeReportDto? Outcomes { get; init; }
    /// <summary>People worth meeting in the period: suggestions made and the share followed up.</summary>
    public SuggestionReportDto? Suggestions { get; init; }
    public ChartDto? Chart(string id) => Charts.FirstOrDefault(c => c.Id == id);
}
