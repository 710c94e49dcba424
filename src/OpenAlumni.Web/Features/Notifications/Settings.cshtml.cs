using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Notifications;

/// <summary>Per type of notification: in the app only, mail at once, the weekly digest, or push. Same service as PUT /api/v1/me/notification-settings.</summary>
public sealed class SettingsModel(NotificationService notifications, PushSubscriptionService push, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<NotificationTexts> N,
    Newsletters.MyMail mail, IStringLocalizer<Newsletters.NewsletterTexts> NL) : PageModel
{
    public static readonly string[] Deliveries = ["inApp", "email", "digest", "push"];

    [BindProperty] public Dictionary<string, string> Delivery { get; set; } = [];

    /// <summary>The VAPID key this page's script subscribes the browser with, and how many devices I have.</summary>
    public string PushPublicKey { get; private set; } = "";
    public int PushDevices { get; private set; }
    /// <summary>The network mails I unsubscribed from (one click in a mail, or here), and a bounce mark on my address.</summary>
    public Newsletters.MyMailDto Mail { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Delivery = (await notifications.SettingsAsync(ct)).Delivery.ToDictionary();
        await LoadPushAsync(ct);
    }

    async Task LoadPushAsync(CancellationToken ct)
    {
        PushPublicKey = (await push.PublicKeyAsync(ct)).PublicKey;
        PushDevices = (await push.ListAsync(ct)).Total;
        Mail = await mail.GetAsync(ct);
    }

    /// <summary>The browser's subscription, posted by wwwroot/js/push.js (same service as POST /api/v1/me/push-subscriptions).</summary>
    public async Task<IActionResult> OnPostSubscribeAsync([FromBody] PushSubscriptionInput? input, CancellationToken ct)
    {
        var result = await push.SubscribeAsync(input, ct);
        if (result.IsOk) return new JsonResult(result.Value) { StatusCode = 201 };
        return new JsonResult(new { errors = result.Errors!.Localize(texts) }) { StatusCode = 400 };
    }

    /// <summary>Subscribes again to a kind of network mail, or unsubscribes; no consent changes.</summary>
    public async Task<IActionResult> OnPostMailAsync(string? kind, bool subscribe, CancellationToken ct)
    {
        if (!Enum.TryParse<Newsletters.MailKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k)) return BadRequest();
        await mail.SetAsync(k, subscribe, ct);
        TempData["Flash"] = NL["MailSettingsSaved"].Value;
        return Redirect("/notifications/settings");
    }

    public async Task<IActionResult> OnPostClearBounceAsync(CancellationToken ct)
    {
        await mail.ClearBounceAsync(ct);
        TempData["Flash"] = NL["MailSettingsSaved"].Value;
        return Redirect("/notifications/settings");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await notifications.SaveSettingsAsync(Delivery, ct);
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts, prefix: "");
            var saved = (await notifications.SettingsAsync(ct)).Delivery;
            foreach (var (type, delivery) in saved) Delivery.TryAdd(type, delivery);
            await LoadPushAsync(ct);
            return Page();
        }
        TempData["Flash"] = N["SettingsSaved"].Value;
        return Redirect("/notifications/settings");
    }
}
