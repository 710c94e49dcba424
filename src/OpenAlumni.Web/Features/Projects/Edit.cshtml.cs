using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Projects;

/// <summary>Post a project (any member) or edit one (its poster, the secretariat); the same service as POST and PATCH /api/v1/projects.</summary>
public sealed class EditModel(ProjectService projects, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<ProjectTexts> P) : PageModel
{
    [BindProperty] public ProjectForm Input { get; set; } = new();
    public long? Id { get; private set; }

    public sealed class ProjectForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Skills { get; set; }
        public string? Department { get; set; }
        public string? StartsOn { get; set; }
        public string? EndsOn { get; set; }
        public string? HoursPerWeek { get; set; }
        public string? Remote { get; set; } = "remote";
        public string? Place { get; set; }
        public string? FeeMinYen { get; set; }
        public string? FeeMaxYen { get; set; }
        public string? ClosesAt { get; set; }
        public bool Confidential { get; set; }
        public string? Status { get; set; } = "open";
    }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        Id = id;
        if (id is null) return Page();
        var result = await projects.GetAsync(id.Value, ct);
        if (!result.IsOk) return NotFound();
        var p = result.Value!;
        if (!p.CanManage) return Forbid();
        Input = new ProjectForm
        {
            Title = p.Title, Description = p.Description, Skills = string.Join(", ", p.Skills), Department = p.Department,
            StartsOn = p.StartsOn?.ToString("yyyy-MM-dd"), EndsOn = p.EndsOn?.ToString("yyyy-MM-dd"), HoursPerWeek = p.HoursPerWeek?.ToString(),
            Remote = p.Remote, Place = p.Place, FeeMinYen = p.FeeMinYen?.ToString(), FeeMaxYen = p.FeeMaxYen?.ToString(),
            ClosesAt = p.ClosesAt.ToString("yyyy-MM-dd"), Confidential = p.Confidential, Status = p.Status,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        Id = id;
        var i = Input;
        var errors = new FieldErrors();
        var hours = Check.FormNumber(errors, "hoursPerWeek", i.HoursPerWeek, "Projects.HoursInvalid", ProjectLimits.HoursPerWeek);
        var min = Yen(errors, "feeMinYen", i.FeeMinYen);
        var max = Yen(errors, "feeMaxYen", i.FeeMaxYen);
        if (errors.Any) { ModelState.AddErrors(errors, texts); return Page(); }
        // The form replaces every field: empty hours are none (0), and the fee range is cleared, then set to what is typed.
        var input = new ProjectInput(i.Title ?? "", i.Description ?? "", i.Skills ?? "", i.Department ?? "", i.StartsOn ?? "", i.EndsOn ?? "", hours ?? 0,
            i.Remote ?? "", i.Place ?? "", min, max, FeeToDiscuss: true, ClosesAt: i.ClosesAt ?? "", Confidential: i.Confidential, Status: i.Status ?? "");
        var result = id is null ? await projects.CreateAsync(input, ct) : await projects.UpdateAsync(id.Value, input, ct);
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsOk)
        {
            TempData["Flash"] = P["Flash.Saved"].Value;
            return Redirect($"/projects/{result.Value!.Id}");
        }
        ModelState.AddErrors(result.Errors!, texts);
        return Page();
    }

    static long? Yen(FieldErrors errors, string field, string? text) => Check.FormYen(errors, field, text, "Projects.FeeInvalid");
}
