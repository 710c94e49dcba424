using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.MemberAdmin;

public sealed record MemberFilter(string? Kind = null, string? Status = null, string? Department = null, int? ActiveDays = null,
    int? InactiveDays = null, string? OpenTo = null, string? Q = null);

public sealed record AdminMemberDto(
    long Id, string FamilyName, string GivenName, string? FamilyNameKana, string? GivenNameKana, string Email, string Kind, string Role,
    string Status, string? Department, int? JoinedYear, int? LeftYear, string? Organization, string? Title, string? Location,
    IReadOnlyList<string> OpenTo, DateTimeOffset CreatedAt, DateTimeOffset? LastActiveAt, string? StatusReason)
{
    public string? RomanizedName { get; init; }
    public string DisplayName => PersonName.Display(FamilyName, GivenName, RomanizedName);
    /// <summary>May be suspended by the admin reading this (MemberAdminRules.Suspend).</summary>
    public bool CanSuspend { get; init; }
    /// <summary>May be reinstated (MemberAdminRules.Reinstate).</summary>
    public bool CanReinstate { get; init; }
}

public sealed record SuspendRequest(string? Reason);
public sealed record ChangeMemberRequest(string? Kind, string? Role);
public sealed record MergeRequest(long DuplicateId);
public sealed record ExportMembersRequest(long[]? MemberIds);
