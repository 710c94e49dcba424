using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Channels;

/// <summary>The form behind "add a channel" (the URL is write-only: the form never shows it back).</summary>
public sealed class ChannelForm
{
    public string? Kind { get; set; } = "slack";
    public string? Url { get; set; }
    public string? Language { get; set; }
    public List<string> Events { get; set; } = ["announcement", "event"];
    public long? SpaceId { get; set; }
}

/// <summary>The form behind "edit" on a channel: its language, what it hears, and a new URL when one is typed (blank keeps the old).</summary>
public sealed class ChannelEditForm
{
    public string? Url { get; set; }
    public string? Language { get; set; }
    public List<string> Events { get; set; } = [];
}

/// <summary>
/// The secretariat's chat channels: the list with each one's delivery status, add, send a test, pause or resume, delete.
/// Same service as /api/v1/admin/channels.
/// </summary>
public sealed class IndexModel(ChannelService channels, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<ChannelTexts> K) : PageModel
{
    public IReadOnlyList<ChannelDto> Items { get; private set; } = [];
    public IReadOnlyList<ChannelSpaceDto> Spaces { get; private set; } = [];
    /// <summary>Why the last test failed, and which channel it was.</summary>
    public (long Id, string Message)? TestFailure { get; private set; }
    [BindProperty] public ChannelForm Input { get; set; } = new();
    [BindProperty] public ChannelEditForm Edit { get; set; } = new();
    /// <summary>The channel whose edit form was sent back with errors (it stays open).</summary>
    public long? Editing { get; private set; }

    async Task LoadAsync(CancellationToken ct)
    {
        Items = (await channels.ListAsync(ct)).Value?.Items ?? [];
        Spaces = await channels.SpacesAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await channels.CreateAsync(new ChannelInput(Input.Kind, Input.Url, Input.Language, Input.Events, Input.SpaceId), ct);
        if (result.IsOk)
        {
            TempData["Flash"] = K["AddedFlash"].Value;
            return Redirect("/admin/channels");
        }
        ModelState.AddErrors(result.Errors!, texts);
        // The URL typed is a secret: it is not sent back into the form.
        Input.Url = null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken ct)
    {
        // A blank URL field keeps the channel's address; only one typed replaces it.
        var url = string.IsNullOrWhiteSpace(Edit.Url) ? null : Edit.Url;
        var result = await channels.UpdateAsync(id, new ChannelInput(Url: url, Language: Edit.Language, Events: Edit.Events), ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsOk)
        {
            TempData["Flash"] = K["SavedFlash"].Value;
            return Redirect("/admin/channels");
        }
        ModelState.AddErrors(result.Errors!, texts, prefix: "Edit");
        Editing = id;
        Edit.Url = null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(long id, CancellationToken ct)
    {
        var result = await channels.TestAsync(id, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsOk)
        {
            TempData["Flash"] = K["TestOkFlash", result.Value!.ReceiverStatus].Value;
            return Redirect("/admin/channels");
        }
        var error = result.Errors!.Items[0];
        TestFailure = (id, texts[error.Key, error.Args].Value);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPauseAsync(long id, bool paused, CancellationToken ct)
    {
        var result = await channels.UpdateAsync(id, new ChannelInput(Paused: paused), ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = (paused ? K["PausedFlash"] : K["ResumedFlash"]).Value;
        return Redirect("/admin/channels");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var result = await channels.DeleteAsync(id, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = K["DeletedFlash"].Value;
        return Redirect("/admin/channels");
    }
}
