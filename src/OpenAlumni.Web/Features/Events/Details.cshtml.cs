using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// One event as a member sees it, with what they can do: sign up or cancel, apply to pitch, raise a hand
/// for a pitcher, give feedback (each shown by its flag on the event). The secretariat's actions post to the
/// Edit page, which only admins reach.
/// </summary>
public sealed class DetailsModel(EventService events, RsvpService rsvps, PitchService pitches, CurrentMember current, TimeProvider clock,
    IStringLocalizer<ValidationTexts> texts, IStringLocalizer<EventTexts> E) : PageModel
{
    public EventDto Event { get; private set; } = null!;
    public MemberSession Viewer { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    /// <summary>Why the last action did not happen (a conflict such as "sign-up closed"), shown at the top.</summary>
    public string? Error { get; private set; }

    [BindProperty] public PitchForm Pitch { get; set; } = new();
    [BindProperty] public FeedbackForm Feedback { get; set; } = new();

    public sealed class PitchForm
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public List<string> Seeking { get; set; } = [];
    }

    public sealed class FeedbackForm
    {
        public int? Rating { get; set; }
        public string? Comment { get; set; }
    }

    // What the viewer may do is the event's Can* flags (EventRules, which the services enforce); these only shape the page.
    public bool Started => Now >= Event.StartsAt;
    public PitchDto? MyPitch => Event.Programme.FirstOrDefault(p => p.MemberId == Viewer.MemberId);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Viewer = await current.RequireAsync(ct);
        Now = clock.GetUtcNow();
        var result = await events.GetAsync(id, ct);
        if (!result.IsOk) return false;
        Event = result.Value!;
        return true;
    }

    public async Task<IActionResult> OnPostRsvpAsync(long id, string? mode, CancellationToken ct)
    {
        var result = await rsvps.RsvpAsync(id, mode, ct);
        if (result.IsOk)
        {
            var r = result.Value!;
            TempData["Flash"] = r.Status == "waitlisted" ? E["SignedUpWaitlisted", r.WaitlistPosition ?? 0].Value : E["SignedUpConfirmed"].Value;
            return Redirect($"/events/{id}");
        }
        return await FailAsync(id, result.Status, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostCancelRsvpAsync(long id, CancellationToken ct)
    {
        var result = await rsvps.CancelAsync(id, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = E["RsvpCancelled"].Value;
            return Redirect($"/events/{id}");
        }
        return await FailAsync(id, result.Status, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostPitchAsync(long id, CancellationToken ct)
    {
        var result = await pitches.ApplyAsync(id, new PitchInput(Pitch.Title, Pitch.Summary, Pitch.Seeking), ct);
        if (result.IsOk)
        {
            TempData["Flash"] = E["PitchApplied"].Value;
            return Redirect($"/events/{id}#programme");
        }
        return await FailAsync(id, result.Status, result.Errors, ct, prefix: "Pitch");
    }

    public async Task<IActionResult> OnPostInterestAsync(long id, long pitchId, CancellationToken ct)
    {
        var result = await pitches.InterestAsync(id, pitchId, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = E["InterestSent"].Value;
            return Redirect($"/events/{id}#pitch-{pitchId}");
        }
        return await FailAsync(id, result.Status, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostFeedbackAsync(long id, CancellationToken ct)
    {
        var result = await pitches.FeedbackAsync(id, new FeedbackInput(Feedback.Rating, Feedback.Comment), ct);
        if (result.IsOk)
        {
            TempData["Flash"] = E["FeedbackThanks"].Value;
            return Redirect($"/events/{id}");
        }
        return await FailAsync(id, result.Status, result.Errors, ct, prefix: "Feedback");
    }

    /// <summary>Shows the page again: field errors by their fields, a conflict or refusal at the top.</summary>
    async Task<IActionResult> FailAsync(long id, ResultStatus status, FieldErrors? errors, CancellationToken ct, string prefix = "")
    {
        if (status == ResultStatus.NotFound || !await LoadAsync(id, ct)) return NotFound();
        if (status == ResultStatus.Invalid && prefix.Length > 0) ModelState.AddErrors(errors!, texts, prefix);
        else Error = FormErrors.Message(status, errors, texts);
        return Page();
    }
}
