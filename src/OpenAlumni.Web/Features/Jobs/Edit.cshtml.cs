using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Jobs;

/// <summary>Post or edit an opening (admins and recruiters); the same service as POST and PATCH /api/v1/jobs.</summary>
public sealed class EditModel(JobService jobs, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<JobTexts> J) : PageModel
{
    [BindProperty] public JobForm Input { get; set; } = new();
    public long? Id { get; private set; }

    public sealed class JobForm
    {
        public string? Title { get; set; }
        public string? Department { get; set; }
        public string? Location { get; set; }
        public string? Remote { get; set; } = "onsite";
        public string? Description { get; set; }
        public string? HowToApply { get; set; }
        public string? ClosesAt { get; set; }
        public string? Status { get; set; } = "open";
        public string? Keywords { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        if (!await jobs.CanManageAsync(ct)) return Forbid();
        Id = id;
        if (id is null) return Page();
        var result = await jobs.GetAsync(id.Value, ct);
        if (!result.IsOk) return NotFound();
        var j = result.Value!.Job;
        Input = new JobForm
        {
            Title = j.Title, Department = j.Department, Location = j.Location, Remote = j.Remote, Description = j.Description,
            HowToApply = j.HowToApply, ClosesAt = j.ClosesAt.ToString("yyyy-MM-dd"), Status = j.Status, Keywords = j.Keywords,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        Id = id;
        var i = Input;
        var input = new JobInput(i.Title ?? "", i.Department ?? "", i.Location ?? "", i.Remote ?? "", i.Description ?? "", i.HowToApply ?? "", i.ClosesAt ?? "", i.Status ?? "", i.Keywords ?? "");
        var result = id is null ? await jobs.CreateAsync(input, ct) : await jobs.UpdateAsync(id.Value, input, ct);
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsOk)
        {
            TempData["Flash"] = J["OpeningSaved"].Value;
            return Redirect($"/jobs/{result.Value!.Id}");
        }
        ModelState.AddErrors(result.Errors!, texts);
        return Page();
    }
}
