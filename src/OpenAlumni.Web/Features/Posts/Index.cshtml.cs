using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Posts;

/// <summary>The feed: all rooms or one, a category of the notices room, a search, my drafts. Calls the same service as GET /api/v1/posts.</summary>
public sealed class IndexModel(PostService posts, IStringLocalizer<ValidationTexts> texts) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "room")] public string? RoomFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? CategoryFilter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mine { get; set; }
    // From the query only: Razor Pages puts the page itself in a route value named "page".
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public FeedDto? Results { get; private set; }

    public bool Drafts => Mine == "drafts";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await posts.ListAsync(RoomFilter, CategoryFilter, Q, Mine, Math.Max(1, PageNumber), PageSize, ct);
        if (result.IsOk) Results = result.Value;
        else ModelState.AddErrors(result.Errors!, texts, prefix: "");
    }

    public string Link(string? room = null, string? category = null, string? q = null, string? mine = null, int page = 1) =>
        "/posts" + QueryString.Create(new Dictionary<string, string?>
        {
            ["room"] = room, ["category"] = category, ["q"] = q, ["mine"] = mine, ["page"] = page > 1 ? page.ToString() : null,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    public string PageLink(int page) => Link(RoomFilter, CategoryFilter, Q, Mine, page);
}
