using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Members;

public sealed class DetailsModel(MemberService members, Messages.BlockService blocks, Messages.MessageService messages,
    Consultations.ConsultationService consultations) : PageModel
{
    public MemberDto Member { get; private set; } = null!;
    public bool BlockedByMe { get; private set; }
    /// <summary>What I may do with this member: the services' own rules (a block either way stops both).</summary>
    public bool CanMessage { get; private set; }
    public bool CanAskConsultation { get; private set; }
    /// <summary>My request to this member still waiting for an answer: shown instead of offering another.</summary>
    public Consultations.WaitingRequestDto? WaitingRequest { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await members.GetAsync(id, ct);
        if (!result.IsOk) return NotFound();
        Member = result.Value!;
        BlockedByMe = !Member.IsMe && await blocks.IsBlockedByMeAsync(id, ct);
        CanMessage = await messages.CanWriteToAsync(id, ct);
        CanAskConsultation = await consultations.CanAskAsync(id, ct);
        if (CanAskConsultation && !Member.IsMe) WaitingRequest = await consultations.WaitingRequestToAsync(id, ct);
        return Page();
    }
}
