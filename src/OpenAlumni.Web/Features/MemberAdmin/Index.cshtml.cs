using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.MemberAdmin;

/// <summary>
/// The secretariat's member list (admins only, by the folder's policy): one compact row per member, filters, page
/// and page size in the query string, bulk approve/suspend/export of the ticked rows, and each row's own actions
/// (kind and role, suspend, reinstate, merge) in a small menu.
/// </summary>
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
    [FromQuery(Name = "size")] public int? Size { get; set; }
    public PageDto<AdminMemberDto> Items { get; private set; } = new([], 1, 50, 0);
    public string? Error { get; private set; }
    public long? FailedId { get; private set; }
    /// <summary>The last bulk action's refusals, one line each ("No. 12 山田 太郎: why").</summary>
    public IReadOnlyList<string> Refused { get; private set; } = [];

    MemberFilter Filter => new(Kind, Status, Department, ActiveDays, InactiveDays, OpenTo, Q);
    int PageSize => Size is { } s && MemberAdminService.PageSizes.Contains(s) ? s : 50;

    (string, object?)[] Query => [("kind", Kind), ("status", Status), ("department", Department), ("activeDays", ActiveDays),
        ("inactiveDays", InactiveDays), ("openTo", OpenTo), ("q", Q)];

    static string Join(IEnumerable<(string, object?)> parameters) => string.Join("&", parameters
        .Where(p => p.Item2 is not null && p.Item2.ToString() != "").Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.ToString()!)}"));

    public string CsvUrl => "/api/v1/admin/members?format=csv&" + Join(Query);

    /// <summary>This list with the same filters and page size, at another page.</summary>
    public string PageUrl(int page) => "/admin/members?" + Join(Query.Append(("size", Size is null ? null : PageSize)).Append(("page", page)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await members.ListAsync(Filter, Math.Max(1, PageNumber), ct, PageSize);
        if (!result.IsOk)
        {
            Error = result.Message(texts);
            result = await members.ListAsync(new MemberFilter(), 1, ct, PageSize);
        }
        Items = result.Value!;
        if (TempData["BulkRefused"] is string refused) Refused = refused.Split('\n');
        return Page();
    }

    public Task<IActionResult> OnPostSuspendAsync(long id, string? reason, CancellationToken ct) => DoAsync(id, members.SuspendAsync(id, reason, ct), ct);
    public Task<IActionResult> OnPostReinstateAsync(long id, string? reason, CancellationToken ct) => DoAsync(id, members.ReinstateAsync(id, reason, ct), ct);
    public Task<IActionResult> OnPostChangeAsync(long id, string? kind, string? role, CancellationToken ct) => DoAsync(id, members.ChangeAsync(id, new ChangeMemberRequest(kind, role), ct), ct);

    /// <summary>The ticked rows: approve or suspend each (through the single action's rules), or download them as CSV.</summary>
    public async Task<IActionResult> OnPostBulkAsync(string? bulkAction, long[]? ids, string? reason, CancellationToken ct)
    {
        if (bulkAction == "export")
        {
            var csv = await members.ExportAsync(new MemberFilter(), ct, ids ?? []);
            if (csv.IsOk) return File(csv.Value!, "text/csv; charset=utf-8", "members.csv");
            Error = csv.Message(texts);
            return await OnGetAsync(ct);
        }
        var result = await members.BulkAsync(new BulkMembersRequest(bulkAction, ids, reason), texts, ct);
        if (!result.IsOk)
        {
            Error = result.Message(texts);
            return await OnGetAsync(ct);
        }
        var r = result.Value!;
        TempData["Flash"] = MA["BulkDone", r.Done, r.Refused].Value;
        if (r.Refused > 0)
        {
            var refusedIds = r.Results.Where(x => !x.Done).Select(x => x.Id).ToList();
            var names = await members.NamesAsync(refusedIds, ct);
            TempData["BulkRefused"] = string.Join("\n", r.Results.Where(x => !x.Done)
                .Select(x => $"{MA["MemberNo", x.Id]} {names.GetValueOrDefault(x.Id)}: {x.Reason}".Replace("  ", " ")));
        }
        return Redirect(PageUrl(Math.Max(1, PageNumber)));
    }

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
            return Redirect(PageUrl(Math.Max(1, PageNumber)));
        }
        FailedId = id;
        Error = result.Message(texts);
        return await OnGetAsync(ct);
    }
}
