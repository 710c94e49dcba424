using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// The event form: new without ?id (in a space with ?spaceId), editing with it. The secretariat holds any event, a
/// space's moderators their space's (EventRules.Hold); anyone else is refused. Its other handlers are the actions of
/// the event page: publish, cancel, decide pitches, each refused by its service to whoever may not.
/// </summary>
public sealed class EditModel(EventService events, PitchService pitches, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<EventTexts> E) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    /// <summary>The space a new event is held in (its moderators' form).</summary>
    [BindProperty(SupportsGet = true)] public long? SpaceId { get; set; }
    [BindProperty] public EventForm Input { get; set; } = new();
    /// <summary>The event being edited (null for a new one).</summary>
    public EventDto? Existing { get; private set; }

    /// <summary>The form as typed: numbers stay text so that "abc" is reported by its field, not lost to binding.</summary>
    public sealed class EventForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Kind { get; set; } = "meetup";
        public string? Format { get; set; } = "offline";
        public string? StartsAt { get; set; }
        public string? EndsAt { get; set; }
        public string? SignupDeadline { get; set; }
        public string? Venue { get; set; }
        public string? Address { get; set; }
        public string? MapUrl { get; set; }
        public string? OnlineUrl { get; set; }
        public string? Capacity { get; set; }
        public string? CapacityOnline { get; set; }
        public string? Audience { get; set; } = "all";
        public string? SegmentDepartment { get; set; }
        public string? SegmentLeftFrom { get; set; }
        public string? SegmentLeftTo { get; set; }
        public string? SegmentLocation { get; set; }
        public string? SegmentTag { get; set; }
        public bool Publish { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null) return await events.CanCreateAsync(ct, SpaceId) ? Page() : Forbid();
        var result = await events.GetAsync(Id.Value, ct);
        if (!result.IsOk) return NotFound();
        var e = Existing = result.Value!;
        if (!e.CanEdit && !e.CanManage) return Forbid();
        SpaceId = e.SpaceId;
        Input = new EventForm
        {
            Title = e.Title, Description = e.Description, Kind = e.Kind, Format = e.Format,
            StartsAt = EventDisplay.ToInput(e.StartsAt), EndsAt = EventDisplay.ToInput(e.EndsAt), SignupDeadline = EventDisplay.ToInput(e.SignupDeadline),
            Venue = e.Venue, Address = e.Address, MapUrl = e.MapUrl, OnlineUrl = e.OnlineUrl,
            Capacity = e.Capacity?.ToString(), CapacityOnline = e.CapacityOnline?.ToString(), Audience = e.Audience,
            SegmentDepartment = e.Segment?.Department, SegmentLeftFrom = e.Segment?.LeftFrom?.ToString(), SegmentLeftTo = e.Segment?.LeftTo?.ToString(),
            SegmentLocation = e.Segment?.Location, SegmentTag = e.Segment?.Tag,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var capacity = Check.FormNumber(errors, "capacity", Input.Capacity, "Events.CapacityRange", EventLimits.Capacity);
        var capacityOnline = Check.FormNumber(errors, "capacityOnline", Input.CapacityOnline, "Events.CapacityRange", EventLimits.Capacity);
        var leftFrom = Check.FormNumber(errors, "segment.leftFrom", Input.SegmentLeftFrom);
        var leftTo = Check.FormNumber(errors, "segment.leftTo", Input.SegmentLeftTo);
        // Every field is sent, "" for an empty one: the service clears what is emptied (PATCH semantics).
        var input = new EventInput(Input.Title ?? "", Input.Description ?? "", Input.Kind, Input.Format, Input.StartsAt ?? "", Input.EndsAt ?? "",
            capacity, capacityOnline, Input.Venue ?? "", Input.Address ?? "", Input.MapUrl ?? "", Input.OnlineUrl ?? "",
            Input.SignupDeadline ?? "", Input.Audience, Input.Publish,
            new Members.SegmentInput(null, Input.SegmentDepartment, leftFrom, leftTo, Input.SegmentLocation, null, Input.SegmentTag),
            // An emptied capacity field means "no limit" (the form always sends every field).
            NoCapacityLimit: string.IsNullOrWhiteSpace(Input.Capacity), NoOnlineCapacityLimit: string.IsNullOrWhiteSpace(Input.CapacityOnline),
            SpaceId: Id is null ? SpaceId : null);
        if (!errors.Any)
        {
            var result = Id is { } id ? await events.UpdateAsync(id, input, ct) : await events.CreateAsync(input, ct);
            if (result.IsOk)
            {
                TempData["Flash"] = E["SavedFlash"].Value;
                return Redirect($"/events/{result.Value!.Id}");
            }
            if (result.Status == ResultStatus.NotFound) return NotFound();
            if (result.Status == ResultStatus.Forbidden) return Forbid();
            errors = result.Errors!;
        }
        ModelState.AddErrors(errors, texts);
        if (Id is { } editing) Existing = (await events.GetAsync(editing, ct)).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostCoverAsync(long id, IFormFile? cover, CancellationToken ct)
    {
        if (cover is null)
        {
            TempData["Flash"] = texts["Validation.Required"].Value;
            return Redirect($"/events/edit?id={id}");
        }
        await using var stream = cover.OpenReadStream();
        var result = await events.SetCoverAsync(id, stream, cover.Length, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        TempData["Flash"] = result.IsOk ? E["CoverSaved"].Value : result.Message(texts);
        return Redirect($"/events/edit?id={id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        Done(id, await events.PublishAsync(id, ct), E["PublishedFlash"]);

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct) =>
        Done(id, await events.CancelAsync(id, ct), E["CancelledFlash"]);

    public async Task<IActionResult> OnPostAcceptAsync(long id, long pitchId, CancellationToken ct)
    {
        var result = await pitches.DecideAsync(id, pitchId, accept: true, ct);
        return Done(id, result, result.IsOk ? E["PitchAcceptedFlash", result.Value!.Title] : "", "#programme");
    }

    public async Task<IActionResult> OnPostDeclineAsync(long id, long pitchId, CancellationToken ct)
    {
        var result = await pitches.DecideAsync(id, pitchId, accept: false, ct);
        return Done(id, result, result.IsOk ? E["PitchDeclinedFlash", result.Value!.Title] : "", "#programme");
    }

    /// <summary>Back to the event page, with the outcome: a flash, or the reason it did not happen (e.g. already decided).</summary>
    IActionResult Done<T>(long id, Result<T> result, string flash, string anchor = "")
    {
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (result.IsOk) TempData["Flash"] = flash;
        else TempData["EventError"] = result.Message(texts);
        return Redirect($"/events/{id}{anchor}");
    }
}
