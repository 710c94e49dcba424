using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Projects;

/// <summary>The side-project board with its filters; the same service as GET /api/v1/projects.</summary>
public sealed class IndexModel(ProjectService projects) : PageModel
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "remote")] public string? Remote { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "mine")] public bool Mine { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public ProjectListDto Items { get; private set; } = new([], 1, ProjectService.PageSize, 0);
    public bool Invalid { get; private set; }
    public int PageCount => Math.Max(1, (Items.Total + Items.PageSize - 1) / Items.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await projects.ListAsync(Q, Remote, Status, Mine, Math.Max(1, PageNumber), ct);
        if (!result.IsOk) { Invalid = true; result = await projects.ListAsync(null, null, null, false, 1, ct); }
        Items = result.Value!;
    }

    public string PageLink(int page) =>
        "/projects" + QueryString.Create(new Dictionary<string, string?> { ["q"] = Q, ["remote"] = Remote, ["status"] = Status, ["mine"] = Mine ? "true" : null, ["page"] = page.ToString() }
            .Where(p => !string.IsNullOrEmpty(p.Value)));
}
