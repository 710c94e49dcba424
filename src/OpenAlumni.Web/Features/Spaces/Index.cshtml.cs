using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Spaces;

/// <summary>Browse, search and join spaces; "my spaces" in their own tab. Same service as GET /api/v1/spaces.</summary>
public sealed class IndexModel(SpaceService spaces, DirectoryService directory, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<SpaceTexts> S) : PageModel
{
    /// <summary>The secretariat's search for a member to appoint as a network supporter.</summary>
    [FromQuery(Name = "supporter")] public string? SupporterQuery { get; set; }
    public IReadOnlyList<SupporterDto> Supporters { get; private set; } = [];
    public IReadOnlyList<MemberCardDto> SupporterResults { get; private set; } = [];
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "mine")] public bool Mine { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PageDto<SpaceDto> Items { get; private set; } = new([], 1, SpaceService.PageSize, 0);
    public bool CanCreate { get; private set; }
    public int PageCount => Math.Max(1, (Items.Total + Items.PageSize - 1) / Items.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await spaces.ListAsync(Q, Kind, Mine, Math.Max(1, PageNumber), ct);
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts, prefix: "");
            result = await spaces.ListAsync(null, null, Mine, 1, ct);
        }
        Items = result.Value!;
        var (_, reader) = await spaces.ReaderAsync(ct);
        CanCreate = SpaceRules.Manage(reader) is null;
        if (!CanCreate) return;
        Supporters = (await spaces.SupportersAsync(ct)).Value ?? [];
        if (!string.IsNullOrWhiteSpace(SupporterQuery))
            SupporterResults = (await directory.SearchAsync(new DirectoryQuery(SupporterQuery, PageSize: 10), ct)).Value?.Items ?? [];
    }

    /// <summary>The secretariat appoints or stands down a network supporter.</summary>
    public async Task<IActionResult> OnPostSupporterAsync(long memberId, bool supporter, CancellationToken ct)
    {
        var result = await spaces.SetSupporterAsync(memberId, supporter, ct);
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        TempData["Flash"] = result.IsOk ? S["SupportersSaved"].Value : result.Message(texts);
        return Redirect("/spaces#supporters");
    }

    /// <summary>Joins (or asks to join) from the list, and comes back to it.</summary>
    public async Task<IActionResult> OnPostJoinAsync(long id, CancellationToken ct)
    {
        var result = await spaces.JoinAsync(id, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = result.IsOk ? (result.Value!.Status == "member" ? S["JoinedFlash"] : S["RequestedFlash"]).Value : result.Message(texts);
        return Redirect($"/spaces/{id}");
    }

    public static readonly string[] Kinds = Enum.GetValues<SpaceKind>().Select(k => WireNames.Of(k)).ToArray();

    public string Link(bool mine, string? q = null, string? kind = null, int page = 1) =>
        "/spaces" + QueryString.Create(new Dictionary<string, string?> { ["mine"] = mine ? "true" : null, ["q"] = q, ["kind"] = kind, ["page"] = page > 1 ? page.ToString() : null }
            .Where(p => !string.IsNullOrEmpty(p.Value)));
}
