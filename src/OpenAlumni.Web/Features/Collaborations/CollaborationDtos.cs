namespace OpenAlumni.Web.Features.Collaborations;

/// <summary>Where it started: <c>type</c> one of pitch, post, event, consultation, other; <c>id</c> the record's id (none for other).</summary>
public sealed record OriginInput(string? Type, long? Id = null);

/// <summary>
/// POST /collaborations and PATCH /collaborations/{id}; when editing, a field left out stays as it is.
/// <c>reason</c> (or its alias <c>note</c>) is recorded with a stage change and required when the stage moves backwards.
/// </summary>
public sealed record CollaborationInput(string? Title = null, string? Description = null, string? Stage = null,
    IReadOnlyList<long>? MemberIds = null, IReadOnlyList<string>? Departments = null, OriginInput? Origin = null,
    string? Reason = null, string? Note = null);

public sealed record CollaboratorDto(long Id, string DisplayName);
public sealed record OriginDto(string Type, long? Id, string? Url);
public sealed record StageChangeDto(string? From, string To, DateTimeOffset At, CollaboratorDto? By, string? Reason);

/// <summary>A collaboration; <c>CanEdit</c> and <c>CanDecide</c> are CollaborationRules, as the service enforces them.</summary>
public sealed record CollaborationDto(long Id, string Title, string Description, string Stage, string Status,
    IReadOnlyList<CollaboratorDto> Members, IReadOnlyList<string> Departments, OriginDto? Origin,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset StageChangedAt, bool CanEdit)
{
    /// <summary>May accept or decline this proposal (the secretariat, while it is proposed).</summary>
    public bool CanDecide { get; init; }
}

public sealed record CollaborationDetailDto(CollaborationDto Collaboration, IReadOnlyList<StageChangeDto> History);
public sealed record CollaborationListDto(IReadOnlyList<CollaborationDto> Items, int Page, int PageSize, int Total);
