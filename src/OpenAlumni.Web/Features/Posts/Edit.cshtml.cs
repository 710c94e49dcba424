using OpenAlumni.Web.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Posts;

/// <summary>
/// Write a post (or edit mine, ?id=): the same CreateAsync / UpdateAsync / PublishAsync as the API. Counting an
/// announcement's audience and uploading an image post the whole form, so nothing typed is lost and no script is needed.
/// </summary>
public sealed class EditModel(PostService posts, PostInteractionService interactions, CurrentMember current,
    IStringLocalizer<ValidationTexts> texts, IStringLocalizer<PostTexts> P, Spaces.SpaceService spaces) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    /// <summary>The space a new post is written in (from its page's "write" button).</summary>
    [BindProperty(SupportsGet = true)] public long? SpaceId { get; set; }
    public Spaces.SpaceDto? Space { get; private set; }
    /// <summary>The spaces a new network announcement may be aimed at (the secretariat's form).</summary>
    public IReadOnlyList<Spaces.SpaceDto> TargetableSpaces { get; private set; } = [];
    [BindProperty] public PostForm Input { get; set; } = new();
    public PostDto? Existing { get; private set; }
    public MemberSession Me { get; private set; } = null!;
    public int? AudienceCount { get; private set; }
    public string? InsertedImage { get; private set; }

    public sealed class PostForm
    {
        public string? Room { get; set; }
        public string? Category { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }
        public string? JobRole { get; set; }
        public string? JobPlace { get; set; }
        public string? JobHowToApply { get; set; }
        public string? JobUntil { get; set; }
        public bool Pinned { get; set; }
        public SegmentForm Segment { get; set; } = new();
        public List<long> SpaceIds { get; set; } = [];
    }

    public sealed class SegmentForm
    {
        public string? Kind { get; set; }
        public string? Department { get; set; }
        public string? LeftFrom { get; set; }
        public string? LeftTo { get; set; }
        public string? Location { get; set; }
        public List<string> OpenTo { get; set; } = [];
        public string? Tag { get; set; }
    }

    /// <summary>The room as chosen (new post) or as it is (a post never moves).</summary>
    public string Room => (Existing?.Room ?? Input.Room ?? "").ToLowerInvariant();
    public bool IsAnnouncement => Room == "announcements";
    /// <summary>The rooms I may write in (PostRules.MayWriteIn), in the order the form offers them.</summary>
    public IEnumerable<string> Rooms => new[] { Posts.Room.Updates, Posts.Room.Notices, Posts.Room.Announcements }
        .Where(r => PostRules.MayWriteIn(Me, r)).Select(r => WireNames.Of(r));
    /// <summary>Pin and audience, for whoever may pin announcements: on an announcement, or a new post that may become one.</summary>
    public bool AnnouncementOptions => PostRules.MayPin(Me, Posts.Room.Announcements) && (IsAnnouncement || Existing is null);
    /// <summary>A network announcement (not one written in a space) may be aimed at spaces.</summary>
    public bool SpaceTargets => AnnouncementOptions && SpaceId is null && Existing?.SpaceId is null && TargetableSpaces.Count > 0;
    /// <summary>The audience is chosen while the announcement is new or a draft (I am its author: a draft is what I may publish); published, it is fixed.</summary>
    public bool SegmentEditable => Existing is null || Existing.CanPublish;

    public async Task<IActionResult> OnGetAsync(string? room, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing) return missing;
        if (Existing is { } p)
        {
            var s = p.Segment;
            Input = new PostForm
            {
                Room = p.Room, Category = p.Category, Title = p.Title, Body = p.Body,
                JobRole = p.Job?.Role, JobPlace = p.Job?.Place, JobHowToApply = p.Job?.HowToApply, JobUntil = p.Job?.Until?.ToString("yyyy-MM-dd"),
                Pinned = p.Pinned, SpaceIds = p.SpaceIds?.ToList() ?? [],
                Segment = new SegmentForm
                {
                    Kind = s?.Kind, Department = s?.Department, LeftFrom = s?.LeftFrom?.ToString(), LeftTo = s?.LeftTo?.ToString(),
                    Location = s?.Location, OpenTo = s?.OpenTo?.ToList() ?? [], Tag = s?.Tag,
                },
            };
        }
        else Input.Room = room is not null && Rooms.Contains(room) ? room : "updates";
        return Page();
    }

    /// <summary>Me, and the post being edited: only its author edits it (the service says so too).</summary>
    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Me = await current.RequireAsync(ct);
        if (Me.IsAdmin) TargetableSpaces = (await spaces.ListAsync(null, null, false, 1, ct)).Value?.Items ?? [];
        if (Id is not { } id)
        {
            if (SpaceId is not { } space) return null;
            var found = await spaces.GetAsync(space, ct);
            if (!found.IsOk) return NotFound();
            if (!found.Value!.CanPost) return Forbid();
            Space = found.Value;
            return null;
        }
        var result = await posts.GetAsync(id, ct);
        if (!result.IsOk || !result.Value!.Post.CanEdit) return NotFound();
        Existing = result.Value.Post;
        SpaceId = Existing.SpaceId;
        if (SpaceId is { } of) Space = (await spaces.GetAsync(of, ct)).Value;
        return null;
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(publish: false, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => SaveAsync(publish: true, ct);

    async Task<IActionResult> SaveAsync(bool publish, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing) return missing;
        var errors = new FieldErrors();
        var input = ToInput(errors, draft: !publish);
        if (errors.Any) return Invalid(errors);

        if (Existing is null)
        {
            var created = await posts.CreateAsync(input, ct);
            if (created.Status == ResultStatus.Forbidden) return Invalid(FieldErrors.Of("room", "Validation.Forbidden"));
            if (!created.IsOk) return Invalid(created.Errors!);
            TempData["Flash"] = (publish ? P["Published"] : P["DraftSaved"]).Value;
            return Redirect($"/posts/{created.Value!.Id}");
        }

        var updated = await posts.UpdateAsync(Existing.Id, input with { Room = null, Category = null }, ct);
        if (updated.Status is ResultStatus.NotFound or ResultStatus.Forbidden) return NotFound();
        if (!updated.IsOk) return Invalid(updated.Errors!);
        var flash = P["Saved"];
        if (publish && Existing.CanPublish)
        {
            var published = await posts.PublishAsync(Existing.Id, ct);
            if (!published.IsOk) return Invalid(published.Errors ?? FieldErrors.Of("status", "Posts.NotDraft"));
            flash = P["Published"];
        }
        TempData["Flash"] = flash.Value;
        return Redirect($"/posts/{Existing.Id}");
    }

    /// <summary>"Audience: N members" for the segment as typed; the form comes back as it was.</summary>
    public async Task<IActionResult> OnPostAudienceAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing) return missing;
        var errors = new FieldErrors();
        var segment = ToSegment(errors);
        if (errors.Any) return Invalid(errors);
        var result = await posts.AudienceAsync(segment, ct);
        if (!result.IsOk) return Invalid(result.Errors!);
        AudienceCount = result.Value!.Members;
        return Page();
    }

    /// <summary>Uploads an image and appends its Markdown to the text being written.</summary>
    /// <summary>The body as the post will show it, for the editor's Preview tab (JSON; the antiforgery token comes in a header).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string? body, CancellationToken ct)
    {
        var result = await posts.PreviewAsync(body, ct);
        return result.IsOk ? new JsonResult(result.Value) : new JsonResult(new { error = result.Message(texts) }) { StatusCode = 400 };
    }

    public async Task<IActionResult> OnPostImageAsync(IFormFile? image, string? imageAlt, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing) return missing;
        if (image is null) return Invalid(FieldErrors.Of("image", "Validation.Required"));
        await using var stream = image.OpenReadStream();
        var result = await interactions.UploadImageAsync(stream, image.Length, ct, imageAlt);
        if (!result.IsOk) return Invalid(result.Errors!);
        InsertedImage = result.Value!;
        Input.Body = string.IsNullOrWhiteSpace(Input.Body) ? InsertedImage : Input.Body.TrimEnd() + "\n\n" + InsertedImage;
        return Page();
    }

    PageResult Invalid(FieldErrors errors)
    {
        foreach (var e in errors.Items)
        {
            // "image" belongs to no Input field; the rest go by their inputs (room → Input.Room, segment.leftFrom → Input.Segment.LeftFrom).
            if (e.Field is "image" or "alt") ModelState.AddModelError("Image", texts[e.Key, e.Args]);
            else ModelState.AddErrors(FieldErrors.Of(e.Field, e.Key, e.Args), texts);
        }
        return Page();
    }

    /// <summary>The form as the service's input. Category, job, pin and audience go only where they belong, so a leftover field of another room is not an error.</summary>
    PostInput ToInput(FieldErrors errors, bool draft)
    {
        var i = Input;
        var room = Room;
        var notices = room == "notices";
        var job = notices && string.Equals(Existing?.Category ?? i.Category, "job", StringComparison.OrdinalIgnoreCase);
        return new PostInput(
            Room: Existing is null ? i.Room : null,
            Category: notices ? i.Category : null,
            Title: i.Title ?? "", Body: i.Body ?? "", Draft: draft,
            JobRole: job ? i.JobRole ?? "" : null, JobPlace: job ? i.JobPlace ?? "" : null,
            JobHowToApply: job ? i.JobHowToApply ?? "" : null, JobUntil: job ? i.JobUntil ?? "" : null,
            Segment: IsAnnouncement && SegmentEditable ? ToSegment(errors) : null,
            Pinned: IsAnnouncement && PostRules.MayPin(Me, Posts.Room.Announcements) ? i.Pinned : null,
            SpaceId: Existing is null ? SpaceId : null,
            SpaceIds: IsAnnouncement && SegmentEditable && SpaceTargets ? i.SpaceIds : null);
    }

    SegmentInput ToSegment(FieldErrors errors)
    {
        var s = Input.Segment;
        return new SegmentInput(Blank(s.Kind), Blank(s.Department), Check.FormNumber(errors, "segment.leftFrom", s.LeftFrom), Check.FormNumber(errors, "segment.leftTo", s.LeftTo),
            Blank(s.Location), s.OpenTo, Blank(s.Tag));
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
