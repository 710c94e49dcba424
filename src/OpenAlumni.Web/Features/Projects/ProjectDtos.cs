namespace OpenAlumni.Web.Features.Projects;

/// <summary>
/// POST /projects and PATCH /projects/{id}; when editing, a field left out stays as it is. <c>startsOn</c>, <c>endsOn</c>:
/// yyyy-MM-dd; <c>closesAt</c>: a date (the end of that day in the network's time zone) or a date-time with offset;
/// <c>remote</c>: onsite, hybrid or remote; <c>hoursPerWeek</c> 1 to 60 (0: not said); no fee at all: "to discuss"
/// (<c>feeToDiscuss: true</c> clears the range before any bound given is set).
/// </summary>
public sealed record ProjectInput(string? Title = null, string? Description = null, string? Skills = null, string? Department = null,
    string? StartsOn = null, string? EndsOn = null, int? HoursPerWeek = null, string? Remote = null, string? Place = null,
    long? FeeMinYen = null, long? FeeMaxYen = null, bool? FeeToDiscuss = null, string? ClosesAt = null, bool? Confidential = null, string? Status = null);

public sealed record ApplicationInput(string? Note);

/// <summary>PATCH an application: <c>status</c> shortlisted or declined, with an <c>answer</c> the applicant reads.</summary>
public sealed record DecisionInput(string? Status, string? Answer);

/// <summary>Engaging an applicant records a side-project outcome; <c>valueYen</c>: the engagement's value, if known.</summary>
public sealed record EngageInput(long? ValueYen = null);

public sealed record ProjectPersonDto(long Id, string DisplayName);

/// <summary>My application to a project, as I see it.</summary>
public sealed record MyApplicationDto(long Id, string Status, string Note, string Answer, DateTimeOffset CreatedAt);

/// <summary>
/// A project as a member sees it. <c>Description</c> is null when the project is confidential and the reader is not
/// one who may read it (<c>detailsHidden</c>). <c>matches</c>: how many of its skills are among the reader's.
/// <c>status</c> is <c>closed</c> once the closing date has passed.
/// </summary>
public sealed record ProjectDto(long Id, string Title, string? Description, string? DescriptionHtml, IReadOnlyList<string> Skills, string Department,
    DateOnly? StartsOn, DateOnly? EndsOn, int? HoursPerWeek, string Remote, string Place, long? FeeMinYen, long? FeeMaxYen, DateTimeOffset ClosesAt,
    bool Confidential, bool DetailsHidden, string Status, ProjectPersonDto PostedBy, DateTimeOffset CreatedAt, int Matches,
    MyApplicationDto? MyApplication, int? ApplicationCount, bool CanManage, bool CanApply);

public sealed record ProjectListDto(IReadOnlyList<ProjectDto> Items, int Page, int PageSize, int Total);

/// <summary>An application as the poster sees it: who, their note, where it stands, and the outcome an engagement recorded.</summary>
public sealed record ApplicationDto(long Id, ProjectPersonDto Member, string Note, string Status, string Answer, DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt, long? OutcomeId);

/// <summary>How a project's terms read on the pages, in the reader's language: period, hours, place, fee, closing day.</summary>
public static class ProjectFormat
{
    public static string Fee(Microsoft.Extensions.Localization.IStringLocalizer<ProjectTexts> p, long? min, long? max) => (min, max) switch
    {
        (null, null) => p["FeeToDiscuss"],
        ({ } a, null) => p["FeeFrom", Outcomes.OutcomeFormat.Yen(a)],
        (null, { } b) => p["FeeUpTo", Outcomes.OutcomeFormat.Yen(b)],
        ({ } a, { } b) when a == b => Outcomes.OutcomeFormat.Yen(a),
        ({ } a, { } b) => $"{Outcomes.OutcomeFormat.Yen(a)}〜{Outcomes.OutcomeFormat.Yen(b)}",
    };

    public static string Period(DateOnly? from, DateOnly? to) =>
        from is null && to is null ? "" : $"{from?.ToString("yyyy-MM-dd")}〜{to?.ToString("yyyy-MM-dd")}";

    public static string Summary(Microsoft.Extensions.Localization.IStringLocalizer<ProjectTexts> p, ProjectDto x)
    {
        var parts = new List<string>();
        if (x.Department.Length > 0) parts.Add(x.Department);
        if (Period(x.StartsOn, x.EndsOn) is { Length: > 0 } period) parts.Add(period);
        if (x.HoursPerWeek is { } h) parts.Add(p["HoursPerWeekShort", h]);
        if (x.Place.Length > 0) parts.Add(x.Place);
        parts.Add(Fee(p, x.FeeMinYen, x.FeeMaxYen));
        parts.Add(p["ClosesOn", x.ClosesAt.ToString("yyyy-MM-dd")]);
        return string.Join(" · ", parts);
    }
}
