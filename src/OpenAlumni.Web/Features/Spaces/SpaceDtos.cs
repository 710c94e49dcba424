using System.Globalization;

namespace OpenAlumni.Web.Features.Spaces;

/// <summary>POST /spaces and PATCH /spaces/{id}; a field left out stays as it is when editing.</summary>
public sealed record SpaceInput(string? Name = null, string? Description = null, string? Kind = null, string? Visibility = null,
    string? NameEn = null, string? DescriptionEn = null);

/// <summary>
/// A space as a member sees it. <c>MyStatus</c>: member, pending, invited or null; <c>MyRole</c>: member or moderator;
/// <c>MyNotify</c>: everything, highlights or nothing. The <c>Can…</c> flags are <see cref="SpaceRules"/>.
/// </summary>
public sealed record SpaceDto(long Id, string Name, string? NameEn, string Description, string? DescriptionEn, string Kind, string Visibility,
    string? ImageUrl, int MemberCount, string? MyStatus, string? MyRole, string? MyNotify, DateTimeOffset CreatedAt)
{
    static bool InEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    /// <summary>The name in the reader's language (English when the space has an English name and the reader reads English).</summary>
    public string ShownName => InEnglish && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
    public string ShownDescription => InEnglish && !string.IsNullOrWhiteSpace(DescriptionEn) ? DescriptionEn : Description;

    public bool CanManage { get; init; }
    public bool CanModerate { get; init; }
    public bool CanJoin { get; init; }
    public bool CanLeave { get; init; }
    /// <summary>May read its posts, events and members (open, or a member, or the secretariat).</summary>
    public bool CanRead { get; init; }
    public bool CanPost { get; init; }
    /// <summary>Join requests waiting (for those who decide them; 0 for others).</summary>
    public int PendingCount { get; init; }
}

/// <summary>The answer to a join: member (201) or pending (202, a moderator decides).</summary>
public sealed record JoinDto(string Status);

public sealed record SpaceMemberDto(long MemberId, string DisplayName, string Kind, string Status, string Role, DateTimeOffset? JoinedAt, bool HasPhoto);

public sealed record SpaceNotifyInput(string? Level);

/// <summary>A space's activity in a period (members now; joins, posts, comments, events and attendance in the period).</summary>
public sealed record SpaceActivityDto(long SpaceId, int Members, int Moderators, int PendingRequests, int Joined, int Posts, int Comments,
    int Events, int Confirmed, int CheckedIn, DateOnly From, DateOnly To);

public sealed record SupporterDto(long MemberId, string DisplayName, DateTimeOffset AppointedAt);
