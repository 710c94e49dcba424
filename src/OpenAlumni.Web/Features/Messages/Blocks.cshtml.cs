using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace OpenAlumni.Web.Features.Messages;

/// <summary>My block list; the profile's "Block" button posts here too.</summary>
public sealed class BlocksModel(BlockService blocks, IStringLocalizer<MessageTexts> Msg) : PageModel
{
    public IReadOnlyList<BlockDto> Blocks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Blocks = await blocks.ListAsync(ct);

    public async Task<IActionResult> OnPostBlockAsync(long memberId, CancellationToken ct)
    {
        var result = await blocks.BlockAsync(memberId, ct);
        if (!result.IsOk) return NotFound();
        TempData["Flash"] = Msg["BlockedOk", result.Value!.DisplayName].Value;
        return Redirect($"/members/{memberId}");
    }

    public async Task<IActionResult> OnPostUnblockAsync(long memberId, string? name, string? returnTo, CancellationToken ct)
    {
        await blocks.UnblockAsync(memberId, ct);
        TempData["Flash"] = Msg["UnblockedOk", name ?? ""].Value;
        return Redirect(returnTo == "profile" ? $"/members/{memberId}" : "/messages/blocks");
    }
}
