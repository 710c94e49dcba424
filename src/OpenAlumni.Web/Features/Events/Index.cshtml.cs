using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Events;

/// <summary>The events list: upcoming (soonest first) or past (latest first); admins also see drafts.</summary>
public sealed class IndexModel(EventService events) : PageModel
{
    [FromQuery(Name = "when")] public string When { get; set; } = "upcoming";
    // From the query only: Razor Pages puts the page itself in a route value named "page".
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PageDto<EventSummaryDto> Items { get; private set; } = new([], 1, 20, 0);
    public bool CanCreate { get; private set; }
    public int PageCount => Math.Max(1, (Items.Total + Items.PageSize - 1) / Items.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (When is not ("upcoming" or "past")) When = "upcoming";
        CanCreate = await events.CanCreateAsync(ct);
        var result = await events.ListAsync(When, Math.Max(1, PageNumber), ct);
        if (!result.IsOk) result = await events.ListAsync(When, 1, ct);
        Items = result.Value!;
        return Page();
    }

    public string PageLink(int page) => $"/events?when={When}&page={page}";
}
