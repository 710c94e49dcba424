using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// The door (admins only, by AppSetup's convention): the camera reads tickets' QR codes (wwwroot/js/checkin.js),
/// a code can be typed or pasted, or an attendee checked in from the list. The handlers answer JSON to the
/// script and a page without it; the list polls <see cref="OnGetAttendanceAsync"/>.
/// </summary>
public sealed class CheckInModel(EventService events, RsvpService rsvps, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<EventTexts> E) : PageModel
{
    public EventDto Event { get; private set; } = null!;
    public AttendanceJson Attendance { get; private set; } = null!;
    /// <summary>The outcome of the last check-in, when the page was posted without script.</summary>
    public CheckInOutcome? Outcome { get; private set; }

    public sealed record CheckInOutcome(bool Ok, string Message);
    public sealed record AttendeeRow(long RsvpId, string Name, string? Organization, string Mode, string? CheckedInAt);
    public sealed record AttendanceJson(int Confirmed, int Waitlisted, int Attended, IReadOnlyList<AttendeeRow> Items);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The live list: confirmed attendees with their check-in time, and the counts.</summary>
    public async Task<IActionResult> OnGetAttendanceAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(Attendance);
    }

    public async Task<IActionResult> OnPostCodeAsync(long id, string? code, CancellationToken ct) =>
        await AnswerAsync(id, await rsvps.CheckInAsync(id, code, ct), ct);

    public async Task<IActionResult> OnPostManualAsync(long id, long rsvpId, CancellationToken ct) =>
        await AnswerAsync(id, await rsvps.CheckInByIdAsync(id, rsvpId, ct), ct);

    async Task<IActionResult> AnswerAsync(long id, Result<CheckInDto> result, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Outcome = result.Status switch
        {
            ResultStatus.Ok => new CheckInOutcome(true, E["CheckedInOk", result.Value!.DisplayName, E["Mode." + result.Value.Mode]]),
            ResultStatus.NotFound => new CheckInOutcome(false, texts["Events.TicketUnknown"]),
            _ => new CheckInOutcome(false, result.Message(texts)),
        };
        if (!Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)) return Page();
        var status = result.Status switch
        {
            ResultStatus.Ok => StatusCodes.Status200OK,
            ResultStatus.Conflict => StatusCodes.Status409Conflict,
            ResultStatus.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        return new JsonResult(new { Outcome.Ok, Outcome.Message, Attendance }) { StatusCode = status };
    }

    async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var e = await events.GetAsync(id, ct);
        if (!e.IsOk) return false;
        Event = e.Value!;
        var people = (await rsvps.AttendeesAsync(id, ct)).Value ?? [];
        var rows = people.Where(a => a.Status == "confirmed")
            .Select(a => new AttendeeRow(a.RsvpId, a.DisplayName, a.Organization, E["Mode." + a.Mode], a.CheckedInAt?.ToString("HH:mm"))).ToList();
        Attendance = new AttendanceJson(Event.ConfirmedCount, Event.WaitlistedCount, Event.AttendedCount, rows);
        return true;
    }
}
