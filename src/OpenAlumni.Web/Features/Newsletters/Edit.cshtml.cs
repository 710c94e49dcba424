using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>The edit form: a draft's fields, its blocks as <c>kind:id</c> checkboxes, its audience, its local send time.</summary>
public sealed class NewsletterForm
{
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public List<string> Blocks { get; set; } = [];
    public string Audience { get; set; } = "everyone";
    public string? SegmentKind { get; set; }
    public string? Department { get; set; }
    public int? LeftFrom { get; set; }
    public int? LeftTo { get; set; }
    public List<long> SpaceIds { get; set; } = [];
    /// <summary><c>datetime-local</c>: read in the network's time zone.</summary>
    public string? SendAt { get; set; }
}

/// <summary>
/// Write or edit a newsletter, preview it as a member of its audience would get it, send oneself a test, schedule or cancel.
/// Each action saves the draft first, so that what is previewed, tested or scheduled is what the form shows. Same service as the API.
/// </summary>
public sealed class EditModel(NewsletterService newsletters, Channels.ChannelService channels, ITenantContext tenant,
    IStringLocalizer<ValidationTexts> texts, IStringLocalizer<NewsletterTexts> K) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public NewsletterForm Input { get; set; } = new();
    public NewsletterDto? Saved { get; private set; }
    public IReadOnlyList<BlockChoiceDto> Choices { get; private set; } = [];
    public IReadOnlyList<Channels.ChannelSpaceDto> Spaces { get; private set; } = [];
    public NewsletterPreviewDto? Preview { get; private set; }
    public bool Editable => Saved is null || Saved.Status == "draft";
    public string TimeZone => tenant.Tenant!.TimeZone;

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var got = await newsletters.GetAsync(id, ct);
            if (!got.IsOk) return false;
            Saved = got.Value;
        }
        Choices = await newsletters.ChoicesAsync(ct);
        Spaces = await channels.SpacesAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Saved is { } n)
        {
            var segment = n.Audience.Segment;
            Input = new NewsletterForm
            {
                Subject = n.Subject, Body = n.Body, Blocks = n.Blocks.Select(b => $"{b.Kind}:{b.Id}").ToList(), Audience = n.Audience.Kind,
                SegmentKind = segment?.Kind, Department = segment?.Department, LeftFrom = segment?.LeftFrom, LeftTo = segment?.LeftTo,
                SpaceIds = n.Audience.SpaceIds.ToList(), SendAt = n.SendAt?.ToString("yyyy-MM-ddTHH:mm"),
            };
        }
        return Page();
    }

    NewsletterInput ToInput() => new(Input.Subject ?? "", Input.Body ?? "",
        Input.Blocks.Select(b => b.Split(':')).Select(p => new NewsletterBlockInput(p[0], p.Length > 1 && long.TryParse(p[1], out var v) ? v : null)).ToList(),
        new NewsletterAudienceInput(Input.Audience, new SegmentInput(Input.SegmentKind, Input.Department, Input.LeftFrom, Input.LeftTo), Input.SpaceIds),
        Input.SendAt ?? "");

    /// <summary>Saves the form (creating the draft the first time); false with the errors in ModelState.</summary>
    async Task<bool> SaveAsync(CancellationToken ct)
    {
        var result = Id is { } id ? await newsletters.UpdateAsync(id, ToInput(), ct) : await newsletters.CreateAsync(ToInput(), ct);
        if (result.IsOk) { Id = result.Value!.Id; return true; }
        ModelState.AddErrors(result.Errors!, texts);
        return false;
    }

    async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    IActionResult Back(string flash)
    {
        TempData["Flash"] = flash;
        return Redirect($"/admin/newsletters/edit/{Id}");
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        await SaveAsync(ct) ? Back(K["Saved"].Value) : await RedisplayAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await SaveAsync(ct)) return await RedisplayAsync(ct);
        Preview = (await newsletters.PreviewAsync(Id!.Value, null, ct)).Value;
        return await RedisplayAsync(ct);
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        if (!await SaveAsync(ct)) return await RedisplayAsync(ct);
        var sent = await newsletters.TestAsync(Id!.Value, ct);
        return Back(K["TestSent", sent.Value!.SentTo].Value);
    }

    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken ct)
    {
        if (!await SaveAsync(ct)) return await RedisplayAsync(ct);
        var result = await newsletters.ScheduleAsync(Id!.Value, null, ct);
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts);
            return await RedisplayAsync(ct);
        }
        TempData["Flash"] = K["Scheduled", result.Value!.SendAt?.ToString("yyyy-MM-dd HH:mm") ?? ""].Value;
        return Redirect("/admin/newsletters");
    }

    public async Task<IActionResult> OnPostUnscheduleAsync(CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        var result = await newsletters.UnscheduleAsync(id, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts);
            return await RedisplayAsync(ct);
        }
        return Back(K["Unscheduled"].Value);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        var result = await newsletters.DeleteAsync(id, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts);
            return await RedisplayAsync(ct);
        }
        TempData["Flash"] = K["Deleted"].Value;
        return Redirect("/admin/newsletters");
    }
}
