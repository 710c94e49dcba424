using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Members;

public sealed class DetailsModel(MemberService members, Messages.BlockService blocks) : PageModel
{
    public MemberDto Member { get; private set; } = null!;
    public bool BlockedByMe { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await members.GetAsync(id, ct);
        if (!result.IsOk) return NotFound();
        Member = result.Value!;
        BlockedByMe = !Member.IsMe && await blocks.IsBlockedByMeAsync(id, ct);
        return Page();
    }
}
