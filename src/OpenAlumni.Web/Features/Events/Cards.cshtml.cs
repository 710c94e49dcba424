using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// Business cards at an event, for its confirmed attendees (else 404, like the ticket): once checked in, the camera reads
/// another attendee's card QR (wwwroot/js/cards.js) or the code is typed, with a note; and the people I met here, each
/// with my note and a follow-up message. The handlers answer JSON to the script and a page without it.
/// </summary>
public sealed class CardsModel(EventService events, CardService cards, TimeProvider clock, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<EventTexts> E) : PageModel
{
    public EventDto Event { get; private set; } = null!;
    public PageDto<CardExchangeDto> Met { get; private set; } = null!;
    /// <summary>The outcome of the last scan, when the page was posted without script.</summary>
    public ScanOutcome? Outcome { get; private set; }
    /// <summary>What was typed, kept when the exchange was refused.</summary>
    public string? Code { get; private set; }
    public string? Note { get; private set; }

    public sealed record ScanOutcome(bool Ok, string Message);

    /// <summary>After the event, the people met come first on a phone: that is what one comes back for.</summary>
    public bool Ended => clock.GetUtcNow() >= Event.EndsAt;

    public async Task<IActionResult> OnGetAsync(long id, int? p, CancellationToken ct) =>
        await LoadAsync(id, p ?? 1, ct) ? Page() : NotFound();

    /// <summary>The list alone, which the script puts in place after an exchange.</summary>
    public async Task<IActionResult> OnGetPeopleAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, 1, ct) ? Partial("_PeopleMet", this) : NotFound();

    public async Task<IActionResult> OnPostCodeAsync(long id, string? code, string? note, CancellationToken ct)
    {
        var result = await cards.ExchangeAsync(id, new CardInput(code, note), ct);
        if (result.Status == ResultStatus.NotFound || !await LoadAsync(id, 1, ct)) return NotFound();
        Outcome = result.IsOk
            ? new ScanOutcome(true, E[result.Value.Created ? "CardsExchanged" : "CardsAlreadyExchanged", result.Value.Met.Member.DisplayName])
            : new ScanOutcome(false, result.Message(texts));
        if (!Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            if (!result.IsOk) (Code, Note) = (code, note);
            return Page();
        }
        var status = result.Status switch
        {
            ResultStatus.Ok => result.Value.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK,
            ResultStatus.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return new JsonResult(new { Outcome.Ok, Outcome.Message }) { StatusCode = status };
    }

    public async Task<IActionResult> OnPostNoteAsync(long id, long memberId, string? note, CancellationToken ct)
    {
        var result = await cards.NoteAsync(id, memberId, new CardNoteInput(note), ct);
        if (result.IsOk)
        {
            TempData["Flash"] = E["NoteSaved"].Value;
            return Redirect($"/events/{id}/cards#met-{memberId}");
        }
        if (result.Status == ResultStatus.NotFound || !await LoadAsync(id, 1, ct)) return NotFound();
        ModelState.AddModelError($"note-{memberId}", result.Message(texts));
        return Page();
    }

    async Task<bool> LoadAsync(long id, int page, CancellationToken ct)
    {
        var e = await events.GetAsync(id, ct);
        if (!e.IsOk || !e.Value!.CanHoldCard) return false;
        Event = e.Value;
        var met = await cards.PeopleMetAsync(id, page, ct);
        if (!met.IsOk) return false;
        Met = met.Value!;
        return true;
    }
}
