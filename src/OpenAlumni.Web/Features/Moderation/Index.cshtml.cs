using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Moderation;

/// <summary>The secretariat's queue of reports (admins only, by the folder's policy): hide the post or comment, or dismiss.</summary>
public sealed class IndexModel(PostInteractionService interactions, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<PostTexts> P) : PageModel
{
    public static readonly string[] Statuses = ["open", "hidden", "dismissed"];

    [BindProperty(SupportsGet = true)] public string Status { get; set; } = "open";
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PageDto<ReportDto> Items { get; private set; } = new([], 1, 50, 0);
    public long? FailedId { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Status = Statuses.Contains(Status) ? Status : "open";
        Items = (await interactions.ReportsAsync(Status, Math.Clamp(PageNumber, 1, 100_000), ct)).Value!;
    }

    public Task<IActionResult> OnPostHideAsync(long id, string? note, CancellationToken ct) => DecideAsync(id, hide: true, note, ct);

    public Task<IActionResult> OnPostDismissAsync(long id, string? note, CancellationToken ct) => DecideAsync(id, hide: false, note, ct);

    async Task<IActionResult> DecideAsync(long id, bool hide, string? note, CancellationToken ct)
    {
        var result = await interactions.DecideReportAsync(id, hide, new ModerationInput(note), ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsOk)
        {
            TempData["Flash"] = (hide ? P["DecidedHidden"] : P["DecidedDismissed"]).Value;
            return Redirect("/moderation");
        }
        FailedId = id;
        Error = result.Message(texts);
        Status = "open";
        await OnGetAsync(ct);
        return Page();
    }

    public string PageLink(int page) => $"/moderation?status={Status}&page={page}";
}
