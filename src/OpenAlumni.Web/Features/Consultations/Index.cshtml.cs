using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Consultations;

/// <summary>Requests received and sent, with their state and what I can do now; admins also see the counts per state.</summary>
public sealed class IndexModel(ConsultationService consultations, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<ConsultationTexts> C) : PageModel
{
    [FromQuery(Name = "box")] public string Box { get; set; } = "received";
    public ConsultationListDto List { get; private set; } = null!;
    public ConsultationCountsDto? Counts { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Box is not ("sent" or "received")) Box = "received";
        List = (await consultations.ListAsync(Box, 1, ct)).Value!;
        // The counts are the secretariat's: the service says whether this member may see them.
        Counts = await consultations.CountsAsync(ct) is { IsOk: true } counts ? counts.Value : null;
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, string? box, CancellationToken ct)
    {
        var result = await consultations.AcceptAsync(id, ct);
        if (result.IsOk && result.Value!.ConversationId is { } conversation)
        {
            TempData["Flash"] = C["Accepted"].Value;
            return Redirect($"/messages/{conversation}");
        }
        return Done(result, null, box);
    }

    public async Task<IActionResult> OnPostProposeAsync(long id, string? times, CancellationToken ct) =>
        Done(await consultations.ProposeAsync(id, new ProposeInput(times), ct), "Proposed", "received");

    public async Task<IActionResult> OnPostDeclineAsync(long id, string? message, CancellationToken ct) =>
        Done(await consultations.DeclineAsync(id, new DeclineInput(message), ct), "Declined", "received");

    IActionResult Done(Result<ConsultationDto> result, string? okKey, string? box)
    {
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = result.IsOk ? C[okKey ?? "Accepted"].Value
            : result.Status == ResultStatus.Forbidden ? C["NotAvailable"].Value
            : result.Message(texts);
        return Redirect($"/consultations?box={(box == "sent" ? "sent" : "received")}#c{result.Value?.Id}");
    }
}
