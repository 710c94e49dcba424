using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Projects;

/// <summary>
/// One project: its terms, the application form, and for its poster (and the secretariat) the applications with
/// shortlist, decline and engage. Same service as the API.
/// </summary>
public sealed class DetailsModel(ProjectService projects, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<ProjectTexts> P) : PageModel
{
    public ProjectDto Project { get; private set; } = null!;
    public IReadOnlyList<ApplicationDto>? Applications { get; private set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? ValueYen { get; set; }

    async Task<IActionResult> LoadAsync(long id, CancellationToken ct)
    {
        var result = await projects.GetAsync(id, ct);
        if (!result.IsOk) return NotFound();
        Project = result.Value!;
        if (Project.CanManage) Applications = (await projects.ApplicationsAsync(id, ct)).Value;
        return Page();
    }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostApplyAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, await projects.ApplyAsync(id, new ApplicationInput(Note), ct), "Applied", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, await projects.WithdrawAsync(id, ct), "Withdrawn", ct);

    public async Task<IActionResult> OnPostDecideAsync(long id, long applicationId, string? status, CancellationToken ct) =>
        await AfterAsync(id, await projects.DecideAsync(id, applicationId, new DecisionInput(status, Answer), ct), "Decided", ct);

    public async Task<IActionResult> OnPostEngageAsync(long id, long applicationId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var value = Check.FormYen(errors, "valueYen", ValueYen, "Outcomes.ValueInvalid");
        if (errors.Any)
        {
            await LoadAsync(id, ct);
            ModelState.AddErrors(errors, texts, prefix: "");
            return Page();
        }
        return await AfterAsync(id, await projects.EngageAsync(id, applicationId, new EngageInput(value), ct), "Engaged", ct);
    }

    async Task<IActionResult> AfterAsync<T>(long id, Result<T> result, string flash, CancellationToken ct)
    {
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsOk)
        {
            TempData["Flash"] = P["Flash." + flash].Value;
            return Redirect($"/projects/{id}");
        }
        var page = await LoadAsync(id, ct);
        // Field errors by their fields (the note, the answer); a refusal without fields (closed, decided) as one line.
        if (result.Errors is { } errors) ModelState.AddErrors(errors, texts, prefix: "");
        else ModelState.AddModelError("", result.Message(texts));
        return page;
    }
}
