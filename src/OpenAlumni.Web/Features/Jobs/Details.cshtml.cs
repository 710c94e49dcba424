using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Jobs;

/// <summary>One opening: alumni raise their hand (with or without sharing their profile) or refer someone; recruiters see who.</summary>
public sealed class DetailsModel(JobService jobs, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<JobTexts> J) : PageModel
{
    public JobDetailDto Job { get; private set; } = null!;
    [BindProperty] public bool Consent { get; set; }
    [BindProperty] public ReferralForm Referral { get; set; } = new();

    public sealed class ReferralForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Note { get; set; }
    }

    async Task<IActionResult> LoadAsync(long id, CancellationToken ct)
    {
        var result = await jobs.GetAsync(id, ct);
        if (!result.IsOk) return NotFound();
        Job = result.Value!;
        Consent = Job.Job.MyConsent;
        return Page();
    }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostInterestAsync(long id, CancellationToken ct)
    {
        var result = await jobs.InterestAsync(id, new InterestInput(Consent), ct);
        return await After(id, result.Status, result.Errors, J["InterestSaved"], "", ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct)
    {
        var result = await jobs.WithdrawInterestAsync(id, ct);
        return await After(id, result.Status, result.Errors, J["InterestWithdrawn"], "", ct);
    }

    public async Task<IActionResult> OnPostReferAsync(long id, CancellationToken ct)
    {
        var result = await jobs.ReferAsync(id, new ReferralInput(Referral.Name, Referral.Email, Referral.Note), ct);
        return await After(id, result.Status, result.Errors, J["ReferralSent"], "Referral", ct);
    }

    async Task<IActionResult> After(long id, ResultStatus status, FieldErrors? errors, string flash, string prefix, CancellationToken ct)
    {
        if (status == ResultStatus.NotFound) return NotFound();
        if (status == ResultStatus.Forbidden) return Forbid();
        if (status == ResultStatus.Ok)
        {
            TempData["Flash"] = flash;
            return Redirect($"/jobs/{id}");
        }
        ModelState.AddErrors(errors!, texts, prefix);
        return await LoadAsync(id, ct);
    }
}
