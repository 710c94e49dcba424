namespace OpenAlumni.Web.Features.Messages;

public sealed record StartConversationInput(IReadOnlyList<long>? MemberIds, string? Body);
public sealed record MessageInput(string? Body);
public sealed record BlockInput(long? MemberId);
public sealed record MessageReportInput(string? Reason);
public sealed record CloseReportInput(string? Note);

public sealed record ParticipantDto(long Id, string DisplayName, string Kind);
public sealed record ConversationCreatedDto(long Id, long MessageId);

/// <summary>A row of "my conversations": the others in it, the newest message's first words, and how many I have not read.</summary>
public sealed record ConversationSummaryDto(long Id, IReadOnlyList<ParticipantDto> Participants, string? LastMessage, DateTimeOffset LastMessageAt, int UnreadCount);
public sealed record ConversationListDto(IReadOnlyList<ConversationSummaryDto> Items, int Page, int PageSize, int Total, int TotalUnread);

/// <summary>A message as every participant receives it (also over the hub); the page marks its reader's own by <see cref="SenderId"/>.</summary>
/// <see cref="FormerMember"/>: the sender deleted themselves and chose to leave their messages (as "former member", with no name).
public sealed record MessageDto(long Id, long ConversationId, long SenderId, string Sender, string Body, string BodyHtml, DateTimeOffset CreatedAt, bool FormerMember = false);

/// <summary>A conversation as a participant reads it. <see cref="CanSend"/> is false when a block stands between its members.</summary>
public sealed record ConversationDto(long Id, IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<MessageDto> Messages, bool CanSend);

public sealed record MessageListDto(IReadOnlyList<MessageDto> Items, long LastId);
public sealed record UnreadDto(int Count);
public sealed record BlockDto(long MemberId, string DisplayName, DateTimeOffset CreatedAt);

/// <summary>A reported message: the one message of a conversation an admin may read, with who reported it and why.</summary>
public sealed record MessageReportDto(long Id, long MessageId, ParticipantDto Sender, string Body, string BodyHtml, DateTimeOffset SentAt,
    ParticipantDto Reporter, string Reason, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? ClosingNote);
public sealed record MessageReportListDto(IReadOnlyList<MessageReportDto> Items, int Page, int PageSize, int Total);
