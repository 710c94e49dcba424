using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Registrations;

/// <summary>The approval queue (admins only, by the folder's policy).</summary>
public sealed class IndexModel(RegistrationService registrations, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<RegistrationTexts> R) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Status { get; set; } = "Pending";
    // From the query only: Razor Pages puts the page itself in a route value named "page" ("/Registrations/Index").
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PageDto<PendingRegistrationDto> Items { get; private set; } = new([], 1, 50, 0);
    public long? FailedId { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await registrations.ListAsync(Status, Math.Max(1, PageNumber), ct);
        if (!result.IsOk) { Status = "Pending"; result = await registrations.ListAsync(Status, 1, ct); }
        Items = result.Value!;
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(long id, string? reason, CancellationToken ct) =>
        DecideAsync(id, registrations.ApproveAsync(id, reason, ct), "Approved", ct);

    public Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken ct) =>
        DecideAsync(id, registrations.RejectAsync(id, reason, ct), "Rejected", ct);

    async Task<IActionResult> DecideAsync(long id, Task<Result<PendingRegistrationDto>> decision, string done, CancellationToken ct)
    {
        var result = await decision;
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsOk)
        {
            TempData["Flash"] = R["Decided" + done, result.Value!.DisplayName].Value;
            return RedirectToPage(new { status = "Pending" });
        }
        FailedId = id;
        Error = result.Message(texts);
        Status = "Pending";
        await OnGetAsync(ct);
        return Page();
    }
}
