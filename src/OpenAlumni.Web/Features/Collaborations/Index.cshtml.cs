using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Collaborations;

/// <summary>Collaborations by stage; proposals waiting for an admin in their own tab. Same service as GET /api/v1/collaborations.</summary>
public sealed class IndexModel(CollaborationService collaborations) : PageModel
{
    [FromQuery(Name = "stage")] public string? Stage { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public CollaborationListDto Items { get; private set; } = new([], 1, CollaborationService.PageSize, 0);
    public bool Proposes { get; private set; }
    public int PageCount => Math.Max(1, (Items.Total + Items.PageSize - 1) / Items.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Proposes = await collaborations.ProposesAsync(ct);
        var result = await collaborations.ListAsync(Stage, Status, Math.Max(1, PageNumber), ct);
        if (!result.IsOk) { Stage = Status = null; result = await collaborations.ListAsync(null, null, 1, ct); }
        Items = result.Value!;
    }

    public string Link(string? stage, string? status, int page = 1) =>
        "/collaborations" + QueryString.Create(new Dictionary<string, string?> { ["stage"] = stage, ["status"] = status, ["page"] = page > 1 ? page.ToString() : null }
            .Where(p => !string.IsNullOrEmpty(p.Value)));
}
