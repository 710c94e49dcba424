using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// What a member may do with an event, one rule per action (null: allowed; else the <see cref="Refusal"/>
/// that says why). The services enforce them and <see cref="WithPermissions"/> turns the same rules into the
/// event's <c>Can…</c> flags, so a page (or an API client) offers an action exactly when it would be taken.
/// Who may see an event at all is <see cref="EventAudienceRules"/>.
/// </summary>
public static class EventRules
{
    /// <summary>The secretariat's work: create and edit events, see attendees and feedback, decide pitches.</summary>
    public static Refusal? Manage(MemberSession viewer) => viewer.IsAdmin ? null : Refusal.Forbidden;

    /// <summary>
    /// Holding an event (create, edit, publish, cancel): the secretariat, or a moderator of the space the event is in
    /// (<paramref name="moderator"/>). Attendee lists, check-in and pitches stay the secretariat's (<see cref="Manage(MemberSession)"/>).
    /// </summary>
    public static Refusal? Hold(MemberSession viewer, bool moderator) => viewer.IsAdmin || moderator ? null : Refusal.Forbidden;

    /// <summary>A cancelled event stays as it was: no more edits, nor a second cancellation.</summary>
    public static Refusal? Edit(MemberSession viewer, EventStatus status, bool moderator = false) =>
        Hold(viewer, moderator) ?? (status == EventStatus.Cancelled ? Refusal.Conflict("status", "Events.Cancelled") : null);

    public static Refusal? Cancel(MemberSession viewer, EventStatus status, bool moderator = false) => Edit(viewer, status, moderator);

    public static Refusal? Publish(MemberSession viewer, EventStatus status, bool moderator = false) =>
        Hold(viewer, moderator) ?? (status != EventStatus.Draft ? Refusal.Conflict("status", "Events.NotDraft") : null);

    /// <summary>The door opens for a published event only (a draft has no tickets yet; a cancelled one takes no one).</summary>
    public static Refusal? CheckIn(MemberSession viewer, EventStatus status) => Manage(viewer) ?? status switch
    {
        EventStatus.Cancelled => Refusal.Conflict("status", "Events.Cancelled"),
        EventStatus.Draft => Refusal.Conflict("status", "Events.NotPublished"),
        _ => null,
    };

    public static Refusal? DecidePitch(MemberSession viewer, PitchStatus status) =>
        Manage(viewer) ?? (status != PitchStatus.Pending ? Refusal.Conflict("status", "Events.PitchDecided") : null);

    /// <summary>
    /// One's own sign-up, until the event begins: once it has, a freed seat could reach nobody in time, and a
    /// ticket used at the door stays. A cancelled event keeps its sign-ups as they were.
    /// </summary>
    public static Refusal? CancelRsvp(Rsvp? mine, Event e, DateTimeOffset now) =>
        mine is null || mine.Status == RsvpStatus.Cancelled ? Refusal.NotFound
        : mine.CheckedInAt is not null ? Refusal.Conflict("status", "Events.AlreadyCheckedIn")
        : e.Status == EventStatus.Cancelled ? Refusal.Conflict("status", "Events.Cancelled")
        : e.StartsAt <= now ? Refusal.Conflict("status", "Events.RsvpCancelClosed")
        : null;

    /// <summary>A pitch slot is applied for at a published pitch event before it starts, once per member.</summary>
    public static Refusal? ApplyToPitch(Event e, bool applied, DateTimeOffset now) =>
        e.Kind != EventKind.Pitch ? Refusal.Conflict("eventId", "Events.NotPitchEvent")
        : e.Status != EventStatus.Published || e.StartsAt <= now ? Refusal.Conflict("status", "Events.PitchClosed")
        : applied ? Refusal.Conflict("eventId", "Events.PitchExists")
        : null;

    /// <summary>Employees (and the secretariat) raise a hand for pitchers once the event has begun.</summary>
    public static Refusal? RaiseHand(MemberSession viewer, Event e, DateTimeOffset now) =>
        viewer.Kind != MemberKind.Employee && !viewer.IsAdmin ? Refusal.Forbidden
        : e.Status == EventStatus.Cancelled ? Refusal.Conflict("status", "Events.Cancelled")
        : e.StartsAt > now ? Refusal.Conflict("status", "Events.InterestTooEarly")
        : null;

    /// <summary>For one accepted pitch: as <see cref="RaiseHand"/>, and not for one's own.</summary>
    public static Refusal? RaiseHandFor(MemberSession viewer, Event e, long pitcherId, DateTimeOffset now) =>
        RaiseHand(viewer, e, now) ?? (pitcherId == viewer.MemberId ? Refusal.Conflict("pitchId", "Events.InterestOwnPitch") : null);

    /// <summary>Feedback comes from confirmed attendees once the event has ended.</summary>
    public static Refusal? GiveFeedback(Event e, bool confirmed, DateTimeOffset now) =>
        e.Status == EventStatus.Cancelled ? Refusal.Conflict("status", "Events.Cancelled")
        : e.EndsAt > now ? Refusal.Conflict("status", "Events.FeedbackTooEarly")
        : !confirmed ? Refusal.Forbidden
        : null;

    /// <summary>
    /// A business card (名刺) is held by a confirmed attendee of the event; anyone else is refused (403), so that a card
    /// cannot be made for an event one merely sees.
    /// </summary>
    public static Refusal? HoldCard(Rsvp? mine) => mine?.Status == RsvpStatus.Confirmed ? null : Refusal.Forbidden;

    /// <summary>
    /// Cards are exchanged among attendees checked in at the door: being in the room is what the exchange records. Not
    /// yet checked in is a 400 on the code (the attendee can fix it at the door), not a 403.
    /// </summary>
    public static Refusal? ExchangeCards(Rsvp? mine) =>
        HoldCard(mine) ?? (mine!.CheckedInAt is null ? Refusal.Invalid("code", "Events.CardCheckInFirst") : null);

    /// <summary>The online URL is for confirmed attendees and the secretariat.</summary>
    public static bool SeesOnlineUrl(MemberSession viewer, bool confirmed) => confirmed || viewer.IsAdmin;

    /// <summary>The event's flags for this viewer: each is its rule asked now.</summary>
    internal static EventDto WithPermissions(this EventDto dto, MemberSession viewer, Event e, Rsvp? mine, DateTimeOffset now, bool moderator = false) => dto with
    {
        CanManage = Manage(viewer) is null,
        CanEdit = Edit(viewer, e.Status, moderator) is null,
        CanPublish = Publish(viewer, e.Status, moderator) is null,
        CanCancel = Cancel(viewer, e.Status, moderator) is null,
        CanCheckIn = CheckIn(viewer, e.Status) is null,
        CanCancelRsvp = CancelRsvp(mine, e, now) is null,
        CanApplyToPitch = ApplyToPitch(e, dto.Programme.Any(p => p.MemberId == viewer.MemberId), now) is null,
        CanRaiseHand = RaiseHand(viewer, e, now) is null,
        CanGiveFeedback = GiveFeedback(e, mine?.Status == RsvpStatus.Confirmed, now) is null,
        CanHoldCard = HoldCard(mine) is null,
        CanExchangeCards = ExchangeCards(mine) is null,
    };
}
