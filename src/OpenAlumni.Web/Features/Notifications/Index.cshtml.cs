using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace OpenAlumni.Web.Features.Notifications;

/// <summary>The list under the bell, newest first. Each item links to its post with ?n=, which marks it read.</summary>
public sealed class IndexModel(NotificationService notifications, IStringLocalizer<NotificationTexts> N) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public NotificationListDto List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await notifications.ListAsync(Math.Clamp(PageNumber, 1, 100_000), ct);
        List = result.Value!;
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await notifications.MarkReadAsync(null, ct);
        TempData["Flash"] = N["AllRead"].Value;
        return Redirect("/notifications");
    }

    /// <summary>The sentence of a notification, as in its mail: Type.Reply → "山田 花子 さんが「…」にコメントしました".</summary>
    public string Sentence(NotificationDto n) => N["Type." + char.ToUpperInvariant(n.Type[0]) + n.Type[1..], n.Actor ?? "", n.Subject];

    public static string Link(NotificationDto n) => n.PostId is { } post ? $"/posts/{post}?n={n.Id}" : n.Link ?? "/notifications";
}
