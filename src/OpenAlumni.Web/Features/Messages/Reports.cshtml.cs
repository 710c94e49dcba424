using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace OpenAlumni.Web.Features.Messages;

/// <summary>The admins' queue of reported messages: each shows the one message reported, never its conversation.</summary>
public sealed class ReportsModel(MessageReportService reports, IStringLocalizer<MessageTexts> Msg) : PageModel
{
    [FromQuery(Name = "status")] public string Status { get; set; } = "open";
    public MessageReportListDto List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Status is not ("open" or "closed")) Status = "open";
        var result = await reports.ListAsync(Status, 1, ct);
        if (!result.IsOk) return Forbid();
        List = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(long reportId, string? note, CancellationToken ct)
    {
        var result = await reports.CloseAsync(reportId, new CloseReportInput(note), ct);
        if (result.IsOk) TempData["Flash"] = Msg["Closed"].Value;
        return Redirect("/messages/reports");
    }
}
