using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Settings;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Scim;

/// <summary>
/// The HR system's connection: the SCIM address, its tokens (made here, shown once, revoked here) and whether leavers get their
/// invitation on their last day. Same services as /api/v1/admin/scim-tokens and /api/v1/admin/settings.
/// </summary>
public sealed class IndexModel(ScimTokenService tokens, TenantSettingsService settings, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<ScimTexts> K) : PageModel
{
    public IReadOnlyList<ScimTokenDto> Tokens { get; private set; } = [];
    public string BaseUrl => tokens.BaseUrl;
    public bool InviteOnLastDay { get; private set; }
    /// <summary>The token just made: rendered into this response only (never into TempData, a cookie).</summary>
    public CreatedScimTokenDto? NewToken { get; private set; }
    public string? Name { get; set; }

    async Task LoadAsync(CancellationToken ct)
    {
        Tokens = (await tokens.ListAsync(ct)).Value?.Items ?? [];
        InviteOnLastDay = (await settings.GetAsync(ct)).Value?.InviteLeaversOnLastDay ?? false;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        var result = await tokens.CreateAsync(new CreateScimTokenRequest(name), ct);
        if (result.IsOk) NewToken = result.Value;
        else
        {
            Name = name;
            ModelState.AddErrors(result.Errors!, texts, prefix: "");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(id, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = K["RevokedFlash"].Value;
        return Redirect("/admin/scim");
    }

    public async Task<IActionResult> OnPostSettingsAsync(bool invite, CancellationToken ct)
    {
        await settings.UpdateAsync(new UpdateSettingsRequest(InviteLeaversOnLastDay: invite), ct);
        TempData["Flash"] = K["SavedFlash"].Value;
        return Redirect("/admin/scim");
    }
}
