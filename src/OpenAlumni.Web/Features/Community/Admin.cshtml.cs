using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Community;

/// <summary>
/// The admins' switch for the public community page and the featured stories. Kept minimal on purpose:
/// the tenant settings page (issue #7) may take the switch over.
/// </summary>
public sealed class AdminModel(CommunityService community, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<CommunityTexts> K) : PageModel
{
    public CommunityAdminDto Data { get; private set; } = null!;
    [BindProperty] public long? MemberId { get; set; }
    [BindProperty] public string? Story { get; set; }

    async Task LoadAsync(CancellationToken ct) => Data = (await community.AdminAsync(ct)).Value!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostToggleAsync(bool enabled, CancellationToken ct)
    {
        await community.SetEnabledAsync(enabled, ct);
        TempData["Flash"] = (enabled ? K["SwitchedOn"] : K["SwitchedOff"]).Value;
        return Redirect("/admin/community");
    }

    public async Task<IActionResult> OnPostStoryAsync(CancellationToken ct)
    {
        var result = await community.AddStoryAsync(new StoryInput(MemberId, Story), ct);
        if (result.IsOk)
        {
            TempData["Flash"] = K["StorySaved"].Value;
            return Redirect("/admin/community");
        }
        ModelState.AddErrors(result.Errors!, texts, prefix: "");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long storyId, CancellationToken ct)
    {
        await community.RemoveStoryAsync(storyId, ct);
        return Redirect("/admin/community");
    }
}
