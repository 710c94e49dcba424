using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.MemberAdmin;

/// <summary>The secretariat's member list (admins only, by the folder's policy): filters, CSV, suspend, role, merge.</summary>
public sealed class IndexModel(MemberAdminService members, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<MemberAdminTexts> MA) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public int? ActiveDays { get; set; }
    [BindProperty(SupportsGet = true)] public int? InactiveDays { get; set; }
    [BindProperty(SupportsGet = true)] public string? OpenTo { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PageDto<AdminMemberDto> Items { get; private set; } = new([], 1, 50, 0);
    public string? Error { get; private set; }
    public long? FailedId { get; private set; }

    MemberFilter Filter => new(Kind, Status, Department, ActiveDays, InactiveDays, OpenTo, Q);

    public string CsvUrl => "/api/v1/admin/members?format=csv" + string.Concat(new (string, object?)[]
        { ("kind", Kind), ("status", Status), ("department", Department), ("activeDays", ActiveDays), ("inactiveDays", InactiveDays), ("openTo", OpenTo), ("q", Q) }
        .Where(p => p.Item2 is not null && p.Item2.ToString() != "").Select(p => $"&{p.Item1}={Uri.EscapeDataString(p.Item2!.ToString()!)}"));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await members.ListAsync(Filter, Math.Max(1, PageNumber), ct);
        if (!result.IsOk)
        {
            Error = result.Message(texts);
            result = await members.ListAsync(new MemberFilter(), 1, ct);
        }
        Items = result.Value!;
        return Page();
    }

    public Task<IActionResult> OnPostSuspendAsync(long id, string? reason, CancellationToken ct) => DoAsync(id, members.SuspendAsync(id, reason, ct), ct);
    public Task<IActionResult> OnPostReinstateAsync(long id, string? reason, CancellationToken ct) => DoAsync(id, members.ReinstateAsync(id, reason, ct), ct);
    public Task<IActionResult> OnPostChangeAsync(long id, string? kind, string? role, CancellationToken ct) => DoAsync(id, members.ChangeAsync(id, new ChangeMemberRequest(kind, role), ct), ct);

    public async Task<IActionResult> OnPostMergeAsync(long id, string? duplicateId, CancellationToken ct)
    {
        if (!long.TryParse(duplicateId, out var dup))
        {
            FailedId = id;
            Error = texts["Validation.Required"];
            return await OnGetAsync(ct);
        }
        return await DoAsync(id, members.MergeAsync(id, dup, ct), ct, merged: true);
    }

    async Task<IActionResult> DoAsync(long id, Task<Result<AdminMemberDto>> action, CancellationToken ct, bool merged = false)
    {
        var result = await action;
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsOk)
        {
            TempData["Flash"] = merged ? MA["Merged", result.Value!.DisplayName].Value : MA["Done"].Value;
            return RedirectToPage(new { Kind, Status, Department, ActiveDays, InactiveDays, OpenTo, Q });
        }
        FailedId = id;
        Error = result.Message(texts);
        return await OnGetAsync(ct);
    }
}
