using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Messages;

/// <summary>
/// One conversation. Sending works as a plain form; the page's script posts the same form with fetch
/// (answered as JSON) and shows new messages live from the hub, or by polling when the hub cannot connect.
/// </summary>
public sealed class ConversationModel(MessageService messages, MessageReportService reports, CurrentMember current,
    IStringLocalizer<ValidationTexts> texts, IStringLocalizer<MessageTexts> Msg) : PageModel
{
    public ConversationDto Conversation { get; private set; } = null!;
    public MemberSession Me { get; private set; } = null!;
    [BindProperty] public string? Body { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await ShowAsync(id, ct);

    async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Me = await current.RequireAsync(ct);
        var result = await messages.GetAsync(id, ct);
        if (!result.IsOk) return NotFound();
        Conversation = result.Value!;
        return Page();
    }

    bool Fetch => Request.Headers["X-Requested-With"] == "fetch";

    public async Task<IActionResult> OnPostSendAsync(long id, CancellationToken ct)
    {
        var result = await messages.SendAsync(id, new MessageInput(Body), ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsOk) return Fetch ? new JsonResult(result.Value) : Redirect($"/messages/{id}#m{result.Value!.Id}");
        Error = result.Status == ResultStatus.Forbidden ? Msg["CannotSend"] : result.Message(texts);
        if (Fetch) return new JsonResult(new { error = Error }) { StatusCode = result.Status == ResultStatus.Forbidden ? 403 : 400 };
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostReportAsync(long id, long messageId, string? reason, CancellationToken ct)
    {
        var result = await reports.ReportAsync(messageId, new MessageReportInput(reason), ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = result.IsOk ? Msg["Reported"].Value : result.Message(texts);
        return Redirect($"/messages/{id}#m{messageId}");
    }
}
