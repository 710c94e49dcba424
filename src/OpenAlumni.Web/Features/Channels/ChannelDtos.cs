namespace OpenAlumni.Web.Features.Channels;

/// <summary>
/// POST /admin/channels and PATCH /admin/channels/{id}; when editing, a field left out stays as it is (the kind and the space
/// cannot change: delete the channel and add another). <c>kind</c>: slack, teams or lineworks; <c>url</c>: the incoming
/// webhook's address (write-only: it is never returned); <c>language</c>: ja or en (default: the network's);
/// <c>events</c>: any of announcement, event, project, job; <c>spaceId</c>: a space whose news it hears instead of the network's.
/// </summary>
public sealed record ChannelInput(string? Kind = null, string? Url = null, string? Language = null, IReadOnlyList<string>? Events = null,
    long? SpaceId = null, bool? Paused = null);

/// <summary>How the channel's deliveries went: the last success, the last failure and why, failed attempts since the last success, messages waiting.</summary>
public sealed record ChannelDeliveryDto(DateTimeOffset? LastSentAt, DateTimeOffset? LastFailedAt, string? LastError, int Failures, int Pending);

/// <summary>
/// A channel as the secretariat sees it. <c>url</c> is only the webhook's host and a masked tail (<c>hooks.slack.com/…/x9Qa</c>):
/// the address itself is the channel's secret.
/// </summary>
public sealed record ChannelDto(long Id, string Kind, string Url, string Host, string Language, IReadOnlyList<string> Events, long? SpaceId, string? SpaceName,
    bool Paused, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, ChannelDeliveryDto Delivery);

public sealed record ChannelListDto(IReadOnlyList<ChannelDto> Items, int Page, int PageSize, int Total);

/// <summary>The test message was accepted: <c>receiverStatus</c> is what the receiver answered.</summary>
public sealed record ChannelTestDto(bool Delivered, int ReceiverStatus);

public sealed record ChannelSpaceDto(long Id, string Name);
