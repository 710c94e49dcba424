using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Notifications;

/// <summary>Per type of notification: in the app only, mail at once, or the weekly digest. Same service as PUT /api/v1/me/notification-settings.</summary>
public sealed class SettingsModel(NotificationService notifications, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<NotificationTexts> N) : PageModel
{
    public static readonly string[] Deliveries = ["inApp", "email", "digest", "push"];

    [BindProperty] public Dictionary<string, string> Delivery { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Delivery = (await notifications.SettingsAsync(ct)).Delivery.ToDictionary();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await notifications.SaveSettingsAsync(Delivery, ct);
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts, prefix: "");
            var saved = (await notifications.SettingsAsync(ct)).Delivery;
            foreach (var (type, delivery) in saved) Delivery.TryAdd(type, delivery);
            return Page();
        }
        TempData["Flash"] = N["SettingsSaved"].Value;
        return Redirect("/notifications/settings");
    }
}
