using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Messages;

/// <summary>The first message to a member, from their profile; an existing one-to-one conversation continues.</summary>
public sealed class NewModel(MessageService messages, MemberService members, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<MessageTexts> Msg) : PageModel
{
    public MemberDto To { get; private set; } = null!;
    [BindProperty] public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(long memberId, CancellationToken ct) => await LoadAsync(memberId, ct) ? Page() : NotFound();

    async Task<bool> LoadAsync(long memberId, CancellationToken ct)
    {
        var result = await members.GetAsync(memberId, ct);
        if (!result.IsOk || result.Value!.IsMe || result.Value.Status is not (null or "Approved")) return false;
        To = result.Value;
        return true;
    }

    public async Task<IActionResult> OnPostAsync(long memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        var result = await messages.StartAsync(new StartConversationInput([memberId], Body), ct);
        if (result.IsOk) return Redirect($"/messages/{result.Value!.Id}");
        if (result.Status == ResultStatus.Forbidden) ModelState.AddModelError("Body", Msg["Blocked"]);
        else ModelState.AddModelError("Body", result.Message(texts));
        return Page();
    }
}
