namespace OpenAlumni.Web.Features.Outcomes;

/// <summary>Where it came from: <c>type</c> one of consultation, event, pitch, post, job, project, collaboration, other; <c>id</c> that record's (none for other; for a consultation, optional: the latest accepted one between two of its members).</summary>
public sealed record OutcomeSourceInput(string? Type, long? Id = null);

/// <summary>
/// POST /outcomes and PATCH /outcomes/{id}; when editing, a field left out stays as it is. <c>date</c> is yyyy-MM-dd
/// (the network's calendar, not after today); <c>valueYen</c> a whole number of yen, or <c>noValue: true</c> to clear it
/// (the report then counts the kind's configured value).
/// </summary>
public sealed record OutcomeInput(string? Kind = null, string? Date = null, IReadOnlyList<long>? MemberIds = null,
    IReadOnlyList<string>? Departments = null, long? ValueYen = null, OutcomeSourceInput? Source = null, string? Note = null, bool? NoValue = null);

/// <summary>A member involved. <c>DisplayName</c> is null where they hid their name from whoever asks (the secretariat always sees it).</summary>
public sealed record OutcomePersonDto(long Id, string? DisplayName, bool NameHidden);

/// <summary>
/// The record it came from. <c>Title</c> and <c>Url</c> only where the record may be shown: never for a consultation
/// (what two people discussed stays theirs), and a post only as a link, read under its own audience rule.
/// </summary>
public sealed record OutcomeSourceDto(string Type, long? Id, string? Title, string? Url);

/// <summary>
/// An outcome. <c>ValueYen</c> as entered; <c>CountedValueYen</c> what the report counts (the kind's configured value
/// when none was entered). <c>CanEdit</c> is OutcomeRules.Keep, as the service enforces it.
/// </summary>
public sealed record OutcomeDto(long Id, string Kind, DateOnly Date, long? ValueYen, long CountedValueYen, OutcomeSourceDto Source,
    IReadOnlyList<OutcomePersonDto> Members, IReadOnlyList<string> Departments, string Note, DateTimeOffset CreatedAt, bool CanEdit);

public sealed record OutcomeListDto(IReadOnlyList<OutcomeDto> Items, int Page, int PageSize, int Total, long ValueYen);

/// <summary>GET /me/outcomes: the outcomes I am part of, and whether I hid my name on each.</summary>
public sealed record MyOutcomeDto(OutcomeDto Outcome, bool MyNameHidden);

/// <summary>PUT /me/outcomes/{id}: hide my name on it (from everyone but the secretariat), or show it again.</summary>
public sealed record MyOutcomeInput(bool HideName);

/// <summary>The value counted per kind for outcomes recorded without one; a kind left out counts nothing.</summary>
public sealed record OutcomeValuesDto(IReadOnlyDictionary<string, long> Values);

/// <summary>How an amount reads on the pages and in the report, in both languages: ¥1,234,000.</summary>
public static class OutcomeFormat
{
    public static string Yen(long value) => "¥" + value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
