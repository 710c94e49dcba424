using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Jobs;

/// <summary>The rehire board with its filters; the same service as GET /api/v1/jobs.</summary>
public sealed class IndexModel(JobService jobs) : PageModel
{
    [FromQuery(Name = "department")] public string? Department { get; set; }
    [FromQuery(Name = "location")] public string? Location { get; set; }
    [FromQuery(Name = "remote")] public string? Remote { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public JobListDto Items { get; private set; } = new([], 1, JobService.PageSize, 0);
    public bool CanManage { get; private set; }
    public bool CanChooseRecruiters { get; private set; }
    public bool Invalid { get; private set; }
    public int PageCount => Math.Max(1, (Items.Total + Items.PageSize - 1) / Items.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = await jobs.CanManageAsync(ct);
        CanChooseRecruiters = await jobs.CanChooseRecruitersAsync(ct);
        var result = await jobs.ListAsync(Department, Location, Remote, Q, Status, Math.Max(1, PageNumber), ct);
        if (!result.IsOk) { Invalid = true; result = await jobs.ListAsync(null, null, null, null, null, 1, ct); }
        Items = result.Value!;
    }

    public string PageLink(int page) =>
        "/jobs" + QueryString.Create(new Dictionary<string, string?> { ["department"] = Department, ["location"] = Location, ["remote"] = Remote, ["q"] = Q, ["status"] = Status, ["page"] = page.ToString() }
            .Where(p => !string.IsNullOrEmpty(p.Value)));
}
