using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Jobs;

/// <summary>Admins choose who besides them may post openings; the same service as PUT /api/v1/admin/recruiters/{id}.</summary>
public sealed class RecruitersModel(JobService jobs, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<JobTexts> J) : PageModel
{
    public IReadOnlyList<RecruiterDto> Recruiters { get; private set; } = [];
    [BindProperty] public string? MemberId { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Recruiters = (await jobs.RecruitersAsync(ct)).Value!;

    public async Task<IActionResult> OnPostAsync(bool recruiter, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = Check.FormNumber(errors, "memberId", MemberId, "Community.MemberUnknown");
        if (id is null && !errors.Any) errors.Add("memberId", "Validation.Required");
        var result = id is null ? default : await jobs.SetRecruiterAsync(id.Value, recruiter, ct);
        if (id is not null && result.IsOk)
        {
            TempData["Flash"] = J[recruiter ? "RecruiterAdded" : "RecruiterRemoved", result.Value!.DisplayName].Value;
            return Redirect("/jobs/recruiters");
        }
        if (id is not null) errors.Add("memberId", "Community.MemberUnknown");
        ModelState.AddErrors(errors, texts, prefix: "");
        await OnGetAsync(ct);
        return Page();
    }
}
