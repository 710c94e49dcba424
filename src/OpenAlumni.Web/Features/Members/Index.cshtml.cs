using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Members;

public sealed class IndexModel(DirectoryService directory, Spaces.SpaceService spaces, IStringLocalizer<ValidationTexts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? OpenTo { get; set; }
    [BindProperty(SupportsGet = true)] public long? Space { get; set; }
    /// <summary>The spaces whose members the viewer may list (the filter's choices).</summary>
    public IReadOnlyList<Spaces.SpaceDto> Spaces { get; private set; } = [];
    // From the query only: Razor Pages puts the page itself in a route value named "page" ("/Members/Index").
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "cursor")] public string? Cursor { get; set; }
    public DirectoryPageDto? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Spaces = ((await spaces.ListAsync(null, null, false, 1, ct)).Value?.Items ?? []).Where(s => s.CanRead).ToList();
        var query = new DirectoryQuery(Q, Kind, Skill, Department, null, OpenTo, Math.Max(1, PageNumber), 24, string.IsNullOrEmpty(Cursor) ? null : Cursor, Space);
        var result = await directory.SearchAsync(query, ct);
        // A space one may not read (or that is not there) is no filter: the page shows the directory without it.
        if (result.Status is ResultStatus.Forbidden or ResultStatus.NotFound) { Space = null; result = await directory.SearchAsync(query with { SpaceId = null }, ct); }
        if (result.IsOk) Results = result.Value;
        else ModelState.AddErrors(result.Errors!, texts, prefix: "");
    }

    /// <summary>"Next" follows the cursor (a deep page costs what the first does); "previous" names its page.</summary>
    public string PageLink(int page, string? cursor = null) =>
        QueryString.Create(new Dictionary<string, string?> { ["q"] = Q, ["kind"] = Kind, ["skill"] = Skill, ["department"] = Department, ["openTo"] = OpenTo, ["space"] = Space?.ToString(),
                ["page"] = cursor is null ? page.ToString() : null, ["cursor"] = cursor }
            .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
