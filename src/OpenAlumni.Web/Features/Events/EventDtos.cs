namespace OpenAlumni.Web.Features.Events;

/// <summary>POST /events and PATCH /events/{id}. Times are ISO 8601; without an offset they are the network's local time.</summary>
public sealed record EventInput(
    string? Title, string? Description, string? Kind, string? Format, string? StartsAt, string? EndsAt,
    int? Capacity = null, int? CapacityOnline = null, string? Venue = null, string? Address = null, string? MapUrl = null,
    string? OnlineUrl = null, string? SignupDeadline = null, string? Audience = null, bool Publish = false,
    Members.SegmentInput? Segment = null, bool NoCapacityLimit = false, bool NoOnlineCapacityLimit = false, long? SpaceId = null);

public sealed record EventDto(
    long Id, string Title, string Description, string DescriptionHtml, string Kind, string Format, string Status, string Audience,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset? SignupDeadline,
    string? Venue, string? Address, string? MapUrl, string? OnlineUrl,
    int? Capacity, int? CapacityOnline, int ConfirmedCount, int WaitlistedCount, int ConfirmedInPerson, int ConfirmedOnline,
    string? MyStatus, string? MyMode, long? MyTicketId, string? CoverUrl, bool SignupOpen, int AttendedCount,
    IReadOnlyList<PitchDto> Programme)
{
    /// <summary>My place on the waitlist (1 = next), when waitlisted.</summary>
    public int? WaitlistPosition { get; init; }
    /// <summary>The space holding the event (its moderators edit it); null for the network's own.</summary>
    public long? SpaceId { get; init; }

    /// <summary>The finer audience, shown to admins (who set it).</summary>
    public Members.SegmentInput? Segment { get; init; }

    // What the viewer may do now, each flag its rule in EventRules (the same the service enforces).
    /// <summary>The secretariat's tools: attendees, counts, feedback, pitch applications.</summary>
    public bool CanManage { get; init; }
    public bool CanEdit { get; init; }
    public bool CanPublish { get; init; }
    public bool CanCancel { get; init; }
    public bool CanCheckIn { get; init; }
    public bool CanCancelRsvp { get; init; }
    public bool CanApplyToPitch { get; init; }
    /// <summary>May raise a hand for pitchers at this event (see each pitch's own flag: not for one's own).</summary>
    public bool CanRaiseHand { get; init; }
    public bool CanGiveFeedback { get; init; }
    /// <summary>Has a business card for this event and a list of the people met (EventRules.HoldCard): a confirmed attendee.</summary>
    public bool CanHoldCard { get; init; }
    /// <summary>May scan another attendee's card now (EventRules.ExchangeCards): checked in at the door.</summary>
    public bool CanExchangeCards { get; init; }
}

public sealed record EventSummaryDto(
    long Id, string Title, string Kind, string Format, string Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Venue, int? Capacity, int? CapacityOnline, int ConfirmedCount, string? MyStatus);

public sealed record RsvpRequest(string? Mode = null);

public sealed record RsvpDto(long EventId, string Status, string Mode, int? WaitlistPosition);

public sealed record AttendeeDto(long RsvpId, long MemberId, string DisplayName, string Kind, string? Organization,
    string Mode, string Status, DateTimeOffset SignedUpAt, DateTimeOffset? CheckedInAt,
    /// <summary>Did not consent to event photography (APPI purpose eventPhotos): the photographer should leave them out.</summary>
    bool NoPhotos = false);

public sealed record CheckInRequest(string? Code);

public sealed record CheckInDto(long RsvpId, long MemberId, string DisplayName, string Mode, DateTimeOffset CheckedInAt);

public sealed record PitchInput(string? Title, string? Summary, IReadOnlyList<string>? Seeking);

public sealed record PitchDto(long Id, long MemberId, string Speaker, string? SpeakerOrganization, string Title, string Summary,
    IReadOnlyList<string> Seeking, string Status, int InterestCount, bool IInterested, IReadOnlyList<string>? InterestedMembers)
{
    /// <summary>May raise a hand for this pitcher now (EventRules.RaiseHandFor).</summary>
    public bool CanRaiseHand { get; init; }
    /// <summary>May accept or decline this application (EventRules.DecidePitch).</summary>
    public bool CanDecide { get; init; }
}

public sealed record FeedbackInput(int? Rating, string? Comment);

public sealed record FeedbackSummaryDto(int Count, double? AverageRating, IReadOnlyList<FeedbackDto> Items);

public sealed record FeedbackDto(int Rating, string? Comment, DateTimeOffset CreatedAt);

/// <summary>
/// My business card for an event: <c>code</c> is what its QR carries (<c>oa-card:</c> and a random code, not the ticket's),
/// <c>checkedIn</c> whether I may exchange it yet.
/// </summary>
public sealed record MyCardDto(long EventId, string Code, string DisplayName, bool CheckedIn);

/// <summary>POST /events/{id}/cards: the scanned card's <c>code</c> (with or without its prefix) and my own <c>note</c>, optional.</summary>
public sealed record CardInput(string? Code, string? Note = null);

/// <summary>PATCH /events/{id}/cards/{memberId}: my note on that person (empty clears it).</summary>
public sealed record CardNoteInput(string? Note);

/// <summary>A person as a card shows them: the photo, organisation and title only as their visibility allows the reader.</summary>
public sealed record CardPersonDto(long Id, string DisplayName, string? PhotoUrl, string? Organization, string? Title);

/// <summary>
/// Someone I met at an event: when, whether I scanned their card (else they scanned mine), my private note, and whether a
/// message can reach them (approved, and no block between us).
/// </summary>
public sealed record CardExchangeDto(CardPersonDto Member, DateTimeOffset ExchangedAt, bool Scanned, string? Note, bool CanMessage);
