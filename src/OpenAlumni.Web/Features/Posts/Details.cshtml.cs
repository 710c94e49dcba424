using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Posts;

/// <summary>
/// A post with its comments. Every button is a form with antiforgery (the API takes bearer tokens only),
/// shown by the post's or comment's Can* flag, each handler one service call, as the API's; a failed form is
/// shown again, open, with its message.
/// </summary>
public sealed class DetailsModel(PostService posts, PostInteractionService interactions, NotificationService notifications,
    IStringLocalizer<ValidationTexts> texts, IStringLocalizer<PostTexts> P) : PageModel
{
    public PostDetailDto Detail { get; private set; } = null!;
    public PostDto Post => Detail.Post;

    /// <summary>Which form failed ("comment", "reply-12", "report-post", "report-comment-12", "hide-post", "hide-comment-12"), its message and what was typed.</summary>
    public string? FailedForm { get; private set; }
    public string? FormError { get; private set; }
    public string? Typed { get; private set; }

    /// <summary>A notification's link carries its id (?n=), so that opening it from the list or a mail marks it read.</summary>
    public async Task<IActionResult> OnGetAsync(long id, long? n, CancellationToken ct)
    {
        if (n is { } notification) await notifications.MarkReadAsync([notification], ct);
        return await ShowAsync(id, ct);
    }

    async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var result = await posts.GetAsync(id, ct);
        if (!result.IsOk) return NotFound();
        Detail = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostReactAsync(long id, string? kind, bool add, CancellationToken ct) =>
        await AfterAsync(id, await interactions.ReactAsync(id, kind, add, ct), "reactions", null, "#reactions", ct);

    public async Task<IActionResult> OnPostInterestAsync(long id, bool add, CancellationToken ct) =>
        await AfterAsync(id, await interactions.InterestAsync(id, add, ct), "interest", null, "#interest", ct);

    public async Task<IActionResult> OnPostCommentAsync(long id, string? body, long? parentId, CancellationToken ct)
    {
        var result = await interactions.CommentAsync(id, new CommentInput(body, parentId), ct);
        Typed = body;
        return await AfterAsync(id, result, parentId is { } p ? $"reply-{p}" : "comment", P["CommentPosted"], $"#comment-{result.Value?.Id}", ct);
    }

    public async Task<IActionResult> OnPostReportAsync(long id, long? commentId, string? reason, CancellationToken ct)
    {
        var result = commentId is { } c
            ? await interactions.ReportAsync(ReportTarget.Comment, c, new ReportInput(reason), ct)
            : await interactions.ReportAsync(ReportTarget.Post, id, new ReportInput(reason), ct);
        Typed = reason;
        return await AfterAsync(id, result, commentId is { } cc ? $"report-comment-{cc}" : "report-post", P["Reported"], "", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, await posts.PublishAsync(id, ct), "author", P["Published"], "", ct);

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var result = await posts.DeleteAsync(id, ct);
        if (!result.IsOk) return await AfterAsync(id, result, "author", null, "", ct);
        TempData["Flash"] = P["Deleted"].Value;
        return Redirect("/posts");
    }

    /// <summary>Admins hide or restore the post (no commentId) or one of its comments, with a reason that is recorded.</summary>
    public async Task<IActionResult> OnPostHideAsync(long id, long? commentId, bool hidden, string? reason, CancellationToken ct)
    {
        var result = await interactions.SetHiddenAsync(commentId is null ? ReportTarget.Post : ReportTarget.Comment, commentId ?? id, hidden,
            new ModerationInput(reason), ct, postId: id);
        Typed = reason;
        return await AfterAsync(id, result, commentId is { } c ? $"hide-comment-{c}" : "hide-post", hidden ? P["HiddenDone"] : P["RestoredDone"],
            commentId is { } cc ? $"#comment-{cc}" : "", ct);
    }

    /// <summary>A space's moderators pin a post to the top of the space's feed (or unpin it).</summary>
    public async Task<IActionResult> OnPostPinAsync(long id, bool pinned, CancellationToken ct) =>
        await AfterAsync(id, await interactions.PinAsync(id, pinned, ct), "hide-post", pinned ? P["PinnedDone"] : P["UnpinnedDone"], "", ct);

    async Task<IActionResult> AfterAsync<T>(long id, Result<T> result, string form, string? flash, string anchor, CancellationToken ct)
    {
        switch (result.Status)
        {
            case ResultStatus.Ok:
                if (flash is not null) TempData["Flash"] = flash;
                return Redirect($"/posts/{id}{anchor}");
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                FailedForm = form;
                FormError = result.Message(texts);
                return await ShowAsync(id, ct);
        }
    }

    public string? ErrorFor(string form) => FailedForm == form ? FormError : null;
    public string? TypedFor(string form) => FailedForm == form ? Typed : null;
}
