using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Markdown;
using OpenAlumni.Web.Infrastructure.Storage;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Posts;

/// <summary>What members do with posts: comment, react, raise a hand, report; and what admins do: hide, restore, decide reports.</summary>
public sealed class PostInteractionService(AlumniDb db, PostService posts, ITenantContext tenant, TimeProvider clock,
    MarkdownRenderer markdown, NotificationService notifications, FileStore files, PhotoProcessor images, Audit.AuditLog audit)
{
    /// <summary>The post if this member may see it (PostAudience); what they may do with it is PostRules'.</summary>
    async Task<(Infrastructure.Auth.MemberSession Me, Post? Post)> ReadableAsync(long id, CancellationToken ct)
    {
        var (me, reader) = await posts.ReaderAsync(ct);
        var post = await db.Set<Post>().VisibleTo(reader).FirstOrDefaultAsync(p => p.Id == id, ct);
        return (me, post);
    }

    public async Task<Result<CommentDto>> CommentAsync(long id, CommentInput input, CancellationToken ct)
    {
        var (me, post) = await ReadableAsync(id, ct);
        if (post is null) return Result<CommentDto>.NotFound();
        if (PostRules.Comment(me, PostFacts.Of(post)) is { } no) return no.As<CommentDto>();
        var errors = new FieldErrors();
        var body = Check.MarkdownText(errors, "body", input.Body, PostLimits.Comment, required: true);
        Comment? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.Set<Comment>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId && c.PostId == id, ct);
            if (parent is null || PostRules.Reply(me, PostFacts.Of(post), parent.HiddenAt is not null) is not null) errors.Add("parentId", "Posts.ParentNotFound");
            // One level of replies: answering a reply answers its thread.
            else if (parent.ParentCommentId is { } top) parent = await db.Set<Comment>().AsNoTracking().FirstAsync(c => c.Id == top, ct);
        }
        if (errors.Any) return errors;
        var now = clock.GetUtcNow();
        var bodyHtml = markdown.ToHtml(body);
        var comment = await db.InTransactionAsync(async tx =>
        {
            var added = new Comment { PostId = id, ParentCommentId = parent?.Id, AuthorMemberId = me.MemberId, Body = body!, BodyHtml = bodyHtml, CreatedAt = now };
            db.Add(added);
            await db.SaveChangesAsync(ct);
            await db.Set<Post>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, p => p.CommentCount + 1), ct);
            var recipients = new List<long> { post.AuthorMemberId };
            if (parent is not null) recipients.Add(parent.AuthorMemberId);
            await notifications.NotifyAsync(recipients, NotificationType.Reply, id, me.MemberId, post.Title, ct);
            await posts.NotifyMentionsAsync(post, body!, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return added;
        }, ct);
        return new CommentDto(comment.Id, comment.ParentCommentId, new AuthorDto(me.MemberId, me.DisplayName, me.Kind.ToString()), comment.Body, comment.BodyHtml,
            tenant.Tenant!.ToLocal(now), false, []);
    }

    public async Task<Result<ReactionsDto>> ReactAsync(long id, string? kindText, bool add, CancellationToken ct)
    {
        var (me, post) = await ReadableAsync(id, ct);
        if (post is null) return Result<ReactionsDto>.NotFound();
        if (PostRules.React(PostFacts.Of(post)) is { } no) return no.As<ReactionsDto>();
        var errors = new FieldErrors();
        var kind = Check.Enum<ReactionKind>(errors, "kind", kindText, required: true);
        if (errors.Any) return errors;
        var existing = await db.Set<Reaction>().FirstOrDefaultAsync(r => r.PostId == id && r.MemberId == me.MemberId && r.Kind == kind, ct);
        if (add && existing is null)
        {
            db.Add(new Reaction { PostId = id, MemberId = me.MemberId, Kind = kind!.Value, CreatedAt = clock.GetUtcNow() });
            await notifications.NotifyAsync([post.AuthorMemberId], NotificationType.Reaction, id, me.MemberId, post.Title, ct);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // the same reaction twice at once: one stands
        }
        else if (!add && existing is not null)
        {
            db.Remove(existing);
            await db.SaveChangesAsync(ct);
        }
        var dto = (await posts.Project(db.Set<Post>().AsNoTracking().Where(p => p.Id == id), me, ct)).First();
        return dto.Reactions;
    }

    /// <summary>"Interested" on a job opening or a consultation; the author sees who raised a hand.</summary>
    public async Task<Result<PostDto>> InterestAsync(long id, bool add, CancellationToken ct)
    {
        var (me, post) = await ReadableAsync(id, ct);
        if (post is null) return Result<PostDto>.NotFound();
        if (PostRules.Interest(me, PostFacts.Of(post)) is { } no) return no.As<PostDto>();
        var existing = await db.Set<PostInterest>().FirstOrDefaultAsync(i => i.PostId == id && i.MemberId == me.MemberId, ct);
        if (add && existing is null) db.Add(new PostInterest { PostId = id, MemberId = me.MemberId, CreatedAt = clock.GetUtcNow() });
        if (!add && existing is not null) db.Remove(existing);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); }
        return (await posts.Project(db.Set<Post>().AsNoTracking().Where(p => p.Id == id), me, ct)).First();
    }

    public async Task<Result<ReportDto>> ReportAsync(ReportTarget target, long targetId, ReportInput input, CancellationToken ct)
    {
        var comment = target == ReportTarget.Comment
            ? await db.Set<Comment>().Where(c => c.Id == targetId).Select(c => new { c.PostId, c.AuthorMemberId, Hidden = c.HiddenAt != null }).FirstOrDefaultAsync(ct)
            : null;
        var (me, post) = await ReadableAsync(comment?.PostId ?? targetId, ct);
        if (post is null || (target == ReportTarget.Comment && comment is null)) return Result<ReportDto>.NotFound();
        var refusal = comment is null ? PostRules.Report(me, PostFacts.Of(post)) : PostRules.ReportComment(me, PostFacts.Of(post), comment.AuthorMemberId, comment.Hidden);
        if (refusal is not null) return refusal.As<ReportDto>();
        var postId = post.Id;
        var errors = new FieldErrors();
        var reason = Check.Text(errors, "reason", input.Reason, PostLimits.Reason, required: true);
        if (errors.Any) return errors;
        var report = new Report { TargetType = target, TargetId = targetId, PostId = postId, ReporterMemberId = me.MemberId, Reason = reason!, Status = ReportStatus.Open, CreatedAt = clock.GetUtcNow() };
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return (await Rows(db.Set<Report>().Where(r => r.Id == report.Id)).ToListAsync(ct)).Select(ToDto).First();
    }

    /// <summary>
    /// Reports to decide: all of them for the secretariat; with <paramref name="spaceId"/>, those about one space's posts, for
    /// its moderators; with <paramref name="network"/>, those about the network's own rooms but announcements, for its supporters.
    /// </summary>
    public async Task<Result<PageDto<ReportDto>>> ReportsAsync(string? status, int page, CancellationToken ct, long? spaceId = null, bool network = false)
    {
        var (me, reader) = await posts.ReaderAsync(ct);
        if (spaceId is { } sid && !await Spaces.SpaceAudience.IsListedAsync(db, reader, sid, ct)) return Result<PageDto<ReportDto>>.NotFound();
        if (!(spaceId is null && !network ? me.IsAdmin : PostFacts.ModeratedBy(reader, Room.Updates, spaceId))) return Result<PageDto<ReportDto>>.Forbidden();
        var errors = new FieldErrors();
        var s = Check.Enum<ReportStatus>(errors, "status", status, required: false) ?? ReportStatus.Open;
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (errors.Any) return errors;
        var query = db.Set<Report>().Where(r => r.Status == s);
        if (spaceId is not null) query = query.Where(r => db.Set<Post>().Any(p => p.Id == r.PostId && p.SpaceId == spaceId));
        else if (network) query = query.Where(r => db.Set<Post>().Any(p => p.Id == r.PostId && p.SpaceId == null && p.Room != Room.Announcements));
        var total = await query.CountAsync(ct);
        var rows = await Rows(query.OrderByDescending(r => r.Id).Skip((page - 1) * 50).Take(50)).ToListAsync(ct);
        return new PageDto<ReportDto>(rows.Select(ToDto).ToList(), page, 50, total);
    }

    sealed class ReportRow
    {
        public required Report Report { get; init; }
        public string? PostTitle { get; init; }
        public string? Excerpt { get; init; }
        public string? ReporterFamily { get; init; }
        public string? ReporterGiven { get; init; }
    }

    /// <summary>Filter the reports first, then project: EF filters on columns, not on a projected object.</summary>
    IQueryable<ReportRow> Rows(IQueryable<Report> reports) =>
        reports.AsNoTracking().Select(r => new ReportRow
        {
            Report = r,
            PostTitle = db.Set<Post>().Where(p => p.Id == r.PostId).Select(p => p.Title).FirstOrDefault(),
            Excerpt = r.TargetType == ReportTarget.Comment ? db.Set<Comment>().Where(c => c.Id == r.TargetId).Select(c => c.Body).FirstOrDefault() : null,
            ReporterFamily = db.Members.Where(m => m.Id == r.ReporterMemberId).Select(m => m.FamilyName).FirstOrDefault(),
            ReporterGiven = db.Members.Where(m => m.Id == r.ReporterMemberId).Select(m => m.GivenName).FirstOrDefault(),
        });

    ReportDto ToDto(ReportRow r) => new(r.Report.Id, WireNames.Of(r.Report.TargetType), r.Report.TargetId, r.Report.PostId, r.PostTitle ?? "",
        r.Excerpt is { Length: > 200 } e ? e[..200] : r.Excerpt, PersonName.Display(r.ReporterFamily ?? "", r.ReporterGiven ?? ""), r.Report.Reason,
        WireNames.Of(r.Report.Status), tenant.Tenant!.ToLocal(r.Report.CreatedAt), r.Report.DecidedAt is { } d ? tenant.Tenant.ToLocal(d) : null, r.Report.DecisionNote);

    /// <summary>
    /// An admin, or a moderator of the post's scope, decides a report: hide the post or comment, or dismiss. The reporter
    /// is told; the decision is in the moderation log and the audit log with its scope.
    /// </summary>
    public async Task<Result<ReportDto>> DecideReportAsync(long reportId, bool hide, ModerationInput input, CancellationToken ct)
    {
        var (me, reader) = await posts.ReaderAsync(ct);
        var report = await db.Set<Report>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null) return me.IsAdmin ? Result<ReportDto>.NotFound() : Result<ReportDto>.Forbidden();
        var scope = await db.Set<Post>().Where(p => p.Id == report.PostId).Select(p => new { p.Room, p.SpaceId }).FirstAsync(ct);
        if (!PostFacts.ModeratedBy(reader, scope.Room, scope.SpaceId)) return Result<ReportDto>.Forbidden();
        var errors = new FieldErrors();
        var note = Check.Text(errors, "reason", input.Reason, PostLimits.Reason);
        if (errors.Any) return errors;
        var now = clock.GetUtcNow();
        var decided = await db.InTransactionAsync(async tx =>
        {
            // Claim the decision first: of two admins deciding at once, one wins and the other gets 409.
            var claimed = await db.Set<Report>().Where(r => r.Id == reportId && r.Status == ReportStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, hide ? ReportStatus.Hidden : ReportStatus.Dismissed)
                    .SetProperty(r => r.DecidedAt, now).SetProperty(r => r.DecidedByMemberId, me.MemberId).SetProperty(r => r.DecisionNote, note), ct);
            if (claimed == 0) return false;
            if (hide) await HideTargetAsync(report.TargetType, report.TargetId, me.MemberId, note, now, ct);
            db.Add(new ModerationAction { TargetType = report.TargetType, TargetId = report.TargetId, PostId = report.PostId, ReportId = reportId,
                Action = hide ? ModerationKind.Hide : ModerationKind.Dismiss, ByMemberId = me.MemberId, Reason = note, At = now });
            await audit.AddAsync(hide ? "content.hide" : "report.dismiss", WireNames.Of(report.TargetType), report.TargetId.ToString(),
                null, new { report = reportId, hasReason = note is not null, scope = Scope(scope.SpaceId) }, ct);
            // Every open report of the same target is settled by one decision.
            var same = await db.Set<Report>().Where(r => r.TargetType == report.TargetType && r.TargetId == report.TargetId
                && (r.Status == ReportStatus.Open || r.Id == reportId)).ToListAsync(ct);
            foreach (var r in same)
            {
                r.Status = hide ? ReportStatus.Hidden : ReportStatus.Dismissed;
                r.DecidedAt = now;
                r.DecidedByMemberId = me.MemberId;
                r.DecisionNote = note;
            }
            var title = await db.Set<Post>().Where(p => p.Id == report.PostId).Select(p => p.Title).FirstAsync(ct);
            await notifications.NotifyAsync(same.Select(r => r.ReporterMemberId).ToList(), NotificationType.ReportDecision, report.PostId, null,
                title, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }, ct);
        if (!decided) return Result<ReportDto>.Conflict("status", "Posts.ReportDecided");
        return (await Rows(db.Set<Report>().Where(r => r.Id == reportId)).ToListAsync(ct)).Select(ToDto).First();
    }

    async Task HideTargetAsync(ReportTarget target, long id, long adminId, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        if (target == ReportTarget.Post)
            await db.Set<Post>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.HiddenAt, now)
                .SetProperty(p => p.HiddenByMemberId, adminId).SetProperty(p => p.HiddenReason, reason), ct);
        else
            await db.Set<Comment>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.HiddenAt, now), ct);
    }

    /// <summary>Admins hide or restore any post or comment directly (without a report).</summary>
    /// <param name="postId">For a comment: the post it must belong to (the page passes it; the API does not).</param>
    public async Task<Result<bool>> SetHiddenAsync(ReportTarget target, long id, bool hidden, ModerationInput input, CancellationToken ct, long? postId = null)
    {
        var (me, reader) = await posts.ReaderAsync(ct);
        var ofPost = target == ReportTarget.Post ? id
            : await db.Set<Comment>().Where(c => c.Id == id && (postId == null || c.PostId == postId)).Select(c => (long?)c.PostId).FirstOrDefaultAsync(ct);
        // A volunteer moderates what they can read; to anyone else the post is not there (the secretariat is told "not found").
        var post = ofPost is null ? null : await (me.IsAdmin ? db.Set<Post>() : db.Set<Post>().VisibleTo(reader)).AsNoTracking().FirstOrDefaultAsync(p => p.Id == ofPost, ct);
        if (post is null) return Result<bool>.NotFound();
        var facts = PostFacts.Of(post, reader);
        if ((target == ReportTarget.Post ? PostRules.Moderate(me, facts) : PostRules.ModerateComment(me, facts)) is { } no) return no.As<bool>();
        var errors = new FieldErrors();
        var note = Check.Text(errors, "reason", input.Reason, PostLimits.Reason);
        if (errors.Any) return errors;
        var postOf = target == ReportTarget.Post ? id : await db.Set<Comment>().Where(c => c.Id == id).Select(c => c.PostId).FirstAsync(ct);
        db.Add(new ModerationAction { TargetType = target, TargetId = id, PostId = postOf, Action = hidden ? ModerationKind.Hide : ModerationKind.Restore,
            ByMemberId = me.MemberId, Reason = note, At = clock.GetUtcNow() });
        await audit.AddAsync(hidden ? "content.hide" : "content.restore", WireNames.Of(target), id.ToString(), null, new { hasReason = note is not null, scope = Scope(post.SpaceId) }, ct);
        await db.SaveChangesAsync(ct);
        if (hidden) await HideTargetAsync(target, id, me.MemberId, note, clock.GetUtcNow(), ct);
        else if (target == ReportTarget.Post)
            await db.Set<Post>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.HiddenAt, (DateTimeOffset?)null).SetProperty(p => p.HiddenReason, (string?)null), ct);
        else
            await db.Set<Comment>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.HiddenAt, (DateTimeOffset?)null), ct);
        return true;
    }

    /// <summary>The scope a moderation action was taken in, as the audit log records it.</summary>
    static string Scope(long? spaceId) => spaceId is { } s ? $"space:{s}" : "network";

    /// <summary>Pins or unpins a published post: announcements by the secretariat; in a space, any post by its moderators.</summary>
    public async Task<Result<PostDto>> PinAsync(long id, bool pinned, CancellationToken ct)
    {
        var (me, reader) = await posts.ReaderAsync(ct);
        var post = await db.Set<Post>().VisibleTo(reader).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return Result<PostDto>.NotFound();
        if (PostRules.Pin(me, PostFacts.Of(post, reader)) is { } no) return no.As<PostDto>();
        if (post.Pinned != pinned)
        {
            post.Pinned = pinned;
            await audit.AddAsync(pinned ? "content.pin" : "content.unpin", "post", id.ToString(), null, new { scope = Scope(post.SpaceId) }, ct);
            await db.SaveChangesAsync(ct);
        }
        return (await posts.ProjectWithFactsAsync(db.Set<Post>().AsNoTracking().Where(p => p.Id == id), me, ct, reader)).First().Post;
    }

    public sealed record ModerationActionDto(long Id, string TargetType, long TargetId, long PostId, string Action, string By, string? Reason, long? ReportId, DateTimeOffset At);

    /// <summary>The moderation log, newest first: every hide, restore and dismissal with who and why (admins).</summary>
    public async Task<Result<PageDto<ModerationActionDto>>> ModerationLogAsync(int page, CancellationToken ct)
    {
        if (!(await posts.ReaderAsync(ct)).Session.IsAdmin) return Result<PageDto<ModerationActionDto>>.Forbidden();
        if (page is < 1 or > 100_000) return FieldErrors.Of("page", "Validation.PageInvalid");
        var total = await db.Set<ModerationAction>().CountAsync(ct);
        var rows = await db.Set<ModerationAction>().AsNoTracking().OrderByDescending(a => a.Id).Skip((page - 1) * 50).Take(50)
            .Join(db.Members, a => a.ByMemberId, m => m.Id, (a, m) => new { a, m.FamilyName, m.GivenName, m.RomanizedName }).ToListAsync(ct);
        return new PageDto<ModerationActionDto>(rows.Select(x => new ModerationActionDto(x.a.Id, WireNames.Of(x.a.TargetType), x.a.TargetId, x.a.PostId,
            WireNames.Of(x.a.Action), PersonName.Display(x.FamilyName, x.GivenName, x.RomanizedName), x.a.Reason, x.a.ReportId, tenant.Tenant!.ToLocal(x.a.At))).ToList(), page, 50, total);
    }

    /// <summary>An image for a post: decoded, bounded and re-encoded like a profile photo; returns its Markdown.</summary>
    /// <summary>
    /// Stores an image and answers the Markdown that shows it; <paramref name="alt"/> (what the image shows, for readers
    /// who cannot see it) becomes the image's alt text in the post.
    /// </summary>
    public async Task<Result<string>> UploadImageAsync(Stream content, long length, CancellationToken ct, string? alt = null)
    {
        var (me, _) = await posts.ReaderAsync(ct);
        var altErrors = new FieldErrors();
        var altText = Check.Line(altErrors, "alt", alt, PostLimits.ImageAlt);
        if (altErrors.Any) return altErrors;
        var jpeg = await images.ReadAsJpegAsync(content, length, "image", PhotoProcessor.LargeSide, ct);
        if (!jpeg.IsOk) return jpeg.Errors!;
        var attachment = new Attachment { UploaderMemberId = me.MemberId, Path = await files.SaveAsync(tenant.TenantId, "attachments", ".jpg", jpeg.Value!, ct), CreatedAt = clock.GetUtcNow() };
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        return $"![{EscapeAlt(altText)}](/posts/attachments/{attachment.Id}/{Path.GetFileNameWithoutExtension(attachment.Path)})";
    }

    /// <summary>Alt text inside <c>![…]</c>: Markdown's own characters escaped, so it stays text.</summary>
    static string EscapeAlt(string? alt) => alt is null ? "" :
        System.Text.RegularExpressions.Regex.Replace(alt, @"[\\\[\]`*_<>!]", m => "\\" + m.Value);

    /// <summary>
    /// An attached image, by its id and the random name of its file: the URL is only known to those who can
    /// read the post it is in (ids alone are guessable; the 128-bit name is not).
    /// </summary>
    public async Task<Stream?> OpenImageAsync(long id, string key, CancellationToken ct)
    {
        await posts.ReaderAsync(ct);
        if (key.Length != 32) return null;
        var path = await db.Set<Attachment>().Where(a => a.Id == id).Select(a => a.Path).FirstOrDefaultAsync(ct);
        return path is null || Path.GetFileNameWithoutExtension(path) != key ? null : await files.OpenAsync(path, ct);
    }
}
