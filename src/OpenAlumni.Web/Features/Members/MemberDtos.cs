namespace OpenAlumni.Web.Features.Members;

/// <summary>The registration's part of a profile, checked by <see cref="MemberService.ValidateDraft"/>.</summary>
public sealed record ProfileDraft(string? FamilyName, string? GivenName, string? FamilyNameKana, string? GivenNameKana,
    string? Department, int? JoinedYear, int? LeftYear);

public sealed record CareerDto(string Department, int? FromYear, int? ToYear);

/// <summary>Visibility per field; sent to the owner (and admins), accepted in PATCH /members/me.</summary>
public sealed record VisibilityDto(
    string? Photo = null, string? Organization = null, string? Career = null, string? Tags = null,
    string? Location = null, string? Bio = null, string? Links = null, string? OpenTo = null, string? Email = null);

/// <summary>A profile as a given viewer may see it: a hidden field is null (or empty), never present.</summary>
public sealed record MemberDto(
    long Id, string Kind, string DisplayName, string FamilyName, string GivenName,
    string? FamilyNameKana, string? GivenNameKana, string? RomanizedName, string? PhotoUrl,
    string? Organization, string? Title, IReadOnlyList<CareerDto>? Career,
    IReadOnlyList<string>? Skills, IReadOnlyList<string>? Interests, string? Location, string? Bio,
    IReadOnlyList<string>? Links, IReadOnlyList<string>? OpenTo, string? Email,
    string? Role, string? Status, VisibilityDto? Visibility, DateTimeOffset UpdatedAt, bool IsMe,
    bool? FeatureOnCommunity = null, DateTimeOffset? ConfirmedAt = null)
{
    /// <summary>How much and when the member takes side projects; seen as <see cref="OpenTo"/> is.</summary>
    public string? Availability { get; init; }
}

/// <summary>One row of the directory.</summary>
public sealed record MemberCardDto(
    long Id, string Kind, string DisplayName, string? FamilyNameKana, string? GivenNameKana, string? RomanizedName,
    string? PhotoUrl, string? Organization, string? Title, IReadOnlyList<string>? Departments,
    IReadOnlyList<string>? Skills, IReadOnlyList<string>? OpenTo, string? Location)
{
    /// <summary>The name as written when <see cref="DisplayName"/> is the romanised one (English), else null.</summary>
    public string? OriginalName { get; init; }
}

public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>PATCH /members/me: a field left out (null) stays; an empty string clears it; a list replaces.</summary>
public sealed record UpdateProfileRequest(
    string? FamilyName = null, string? GivenName = null, string? FamilyNameKana = null, string? GivenNameKana = null,
    string? RomanizedName = null, string? Organization = null, string? Title = null,
    IReadOnlyList<CareerDto>? Career = null, IReadOnlyList<string>? Skills = null, IReadOnlyList<string>? Interests = null,
    string? Location = null, string? Bio = null, IReadOnlyList<string>? Links = null, IReadOnlyList<string>? OpenTo = null,
    VisibilityDto? Visibility = null, bool? FeatureOnCommunity = null, string? Availability = null);

/// <summary>A directory search. <see cref="Cursor"/>, when given, is a page's <c>nextCursor</c> and replaces <see cref="Page"/>.</summary>
public sealed record DirectoryQuery(string? Q = null, string? Kind = null, string? Skill = null, string? Department = null,
    string? Organization = null, string? OpenTo = null, int Page = 1, int PageSize = 20, string? Cursor = null, long? SpaceId = null)
{
    /// <summary>Only these members (a feature showing chosen people as directory cards, e.g. suggestions); not bound from the API.</summary>
    public IReadOnlyCollection<long>? Ids { get; init; }
}

/// <summary>
/// A directory page. <see cref="Total"/> is exact up to 10,000; beyond, it says 10,000 and <see cref="TotalIsLowerBound"/>
/// is true. <see cref="NextCursor"/> opens the next page (null on the last): follow it rather than asking for page N+1,
/// so that page 2,000 costs what page 1 costs.
/// </summary>
public sealed record DirectoryPageDto(IReadOnlyList<MemberCardDto> Items, int Page, int PageSize, int Total, bool TotalIsLowerBound, string? NextCursor)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasNext => NextCursor is not null;
}
