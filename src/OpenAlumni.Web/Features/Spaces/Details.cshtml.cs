using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Spaces;

/// <summary>
/// One space: its feed, events and members; joining, leaving and what one hears of it; for its moderators, the
/// requests, reports and activity. Each tab is the same service call as its API (posts?spaceId=, events?spaceId=, ...).
/// </summary>
public sealed class DetailsModel(SpaceService spaces, PostService posts, PostInteractionService interactions, EventService events,
    DirectoryService directory, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<SpaceTexts> S) : PageModel
{
    public static readonly string[] Tabs = ["feed", "events", "members", "requests", "reports", "activity"];

    [FromRoute] public long Id { get; set; }
    [FromQuery(Name = "tab")] public string? TabName { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "q")] public string? InviteQuery { get; set; }

    public SpaceDto Space { get; private set; } = null!;
    public string Tab => TabName is { } t && Tabs.Contains(t) && (t is "feed" or "events" or "members" || Space.CanModerate) ? t : "feed";
    public FeedDto? Feed { get; private set; }
    public PageDto<EventSummaryDto>? Events { get; private set; }
    public PageDto<SpaceMemberDto>? Members { get; private set; }
    public PageDto<ReportDto>? Reports { get; private set; }
    public SpaceActivityDto? Activity { get; private set; }
    public IReadOnlyList<MemberCardDto> InviteResults { get; private set; } = [];
    public bool CanHoldEvents { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await spaces.GetAsync(Id, ct);
        if (!found.IsOk) return NotFound();
        Space = found.Value!;
        if (!Space.CanRead) return Page();
        var page = Math.Max(1, PageNumber);
        switch (Tab)
        {
            case "events":
                Events = (await events.ListAsync("all", page, ct, Id)).Value;
                CanHoldEvents = await events.CanCreateAsync(ct, Id);
                break;
            case "members":
                Members = (await spaces.MembersAsync(Id, null, page, ct)).Value;
                if (Space.CanModerate && !string.IsNullOrWhiteSpace(InviteQuery))
                    InviteResults = (await directory.SearchAsync(new DirectoryQuery(InviteQuery, PageSize: 10), ct)).Value?.Items ?? [];
                break;
            case "requests":
                Members = (await spaces.MembersAsync(Id, "pending", page, ct)).Value;
                break;
            case "reports":
                Reports = (await interactions.ReportsAsync("open", page, ct, Id)).Value;
                break;
            case "activity":
                Activity = (await spaces.ActivityAsync(Id, null, null, ct)).Value;
                break;
            default:
                Feed = (await posts.ListAsync(null, null, null, null, page, 20, ct, Id)).Value;
                break;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostJoinAsync(CancellationToken ct)
    {
        var result = await spaces.JoinAsync(Id, ct);
        return Done(result, result.IsOk ? (result.Value!.Status == "member" ? S["JoinedFlash"] : S["RequestedFlash"]) : "");
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct) => Done(await spaces.LeaveAsync(Id, ct), S["LeftFlash"]);

    public async Task<IActionResult> OnPostNotifyAsync(string? level, CancellationToken ct) =>
        Done(await spaces.SetNotifyAsync(Id, new SpaceNotifyInput(level), ct), S["NotifyFlash"]);

    public async Task<IActionResult> OnPostDecideAsync(long memberId, bool approve, string? name, CancellationToken ct) =>
        Done(await spaces.DecideRequestAsync(Id, memberId, approve, ct), approve ? S["ApprovedFlash", name ?? ""] : S["DeclinedFlash"], "requests");

    public async Task<IActionResult> OnPostInviteAsync(long memberId, CancellationToken ct) =>
        Done(await spaces.InviteAsync(Id, memberId, ct), S["InvitedFlash"], "members");

    public async Task<IActionResult> OnPostModeratorAsync(long memberId, bool moderator, CancellationToken ct) =>
        Done(await spaces.SetModeratorAsync(Id, memberId, moderator, ct), S["ModeratorFlash"], "members");

    public async Task<IActionResult> OnPostReportAsync(long reportId, bool hide, CancellationToken ct) =>
        Done(await interactions.DecideReportAsync(reportId, hide, new ModerationInput(null), ct), S["DecidedFlash"], "reports");

    /// <summary>Back to the space's tab, with the outcome: a flash, or why it did not happen.</summary>
    IActionResult Done<T>(Result<T> result, string flash, string? tab = null)
    {
        if (result.Status == ResultStatus.NotFound && tab is null) return NotFound();
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        TempData["Flash"] = result.IsOk ? flash : result.Message(texts);
        return Redirect($"/spaces/{Id}" + (tab is null ? "" : "?tab=" + tab));
    }

    public string Link(string tab, int page = 1) =>
        $"/spaces/{Id}" + QueryString.Create(new Dictionary<string, string?> { ["tab"] = tab == "feed" ? null : tab, ["page"] = page > 1 ? page.ToString() : null }
            .Where(p => !string.IsNullOrEmpty(p.Value)));
}
