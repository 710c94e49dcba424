using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Events;

/// <summary>The attendee list of an event, its counts and feedback (admins only, by AppSetup's convention).</summary>
public sealed class AttendeesModel(EventService events, RsvpService rsvps, PitchService pitches) : PageModel
{
    public EventDto Event { get; private set; } = null!;
    public IReadOnlyList<AttendeeDto> Attendees { get; private set; } = [];
    public FeedbackSummaryDto Feedback { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var e = await events.GetAsync(id, ct);
        if (!e.IsOk) return NotFound();
        Event = e.Value!;
        Attendees = (await rsvps.AttendeesAsync(id, ct)).Value ?? [];
        Feedback = (await pitches.FeedbackSummaryAsync(id, ct)).Value!;
        return Page();
    }
}
