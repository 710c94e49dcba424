using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Storage;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Roster;

/// <summary>
/// The roster page (admins only): upload a CSV → preview (a dry run, with per-row errors) → confirm, which
/// imports the same uploaded file; then invite people from the list.
/// </summary>
[RequestSizeLimit(RosterLimits.RequestBytes)]
public sealed partial class IndexModel(RosterService roster, InvitationService invitations, FileStore files, ITenantContext tenant,
    IStringLocalizer<ValidationTexts> texts, IStringLocalizer<RosterTexts> R) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool? Joined { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PageDto<RosterEntryDto> Items { get; private set; } = new([], 1, 100, 0);
    public RosterImportDto? Preview { get; private set; }
    /// <summary>The uploaded file kept between preview and confirmation (a random name in the tenant's folder).</summary>
    public string? Upload { get; private set; }
    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await roster.ListAsync(Joined, Q, Math.Max(1, PageNumber), ct);
        Items = result.IsOk ? result.Value! : (await roster.ListAsync(null, null, 1, ct)).Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            // Model binding leaves the file null both when none was sent and when the body could not be read.
            var unreadable = (await RosterUpload.ReadAsync(Request, ct)).Unreadable;
            Errors = [("file", texts[unreadable ? "Validation.UploadUnreadable" : "Validation.Required"])];
            if (unreadable) Response.StatusCode = StatusCodes.Status400BadRequest;
            return await OnGetAsync(ct);
        }
        if (file.Length > RosterLimits.FileBytes) { Errors = [("file", texts["Validation.FileTooLarge", RosterLimits.FileBytes / 1024 / 1024])]; return await OnGetAsync(ct); }
        byte[] bytes;
        await using (var stream = file.OpenReadStream())
            bytes = await RosterCsv.ReadBoundedAsync(stream, RosterLimits.FileBytes, ct) ?? [];
        var result = await roster.ImportAsync(new MemoryStream(bytes), bytes.Length, dryRun: true, ct);
        if (result.IsOk)
        {
            Preview = result.Value;
            Upload = Path.GetFileName(await files.SaveAsync(tenant.TenantId, "roster-uploads", ".csv", bytes, ct));
        }
        else Errors = Localize(result.Errors);
        return await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? upload, CancellationToken ct)
    {
        // Only a name this page made, in this tenant's folder.
        if (upload is null || !UploadName().IsMatch(upload)) return BadRequest();
        var path = $"{tenant.TenantId}/roster-uploads/{upload}";
        await using (var stream = await files.OpenAsync(path, ct))
        {
            if (stream is null) { TempData["Flash"] = R["UploadExpired"].Value; return RedirectToPage(); }
            var result = await roster.ImportAsync(stream, stream.Length, dryRun: false, ct);
            if (!result.IsOk) { Errors = Localize(result.Errors); return await OnGetAsync(ct); }
            TempData["Flash"] = R["Imported", result.Value!.Imported, result.Value.Updated, result.Value.Unchanged].Value;
        }
        await files.DeleteAsync(path, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInviteAsync(long[]? ids, bool all, CancellationToken ct)
    {
        var result = await invitations.InviteAsync(new InviteRequest(ids, all), ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = result.IsOk ? R["Invited", result.Value!.Invited, result.Value.Skipped].Value
            : result.Message(texts);
        return RedirectToPage(new { Joined, Q });
    }

    IReadOnlyList<(string, string)> Localize(FieldErrors? errors) =>
        errors?.Items.Select(e => (e.Field, texts[e.Key, e.Args].Value)).ToList() ?? [];

    [GeneratedRegex("^[0-9a-f]{32}\\.csv$")]
    private static partial Regex UploadName();
}
