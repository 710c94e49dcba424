using OpenAlumni.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Events;

public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var member = app.MapGroup("/api/v1/events").RequireAuthorization(Policies.Member).WithTags("Events")
            .AddEndpointFilter(TenantFeatures.Require(TenantFeature.Events));
        member.MapGet("/", List);
        member.MapGet("/{id:long}", Get);
        member.MapPost("/{id:long}/rsvp", Rsvp);
        member.MapDelete("/{id:long}/rsvp", CancelRsvp);
        member.MapGet("/{id:long}/calendar.ics", Calendar).Produces<string>(200, "text/calendar");
        member.MapPost("/{id:long}/pitches", ApplyPitch);
        member.MapPost("/{id:long}/pitches/{pitchId:long}/interest", Interest);
        member.MapPost("/{id:long}/feedback", Feedback);
        // Business cards: a confirmed attendee's card (403 to others); exchanged once both are checked in.
        member.MapGet("/{id:long}/card", MyCard);
        member.MapPost("/{id:long}/cards", ExchangeCards);
        member.MapGet("/{id:long}/cards", PeopleMet);
        member.MapPatch("/{id:long}/cards/{memberId:long}", CardNote);
        // A space's moderators hold events in their space: the service decides (EventRules.Hold).
        member.MapPost("/", Create);
        member.MapPatch("/{id:long}", Update);
        member.MapPost("/{id:long}/publish", Publish);
        member.MapPost("/{id:long}/cancel", Cancel);

        var admin = app.MapGroup("/api/v1/events").RequireAuthorization(Policies.Admin).WithTags("Events (admin)")
            .AddEndpointFilter(TenantFeatures.Require(TenantFeature.Events));
        admin.MapGet("/{id:long}/attendees", Attendees).Produces<IReadOnlyList<AttendeeDto>>().Produces(200, contentType: "text/csv").ProducesProblem(404);
        admin.MapPost("/{id:long}/checkins", CheckIn);
        admin.MapPost("/{id:long}/pitches/{pitchId:long}/accept", AcceptPitch);
        admin.MapPost("/{id:long}/pitches/{pitchId:long}/decline", DeclinePitch);
        admin.MapPut("/{id:long}/cover", SetCover).DisableAntiforgery();
        app.MapGet("/events/{id:long}/cover", Cover).RequireAuthorization(Policies.Member).ExcludeFromDescription();
        admin.MapGet("/{id:long}/feedback", FeedbackSummary);

        app.MapGet("/api/v1/me/calendar", FeedUrl).RequireAuthorization(Policies.Member).WithTags("Events");
        app.MapPost("/api/v1/me/calendar/reset", ResetFeedUrl).RequireAuthorization(Policies.Member).WithTags("Events");
        // The feed is read by calendar apps, which carry no login: the secret token in the URL is the key.
        app.MapGet("/calendar/{token}.ics", Feed).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    static async Task<ApiResult<Ok<PageDto<EventSummaryDto>>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> List(
        string? when, int? page, long? spaceId, EventService events, CancellationToken ct) =>
        (await events.ListAsync(when, page ?? 1, ct, spaceId)).ToHttpResult();

    static async Task<ApiResult<Ok<EventDto>, Problem.NotFound>> Get(long id, EventService events, CancellationToken ct) =>
        (await events.GetAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Created<EventDto>, Problem.Invalid, Problem.Forbidden>> Create(EventInput input, EventService events, CancellationToken ct) =>
        (await events.CreateAsync(input, ct)).ToHttpResult(e => TypedResults.Created($"/api/v1/events/{e.Id}", e));

    static async Task<ApiResult<Ok<EventDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Update(
        long id, EventInput input, EventService events, CancellationToken ct) =>
        (await events.UpdateAsync(id, input, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<EventDto>, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Publish(long id, EventService events, CancellationToken ct) =>
        (await events.PublishAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<EventDto>, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Cancel(long id, EventService events, CancellationToken ct) =>
        (await events.CancelAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<RsvpDto>, Problem.Invalid, Problem.NotFound, Problem.Conflict>> Rsvp(
        long id, RsvpRequest? request, RsvpService rsvps, CancellationToken ct) =>
        (await rsvps.RsvpAsync(id, request?.Mode, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<RsvpDto>, Problem.NotFound, Problem.Conflict>> CancelRsvp(long id, RsvpService rsvps, CancellationToken ct) =>
        (await rsvps.CancelAsync(id, ct)).ToHttpResult();

    static async Task<IResult> Attendees(long id, string? format, RsvpService rsvps, CancellationToken ct)
    {
        if (format == "csv")
        {
            var csv = await rsvps.ExportAttendeesAsync(id, ct);
            return csv.IsOk ? TypedResults.File(csv.Value!, "text/csv; charset=utf-8", $"attendees-{id}.csv") : csv.ToHttpResult();
        }
        return (await rsvps.AttendeesAsync(id, ct)).ToHttpResult();
    }

    static async Task<ApiResult<Ok<CheckInDto>, Problem.Invalid, Problem.NotFound, Problem.Conflict>> CheckIn(
        long id, CheckInRequest? request, RsvpService rsvps, CancellationToken ct) =>
        (await rsvps.CheckInAsync(id, request?.Code, ct)).ToHttpResult();

    static async Task<ApiResult<ContentHttpResult, Problem.NotFound>> Calendar(long id, EventCalendar calendar, CancellationToken ct) =>
        (await calendar.ForEventAsync(id, ct)).ToHttpResult(ics => TypedResults.Text(ics, "text/calendar; charset=utf-8"));

    static async Task<Ok<CalendarFeedDto>> FeedUrl(EventCalendar calendar, CancellationToken ct) =>
        TypedResults.Ok(await calendar.FeedUrlAsync(reset: false, ct));

    static async Task<Ok<CalendarFeedDto>> ResetFeedUrl(EventCalendar calendar, CancellationToken ct) =>
        TypedResults.Ok(await calendar.FeedUrlAsync(reset: true, ct));

    static async Task<IResult> Feed(string token, EventCalendar calendar, CancellationToken ct) =>
        await calendar.FeedAsync(token, ct) is { } ics
            ? TypedResults.Text(ics, "text/calendar; charset=utf-8")
            : TypedResults.NotFound();

    static async Task<ApiResult<Created<PitchDto>, Problem.Invalid, Problem.Conflict>> ApplyPitch(
        long id, PitchInput input, PitchService pitches, CancellationToken ct) =>
        (await pitches.ApplyAsync(id, input, ct)).ToHttpResult(p => TypedResults.Created($"/api/v1/events/{id}", p));

    static async Task<ApiResult<Ok<PitchDto>, Problem.NotFound, Problem.Conflict>> AcceptPitch(long id, long pitchId, PitchService pitches, CancellationToken ct) =>
        (await pitches.DecideAsync(id, pitchId, accept: true, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<PitchDto>, Problem.NotFound, Problem.Conflict>> DeclinePitch(long id, long pitchId, PitchService pitches, CancellationToken ct) =>
        (await pitches.DecideAsync(id, pitchId, accept: false, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<PitchDto>, Problem.Forbidden, Problem.Conflict>> Interest(long id, long pitchId, PitchService pitches, CancellationToken ct) =>
        (await pitches.InterestAsync(id, pitchId, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<FeedbackDto>, Problem.Invalid, Problem.Forbidden, Problem.Conflict>> Feedback(
        long id, FeedbackInput input, PitchService pitches, CancellationToken ct) =>
        (await pitches.FeedbackAsync(id, input, ct)).ToHttpResult();

    /// <remarks>My card's QR payload, <c>{eventId, code: "oa-card:…", displayName, checkedIn}</c>; for the event's confirmed attendees (403 to others).</remarks>
    static async Task<ApiResult<Ok<MyCardDto>, Problem.Forbidden, Problem.NotFound>> MyCard(long id, CardService cards, CancellationToken ct) =>
        (await cards.MyCardAsync(id, ct)).ToHttpResult();

    /// <remarks>
    /// Exchanges cards with the owner of <c>code</c> (a scanned card QR, prefix optional), <c>note</c> my own: 201 with the
    /// person met, 200 if we had exchanged already. 400 by <c>code</c>: unknown (or another network's), another event's,
    /// my own, a ticket, or either of us not checked in; 403 if I am no confirmed attendee, or a block stands between us.
    /// </remarks>
    static async Task<ApiResult<Results<Created<CardExchangeDto>, Ok<CardExchangeDto>>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> ExchangeCards(
        long id, CardInput input, CardService cards, CancellationToken ct) =>
        (await cards.ExchangeAsync(id, input, ct)).ToHttpResult(r => r.Created
            ? (Results<Created<CardExchangeDto>, Ok<CardExchangeDto>>)TypedResults.Created($"/api/v1/events/{id}/cards", r.Met)
            : TypedResults.Ok(r.Met));

    /// <remarks>The people I met at this event, most recent first, each as their visibility allows me, with my note.</remarks>
    static async Task<ApiResult<Ok<PageDto<CardExchangeDto>>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> PeopleMet(
        long id, int? page, CardService cards, CancellationToken ct) =>
        (await cards.PeopleMetAsync(id, page ?? 1, ct)).ToHttpResult();

    /// <remarks>My note on someone I met here (empty clears it); nobody else reads it. 404 if we did not meet at this event.</remarks>
    static async Task<ApiResult<Ok<CardExchangeDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> CardNote(
        long id, long memberId, CardNoteInput input, CardService cards, CancellationToken ct) =>
        (await cards.NoteAsync(id, memberId, input, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<EventDto>, Problem.Invalid, Problem.NotFound>> SetCover(long id, IFormFile? cover, EventService events, CancellationToken ct)
    {
        if (cover is null) return ApiProblem.Invalid("cover", "Validation.Required");
        await using var stream = cover.OpenReadStream();
        return (await events.SetCoverAsync(id, stream, cover.Length, ct)).ToHttpResult();
    }

    static async Task<IResult> Cover(long id, EventService events, CancellationToken ct) =>
        await events.OpenCoverAsync(id, ct) is { } stream ? TypedResults.Stream(stream, "image/jpeg") : TypedResults.NotFound();

    static async Task<ApiResult<Ok<FeedbackSummaryDto>, Problem.NotFound>> FeedbackSummary(long id, PitchService pitches, CancellationToken ct) =>
        (await pitches.FeedbackSummaryAsync(id, ct)).ToHttpResult();
}
