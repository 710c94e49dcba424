using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Collaborations;

/// <summary>A collaboration with its stage timeline; the people involved and admins move its stage, admins decide proposals.</summary>
public sealed class DetailsModel(CollaborationService collaborations, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<CollaborationTexts> C) : PageModel
{
    public CollaborationDetailDto Item { get; private set; } = null!;
    [BindProperty] public string? Stage { get; set; }
    [BindProperty] public string? Reason { get; set; }

    async Task<IActionResult> LoadAsync(long id, CancellationToken ct)
    {
        var result = await collaborations.GetAsync(id, ct);
        if (!result.IsOk) return NotFound();
        Item = result.Value!;
        Stage ??= Item.Collaboration.Stage;
        return Page();
    }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostStageAsync(long id, CancellationToken ct) =>
        await After(id, await collaborations.UpdateAsync(id, new CollaborationInput(Stage: Stage ?? "", Reason: Reason), ct), C["StageSaved"], ct);

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) =>
        await After(id, await collaborations.DecideAsync(id, true, ct), C["Accepted"], ct);

    public async Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken ct) =>
        await After(id, await collaborations.DecideAsync(id, false, ct), C["Declined"], ct);

    async Task<IActionResult> After(long id, Result<CollaborationDetailDto> result, string flash, CancellationToken ct)
    {
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (result.IsOk)
        {
            TempData["Flash"] = flash;
            return Redirect($"/collaborations/{id}");
        }
        ModelState.AddErrors(result.Errors!, texts, prefix: "");
        return await LoadAsync(id, ct);
    }
}
