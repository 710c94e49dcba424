using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Spaces;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Markdown;
using OpenAlumni.Web.Infrastructure.Search;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Posts;

/// <summary>Posts in the three rooms: writing, editing, publishing, deleting, and reading the feed.</summary>
public sealed partial class PostService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock,
    MarkdownRenderer markdown, NotificationService notifications, Channels.ChannelFeed channels)
{
    public const int MaxPageSize = 50;

    /// <summary>Rooms the network switched off (tenant settings): their posts leave the feed and cannot be opened or written.</summary>
    internal List<Room> ClosedRooms()
    {
        var off = tenant.Tenant?.DisabledFeatures ?? new HashSet<TenantFeature>();
        return Enum.GetValues<Room>().Where(r => off.Contains(r switch
        {
            Room.Announcements => TenantFeature.Announcements, Room.Updates => TenantFeature.Updates, _ => TenantFeature.Notices,
        })).ToList();
    }

    internal async Task<(MemberSession Session, Reader Reader)> ReaderAsync(CancellationToken ct)
    {
        var session = await current.RequireAsync(ct);
        return (session, await PostAudience.ReaderAsync(db, session.MemberId, ct));
    }

    /// <summary>
    /// A body as the post will show it: the same checks and the same Markdown and sanitizer pipeline as saving it,
    /// so the preview is the post (sanitized HTML: no script, no event handlers). Members only; nothing is stored.
    /// </summary>
    public async Task<Result<PreviewDto>> PreviewAsync(string? body, CancellationToken ct)
    {
        await current.RequireAsync(ct);
        var errors = new FieldErrors();
        var text = Check.MarkdownText(errors, "body", body, PostLimits.Body);
        if (errors.Any) return errors;
        return new PreviewDto(markdown.ToHtml(text));
    }

    public async Task<Result<PostDto>> CreateAsync(PostInput input, CancellationToken ct)
    {
        var (me, reader) = await ReaderAsync(ct);
        var errors = new FieldErrors();
        // A space's posts are written by its members (and the secretariat); to anyone else the space is not there.
        if (input.SpaceId is { } spaceId && !(me.IsAdmin ? await db.Set<Spaces.Space>().AnyAsync(x => x.Id == spaceId, ct) : reader.MySpaces.Contains(spaceId)))
            return await Spaces.SpaceAudience.IsListedAsync(db, reader, spaceId, ct) ? Result<PostDto>.Forbidden() : Result<PostDto>.NotFound();
        var room = Check.Enum<Room>(errors, "room", input.Room, required: true);
        if (room is { } r && ClosedRooms().Contains(r)) errors.Add("room", "Validation.RoomClosed");
        if (room is { } chosen && !PostRules.MayWriteIn(me, chosen)) return Result<PostDto>.Forbidden();
        var now = clock.GetUtcNow();
        var post = new Post { Title = "", Body = "", BodyHtml = "", AuthorMemberId = me.MemberId, CreatedAt = now, Room = room ?? Room.Updates, SpaceId = input.SpaceId };
        Apply(post, input, errors, creating: true, me, reader);
        await TargetSpacesAsync(post, input.SpaceIds, errors, me, ct);
        if (errors.Any) return errors;
        post.Status = input.Draft ? PostStatus.Draft : PostStatus.Published;
        if (!input.Draft) post.PublishedAt = now;
        PostAudience.IndexForSearch(post, me.DisplayName);
        db.Add(post);
        await db.SaveChangesAsync(ct);
        if (post.Status == PostStatus.Published) await AnnounceAsync(post, ct);
        return (await GetAsync(post.Id, ct)).Value!.Post;
    }

    public async Task<Result<PostDto>> UpdateAsync(long id, PostInput input, CancellationToken ct)
    {
        var (me, reader) = await ReaderAsync(ct);
        var post = await db.Set<Post>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return Result<PostDto>.NotFound();
        if (PostRules.Edit(me, PostFacts.Of(post)) is { } no) return no.As<PostDto>();
        var errors = new FieldErrors();
        var bodyBefore = post.Body;
        if (input.Room is not null && !string.Equals(input.Room, post.Room.ToString(), StringComparison.OrdinalIgnoreCase))
            errors.Add("room", "Posts.RoomFixed");
        if (input.SpaceId is not null && input.SpaceId != post.SpaceId) errors.Add("spaceId", "Posts.SpaceFixed");
        Apply(post, input, errors, creating: false, me, reader);
        if (input.SpaceIds is not null)
        {
            if (post.Status == PostStatus.Published) errors.Add("spaceIds", "Posts.SegmentFixed");
            else
            {
                await db.Entry(post).Collection(p => p.SpaceTargets).LoadAsync(ct);
                post.SpaceTargets.Clear();
                await TargetSpacesAsync(post, input.SpaceIds, errors, me, ct);
            }
        }
        if (errors.Any) return errors;
        if (post.Status == PostStatus.Published) post.EditedAt = clock.GetUtcNow();
        PostAudience.IndexForSearch(post, me.DisplayName);
        await db.SaveChangesAsync(ct);
        if (post.Status == PostStatus.Published)
        {
            // Only the people the edit newly names: those named before were told already.
            var before = MentionPattern().Matches(bodyBefore).Select(m => m.Value).ToHashSet();
            var added = string.Join(' ', MentionPattern().Matches(post.Body).Select(m => m.Value).Where(m => !before.Contains(m)));
            if (added.Length > 0) { await NotifyMentionsAsync(post, added, ct); await db.SaveChangesAsync(ct); }
        }
        return (await GetAsync(id, ct)).Value!.Post;
    }

    public async Task<Result<PostDto>> PublishAsync(long id, CancellationToken ct)
    {
        var (me, _) = await ReaderAsync(ct);
        var post = await db.Set<Post>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return Result<PostDto>.NotFound();
        if (PostRules.Publish(me, PostFacts.Of(post)) is { } no) return no.As<PostDto>();
        post.Status = PostStatus.Published;
        post.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await AnnounceAsync(post, ct);
        return (await GetAsync(id, ct)).Value!.Post;
    }

    /// <summary>The author deletes for good (comments, reactions and reports go with it).</summary>
    public async Task<Result<bool>> DeleteAsync(long id, CancellationToken ct)
    {
        var (me, _) = await ReaderAsync(ct);
        var post = await db.Set<Post>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return Result<bool>.NotFound();
        if (PostRules.Delete(me, PostFacts.Of(post)) is { } no) return no.As<bool>();
        await db.Set<Report>().Where(r => r.PostId == id).ExecuteDeleteAsync(ct);
        await db.Set<Notification>().Where(n => n.PostId == id).ExecuteDeleteAsync(ct);
        db.Remove(post);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The spaces an announcement is for: the secretariat's choice, each an existing space of the network.</summary>
    async Task TargetSpacesAsync(Post post, IReadOnlyList<long>? spaceIds, FieldErrors errors, MemberSession me, CancellationToken ct)
    {
        var ids = (spaceIds ?? []).Distinct().ToList();
        post.TargetsSpaces = false;
        if (ids.Count == 0) return;
        if (post.Room != Room.Announcements || post.SpaceId is not null) { errors.Add("spaceIds", "Posts.SpacesAnnouncementsOnly"); return; }
        if (ids.Count > 50 || await db.Set<Spaces.Space>().CountAsync(x => ids.Contains(x.Id), ct) != ids.Count) { errors.Add("spaceIds", "Posts.SpaceNotFound"); return; }
        post.TargetsSpaces = true;
        post.SpaceTargets.AddRange(ids.Select(x => new PostSpaceTarget { SpaceId = x }));
    }

    void Apply(Post post, PostInput r, FieldErrors errors, bool creating, MemberSession me, Reader reader)
    {
        if (creating || r.Title is not null) post.Title = Check.Text(errors, "title", r.Title, PostLimits.Title, required: true) ?? post.Title;
        if (creating || r.Body is not null)
        {
            post.Body = Check.MarkdownText(errors, "body", r.Body, PostLimits.Body, required: true) ?? post.Body;
            post.BodyHtml = markdown.ToHtml(post.Body);
        }
        if (creating)
        {
            post.Category = post.Room == Room.Notices ? Check.Enum<NoticeCategory>(errors, "category", r.Category, required: true) : null;
            if (post.Room != Room.Notices && !string.IsNullOrEmpty(r.Category)) errors.Add("category", "Posts.CategoryOnlyForNotices");
        }
        if (post.Category == NoticeCategory.Job)
        {
            if (creating || r.JobRole is not null) post.JobRole = Check.Text(errors, "jobRole", r.JobRole, PostLimits.Short, required: true);
            if (creating || r.JobPlace is not null) post.JobPlace = Check.Text(errors, "jobPlace", r.JobPlace, PostLimits.Short, required: true);
            if (creating || r.JobHowToApply is not null) post.JobHowToApply = Check.Text(errors, "jobHowToApply", r.JobHowToApply, 2000, required: true);
            if (creating || r.JobUntil is not null) post.JobUntil = ParseDate(errors, "jobUntil", r.JobUntil);
        }
        if (r.Pinned is { } pinned)
        {
            var mayPin = post.SpaceId is null ? PostRules.MayPin(me, post.Room) : PostFacts.ModeratedBy(reader, post.Room, post.SpaceId);
            if (!mayPin) errors.Add("pinned", "Posts.PinAnnouncementsOnly");
            else post.Pinned = pinned;
        }
        if (r.Segment is { } s)
        {
            if (post.Room != Room.Announcements) { errors.Add("segment", "Posts.SegmentAnnouncementsOnly"); return; }
            if (!creating && post.Status == PostStatus.Published) { errors.Add("segment", "Posts.SegmentFixed"); return; }
            post.SegmentKind = SegmentRule.ReadKind(errors, "segment", s);
            post.Segment = SegmentRule.Read(errors, "segment", s, clock.GetUtcNow().Year);
        }
    }

    DateTimeOffset? ParseDate(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add(field, "Validation.Required"); return null; }
        if (!DateOnly.TryParse(value.Trim(), CultureInfo.InvariantCulture, out var date) || date.Year is < 2000 or > 2200) { errors.Add(field, "Posts.DateInvalid"); return null; }
        var tz = tenant.Tenant!.TimeZoneInfo;
        var endOfDay = date.ToDateTime(new TimeOnly(23, 59));
        var local = new DateTimeOffset(endOfDay, tz.GetUtcOffset(endOfDay));
        if (local < clock.GetUtcNow()) { errors.Add(field, "Posts.DateInPast"); return null; }
        return local.ToUniversalTime();
    }

    /// <summary>On publishing: a targeted (or any) announcement notifies its audience; mentions notify whom they name.</summary>
    async Task AnnounceAsync(Post post, CancellationToken ct)
    {
        if (post.Room == Room.Announcements)
        {
            // In a space, or aimed at spaces: their members who still hear of them (SpaceNotify), within the segment.
            var listeners = post.SpaceId is { } sid ? [sid] : post.TargetsSpaces ? post.SpaceTargets.Select(t => t.SpaceId).ToList() : null;
            var reached = db.Members.AsNoTracking().Reached(post.SegmentKind, post.Segment);
            if (listeners is not null) reached = reached.Hearing(db, listeners, Spaces.SpaceNotify.Highlights);
            var audience = await reached.Select(m => m.Id).ToListAsync(ct);
            await notifications.NotifyAsync(audience, NotificationType.Announcement, post.Id, post.AuthorMemberId, post.Title, ct);
        }
        else if (post.SpaceId is { } space)
        {
            var audience = await db.Members.AsNoTracking().Approved().Hearing(db, [space], Spaces.SpaceNotify.Everything).Select(m => m.Id).ToListAsync(ct);
            await notifications.NotifyAsync(audience, NotificationType.SpacePost, post.Id, post.AuthorMemberId, post.Title, ct);
        }
        await NotifyMentionsAsync(post, post.Body, ct);
        await channels.PostPublishedAsync(post, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Mentions are links to a member's profile whose text starts with @: [@山田 花子](/members/12).</summary>
    internal async Task NotifyMentionsAsync(Post post, string body, CancellationToken ct)
    {
        var ids = MentionPattern().Matches(body).Select(m => long.TryParse(m.Groups[1].Value, out var id) ? id : 0).Where(id => id > 0).Distinct().Take(10).ToList();
        var allowed = new List<long>();
        foreach (var id in ids)
        {
            // A mention in an announcement is company news too: not to a member who withdrew that purpose (APPI).
            var mentioned = db.Members.Approved().Where(m => m.Id == id);
            if (post.Room == Room.Announcements) mentioned = mentioned.Consenting(Privacy.Purpose.CompanyNews);
            if (!await mentioned.AnyAsync(ct)) continue;
            var reader = await PostAudience.ReaderAsync(db, id, ct);
            if (await db.Set<Post>().Where(p => p.Id == post.Id).VisibleTo(reader).AnyAsync(ct)) allowed.Add(id);
        }
        await notifications.NotifyAsync(allowed, NotificationType.Mention, post.Id, post.AuthorMemberId, post.Title, ct);
    }

    // "/Members/12" too: posts written before routes became lower case keep that form, and still notify when edited.
    [GeneratedRegex(@"\[@[^\]]{1,100}\]\(/[Mm]embers/(\d{1,18})\)")]
    private static partial Regex MentionPattern();

    public async Task<Result<AudienceDto>> AudienceAsync(SegmentInput input, CancellationToken ct)
    {
        var (me, _) = await ReaderAsync(ct);
        // Counting members by location, tags or years is an admin's tool: to others it would reveal hidden fields.
        if (!me.IsAdmin) return Result<AudienceDto>.Forbidden();
        var errors = new FieldErrors();
        var kind = SegmentRule.ReadKind(errors, "segment", input);
        var segment = SegmentRule.Read(errors, "segment", input, clock.GetUtcNow().Year);
        if (errors.Any) return errors;
        return new AudienceDto(await db.Members.AsNoTracking().Reached(kind, segment).CountAsync(ct));
    }

    /// <summary>The feed: a room (or all), a category, a search; pinned announcements first, then newest first.</summary>
    public const int CountLimit = 10_000;
    public const int SearchCountLimit = 1_000;

    /// <param name="spaceId">One space's feed; without it, the network's rooms and the spaces the reader is a member of.</param>
    public async Task<Result<FeedDto>> ListAsync(string? roomText, string? categoryText, string? q, string? mine, int page, int pageSize, CancellationToken ct,
        long? spaceId = null)
    {
        var (me, reader) = await ReaderAsync(ct);
        var errors = new FieldErrors();
        var room = Check.Enum<Room>(errors, "room", roomText, required: false);
        var category = Check.Enum<NoticeCategory>(errors, "category", categoryText, required: false);
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", "Validation.PageSizeInvalid", MaxPageSize);
        if (q?.Length > 200) errors.Add("q", "Validation.TooLong", 200);
        if (mine is not null and not "drafts") errors.Add("mine", "Validation.OneOf", "drafts");
        if (errors.Any) return errors;

        if (spaceId is { } sid && !await Spaces.SpaceAudience.IsReadableAsync(db, reader, sid, ct))
            return await Spaces.SpaceAudience.IsListedAsync(db, reader, sid, ct) ? Result<FeedDto>.Forbidden() : Result<FeedDto>.NotFound();

        var closed = ClosedRooms();
        var query = db.Set<Post>().AsNoTracking().VisibleTo(reader).Where(p => !closed.Contains(p.Room));
        var mySpaces = reader.MySpaces.ToList();
        if (spaceId is not null) query = query.Where(p => p.SpaceId == spaceId);
        // One company-wide feed would drown the spaces' own talk: the network's feed carries the spaces one is in.
        else if (mySpaces.Count == 0) query = query.Where(p => p.SpaceId == null);
        else query = query.Where(p => p.SpaceId == null || mySpaces.Contains(p.SpaceId.Value));
        query = mine == "drafts"
            ? query.Where(p => p.AuthorMemberId == me.MemberId && p.Status == PostStatus.Draft)
            : query.Where(p => p.Status == PostStatus.Published);
        if (room is not null) query = query.Where(p => p.Room == room);
        if (category is not null) query = query.Where(p => p.Category == category);
        var terms = SearchText.Terms(q);
        var grams = terms.SelectMany(t => SearchText.QueryGrams(t, "p")).Distinct().ToList();
        if (terms.Count > 0)
        {
            if (db.Database.IsNpgsql() && grams.Count > 0)
            {
                var all = string.Join(' ', grams);
                query = query.Where(p => p.SearchVector!.Matches(EF.Functions.PlainToTsQuery("simple", all)));
            }
            foreach (var term in terms)
                if (!db.Database.IsNpgsql() || !SearchText.GramsAreExact(term)) query = query.Where(p => p.SearchText.Contains(term));
        }
        // Only announcements can be pinned, and published posts always have PublishedAt, so this order
        // walks the (TenantId, Status, Pinned, PublishedAt, Id) index backwards and stops at the page.
        IQueryable<Post> ordered = mine == "drafts"
            ? query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            : query.OrderByDescending(p => p.Pinned).ThenByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id);
        // Counting a million visible posts exactly costs more than the page itself; past the limit the total
        // is reported as "at least" (TotalIsLowerBound), which is all a feed's pager needs. A search counts
        // to SearchCountLimit: as a list it stays useful that far, and the read stays bounded.
        var limit = terms.Count > 0 ? SearchCountLimit : CountLimit;
        int total;
        if (grams.Count > 1 && db.Database.IsNpgsql())
        {
            // PostgreSQL multiplies the grams' frequencies as if they were independent: two common words that
            // never meet look common together, and it would walk the whole feed index for a page of none (18 s
            // for 物流 相談 at 600,000 posts). So the hits of two grams or more are first read from the gram
            // index alone (a bitmap scan, bounded by the limit); a short list pages by id, a long one walks the
            // feed's order. One gram has exact statistics, and the planner's own choice is right for it.
            var hits = await db.InTransactionAsync(async tx =>
            {
                await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off", ct);
                var ids = await query.Select(p => p.Id).Take(limit + 1).ToListAsync(ct);
                await tx.CommitAsync(ct);
                return ids;
            }, ct);
            total = hits.Count;
            if (hits.Count <= limit) ordered = ordered.Where(p => hits.Contains(p.Id));
        }
        else
        {
            total = terms.Count > 0
                ? await ordered.Take(limit + 1).CountAsync(ct)
                : await query.OrderBy(p => p.Id).Take(limit + 1).CountAsync(ct);
        }
        var items = (await ProjectWithFactsAsync(ordered.Skip((page - 1) * pageSize).Take(pageSize), me, ct, reader)).ConvertAll(x => x.Post);
        return new FeedDto(items, page, pageSize, Math.Min(total, limit), total > limit);
    }

    /// <summary>Posts into DTOs with their author, counts and my reactions, in a fixed number of queries whatever the page size.</summary>
    internal async Task<List<PostDto>> Project(IQueryable<Post> query, MemberSession me, CancellationToken ct) =>
        (await ProjectWithFactsAsync(query, me, ct)).ConvertAll(x => x.Post);

    /// <summary>As <see cref="Project"/>, with what <see cref="PostRules"/> know of each post.</summary>
    internal async Task<List<(PostDto Post, PostFacts Facts)>> ProjectWithFactsAsync(IQueryable<Post> query, MemberSession me, CancellationToken ct, Reader? reader = null)
    {
        var id = me.MemberId;
        // Every column the card shows and nothing else: the search columns (tsvector, bigram tokens,
        // normalised text) are most of a post row's bytes and never leave the database. The author comes by a
        // join on the page's rows: a correlated FirstOrDefault became a ROW_NUMBER over every member of the network.
        var rows = await (
            from p in query
            join m in db.Members.Where(m => m.Status != MemberStatus.Former) on p.AuthorMemberId equals m.Id into authors
            from a in authors.DefaultIfEmpty()
            select new
            {
                Post = new Post
                {
                    Id = p.Id, Room = p.Room, Category = p.Category, Title = p.Title, Body = p.Body, BodyHtml = p.BodyHtml,
                    AuthorMemberId = p.AuthorMemberId, Status = p.Status, Pinned = p.Pinned, CreatedAt = p.CreatedAt,
                    PublishedAt = p.PublishedAt, EditedAt = p.EditedAt, HiddenAt = p.HiddenAt, CommentCount = p.CommentCount,
                    JobRole = p.JobRole, JobPlace = p.JobPlace, JobHowToApply = p.JobHowToApply, JobUntil = p.JobUntil,
                    SegmentKind = p.SegmentKind, SpaceId = p.SpaceId, TargetsSpaces = p.TargetsSpaces,
                    // Field by field: projecting the complex property whole makes EF Core read the whole row.
                    Segment = new Segment
                    {
                        Department = p.Segment.Department, LeftFrom = p.Segment.LeftFrom, LeftTo = p.Segment.LeftTo,
                        Location = p.Segment.Location, OpenTo = p.Segment.OpenTo, Tag = p.Segment.Tag,
                    },
                },
                Author = a == null ? null : new { a.FamilyName, a.GivenName, a.RomanizedName, a.Kind },
                Like = db.Set<Reaction>().Count(r => r.PostId == p.Id && r.Kind == ReactionKind.Like),
                Thanks = db.Set<Reaction>().Count(r => r.PostId == p.Id && r.Kind == ReactionKind.Thanks),
                Celebrate = db.Set<Reaction>().Count(r => r.PostId == p.Id && r.Kind == ReactionKind.Celebrate),
                Insightful = db.Set<Reaction>().Count(r => r.PostId == p.Id && r.Kind == ReactionKind.Insightful),
                Mine = db.Set<Reaction>().Where(r => r.PostId == p.Id && r.MemberId == id).Select(r => r.Kind).ToList(),
                Interest = db.Set<PostInterest>().Count(i => i.PostId == p.Id),
                IInterested = db.Set<PostInterest>().Any(i => i.PostId == p.Id && i.MemberId == id),
                Targets = p.TargetsSpaces ? p.SpaceTargets.Select(x => x.SpaceId).ToList() : null,
                Space = p.SpaceId == null ? null : db.Set<Spaces.Space>().Where(s => s.Id == p.SpaceId).Select(s => new { s.Name, s.NameEn }).FirstOrDefault(),
            }).ToListAsync(ct);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var t = tenant.Tenant!;
        return rows.Select(r =>
        {
            var p = r.Post;
            var facts = PostFacts.Of(p, reader);
            return (new PostDto(p.Id, WireNames.Of(p.Room), p.Category is { } c ? WireNames.Of(c) : null, p.Title, p.Body, p.BodyHtml,
                r.Author is null ? new AuthorDto(p.AuthorMemberId, "", "", FormerMember: true) : new AuthorDto(p.AuthorMemberId, PersonName.Display(r.Author.FamilyName, r.Author.GivenName, r.Author.RomanizedName), r.Author.Kind.ToString()),
                t.ToLocal(p.CreatedAt), p.PublishedAt is { } pa ? t.ToLocal(pa) : null, p.EditedAt is { } e ? t.ToLocal(e) : null,
                WireNames.Of(p.Status), p.Pinned, p.HiddenAt is not null, p.CommentCount,
                new ReactionsDto(r.Like, r.Thanks, r.Celebrate, r.Insightful, r.Mine.Select(WireNames.Of).ToList()), r.Interest, r.IInterested,
                p.Category == NoticeCategory.Job ? new JobDto(p.JobRole, p.JobPlace, p.JobHowToApply, p.JobUntil is { } u ? t.ToLocal(u) : null) : null,
                p.IsTargeted,
                p.IsTargeted && (p.AuthorMemberId == id || me.IsAdmin) ? SegmentRule.ToInput(p.SegmentKind, p.Segment) : null,
                p.SpaceId, me.IsAdmin || p.AuthorMemberId == id ? r.Targets : null)
                .WithPermissions(me, facts) with { SpaceName = r.Space is { } s ? (english && !string.IsNullOrWhiteSpace(s.NameEn) ? s.NameEn : s.Name) : null }, facts);
        }).ToList();
    }
}
