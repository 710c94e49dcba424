using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Markdown;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Events;

/// <summary>Events: what admins create, publish and cancel, and what members see of them.</summary>
public sealed class EventService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock,
    MarkdownRenderer markdown, IStringLocalizer<EventTexts> texts, Infrastructure.Storage.FileStore files, Members.PhotoProcessor images, Audit.AuditLog audit,
    Notifications.NotificationService notifications, Channels.ChannelFeed channels)
{
    /// <summary>The cover image: decoded, bounded to 1600 px and re-encoded like any upload.</summary>
    public async Task<Result<EventDto>> SetCoverAsync(long id, Stream content, long length, CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin) return Result<EventDto>.Forbidden();
        var e = await db.Set<Event>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return Result<EventDto>.NotFound();
        var jpeg = await images.ReadAsJpegAsync(content, length, "cover", PhotoProcessor.LargeSide, ct);
        if (!jpeg.IsOk) return jpeg.Errors!;
        var old = e.CoverPath;
        e.CoverPath = await files.SaveAsync(e.TenantId, "covers", ".jpg", jpeg.Value!, ct);
        e.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await files.DeleteAsync(old, ct);
        return (await GetAsync(id, ct)).Value!;
    }

    /// <summary>The cover's file, for whoever may see the event.</summary>
    public async Task<Stream?> OpenCoverAsync(long id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var path = await (await VisibleAsync(viewer, ct)).Where(x => x.Id == id).Select(x => x.CoverPath).FirstOrDefaultAsync(ct);
        return path is null ? null : await files.OpenAsync(path, ct);
    }

    /// <summary>Whether the current member may create events (the events list's "new event" button); in a space, its moderators may.</summary>
    public async Task<bool> CanCreateAsync(CancellationToken ct, long? spaceId = null)
    {
        var viewer = await current.RequireAsync(ct);
        return EventRules.Hold(viewer, spaceId is { } s && await ModeratesAsync(db, viewer.MemberId, s, ct)) is null;
    }

    /// <summary>Whether the member moderates this space now (their row: moderator and still a member).</summary>
    internal static Task<bool> ModeratesAsync(AlumniDb db, long memberId, long spaceId, CancellationToken ct) =>
        db.Set<Spaces.SpaceMember>().AnyAsync(m => m.SpaceId == spaceId && m.MemberId == memberId
            && m.Status == Spaces.SpaceMemberStatus.Member && m.Role == Spaces.SpaceRole.Moderator, ct);

    /// <summary>Whether the member moderates the space this event belongs to (false for the network's own events).</summary>
    internal static async Task<bool> ModeratesEventAsync(AlumniDb db, long memberId, long eventId, CancellationToken ct) =>
        await db.Set<Event>().Where(e => e.Id == eventId).Select(e => e.SpaceId).FirstOrDefaultAsync(ct) is { } space
        && await ModeratesAsync(db, memberId, space, ct);

    public async Task<Result<EventDto>> CreateAsync(EventInput input, CancellationToken ct)
    {
        var admin = await current.RequireAsync(ct);
        var moderator = input.SpaceId is { } sid && await ModeratesAsync(db, admin.MemberId, sid, ct);
        if (EventRules.Hold(admin, moderator) is { } no) return no.As<EventDto>();
        var errors = new FieldErrors();
        if (input.SpaceId is { } space && !await db.Set<Spaces.Space>().AnyAsync(s => s.Id == space, ct)) errors.Add("spaceId", "Posts.SpaceNotFound");
        var e = new Event { Title = "", CreatedByMemberId = admin.MemberId, CreatedAt = clock.GetUtcNow(), Status = EventStatus.Draft, SpaceId = input.SpaceId };
        Apply(e, input, errors, creating: true);
        if (errors.Any) return errors;
        e.UpdatedAt = e.CreatedAt;
        if (input.Publish) { e.Status = EventStatus.Published; e.PublishedAt = e.CreatedAt; }
        db.Add(e);
        await db.SaveChangesAsync(ct);
        await audit.AddAsync("event.create", "event", e.Id.ToString(CultureInfo.InvariantCulture), null, Audited(e), ct);
        await db.SaveChangesAsync(ct);
        if (e.Status == EventStatus.Published) { await channels.EventPublishedAsync(e, ct); await AnnounceInSpaceAsync(e, ct); }
        return (await GetAsync(e.Id, ct)).Value!;
    }

    /// <summary>A space's new event reaches the space's members who hear its highlights (within the event's audience).</summary>
    async Task AnnounceInSpaceAsync(Event e, CancellationToken ct)
    {
        if (e.SpaceId is not { } space) return;
        var kind = e.Audience switch { EventAudience.Alumni => MemberKind.Alumni, EventAudience.Employees => MemberKind.Employee, _ => (MemberKind?)null };
        var audience = await Spaces.SpaceAudience.Hearing(db.Members.AsNoTracking().Approved().Matching(kind, e.Segment), db, [space], Spaces.SpaceNotify.Highlights)
            .Select(m => m.Id).ToListAsync(ct);
        await notifications.NotifyAsync(audience, Notifications.NotificationType.SpaceEvent, null, e.CreatedByMemberId, e.Title, ct, link: $"/events/{e.Id}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Edits an event. Capacity cannot drop below the seats already confirmed; raising it promotes the waitlist.</summary>
    public async Task<Result<EventDto>> UpdateAsync(long id, EventInput input, CancellationToken ct)
    {
        var admin = await current.RequireAsync(ct);
        var moderator = await ModeratesEventAsync(db, admin.MemberId, id, ct);
        if (EventRules.Hold(admin, moderator) is { } forbidden) return forbidden.As<EventDto>();
        var refused = await db.InTransactionAsync<Result<EventDto>?>(async tx =>
        {
            if (!await LockAsync(id, ct)) return Result<EventDto>.NotFound();
            var e = await db.Set<Event>().FirstAsync(x => x.Id == id, ct);
            if (EventRules.Edit(admin, e.Status, moderator) is { } no) return no.As<EventDto>();
            var before = Audited(e);
            var errors = new FieldErrors();
            if (input.SpaceId is not null && input.SpaceId != e.SpaceId) errors.Add("spaceId", "Posts.SpaceFixed");
            Apply(e, input, errors, creating: false);
            if (e.CapacityInPerson is { } ip && ip < e.ConfirmedInPerson) errors.Add("capacity", "Events.CapacityBelowConfirmed", e.ConfirmedInPerson);
            if (e.CapacityOnline is { } on && on < e.ConfirmedOnline) errors.Add("capacityOnline", "Events.CapacityBelowConfirmed", e.ConfirmedOnline);
            if (errors.Any) return errors;
            e.UpdatedAt = clock.GetUtcNow();
            var publishing = input.Publish && e.Status == EventStatus.Draft;
            if (publishing) { e.Status = EventStatus.Published; e.PublishedAt = e.UpdatedAt; }
            await AuditChangeAsync(e.Id, before, Audited(e), ct);
            await db.SaveChangesAsync(ct);
            if (publishing) await channels.EventPublishedAsync(e, ct);
            await RsvpService.FillFreeSeatsAsync(db, e, tenant, texts, clock, notifications, ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        return refused ?? (await GetAsync(id, ct)).Value!;
    }

    /// <summary>
    /// What the audit log keeps of an event: what the secretariat would ask about later ("who moved the AGM?", "who cut the
    /// seats?"). The description is left out: it is long, and the event page shows it.
    /// </summary>
    static Dictionary<string, object?> Audited(Event e) => new()
    {
        ["title"] = e.Title, ["status"] = WireNames.Of(e.Status), ["kind"] = WireNames.Of(e.Kind), ["format"] = WireNames.Of(e.Format),
        ["audience"] = WireNames.Of(e.Audience), ["startsAt"] = e.StartsAt, ["endsAt"] = e.EndsAt, ["signupDeadline"] = e.SignupDeadline,
        ["venue"] = e.Venue, ["capacity"] = e.CapacityInPerson, ["capacityOnline"] = e.CapacityOnline, ["scope"] = Scope(e),
    };

    static string Scope(Event e) => e.SpaceId is { } sp ? $"space:{sp}" : "network";

    /// <summary>An edit is recorded with only the fields it changed (none changed: nothing recorded).</summary>
    async Task AuditChangeAsync(long id, Dictionary<string, object?> before, Dictionary<string, object?> after, CancellationToken ct)
    {
        var changed = after.Keys.Where(k => !Equals(before[k], after[k])).ToList();
        if (changed.Count == 0) return;
        var action = changed is ["status"] && Equals(after["status"], WireNames.Of(EventStatus.Published)) ? "event.publish" : "event.update";
        await audit.AddAsync(action, "event", id.ToString(CultureInfo.InvariantCulture), changed.ToDictionary(k => k, k => before[k]),
            changed.ToDictionary(k => k, k => after[k]), ct);
    }

    /// <summary>Takes the event row's lock for the rest of the transaction (SQLite: the write lock).</summary>
    internal Task<bool> LockAsync(long id, CancellationToken ct) => RsvpService.LockEventAsync(db, id, ct);

    void Apply(Event e, EventInput r, FieldErrors errors, bool creating)
    {
        var tz = tenant.Tenant!.TimeZoneInfo;
        var title = creating || r.Title is not null ? Check.Text(errors, "title", r.Title, EventLimits.Title, required: true) : e.Title;
        var description = r.Description is not null ? Check.MarkdownText(errors, "description", r.Description, EventLimits.Description) ?? "" : e.Description;
        var kind = creating || r.Kind is not null ? Check.Enum<EventKind>(errors, "kind", r.Kind, required: true) : e.Kind;
        var format = creating || r.Format is not null ? Check.Enum<EventFormat>(errors, "format", r.Format, required: true) : e.Format;
        var audience = r.Audience is not null ? Check.Enum<EventAudience>(errors, "audience", r.Audience, required: true) ?? e.Audience : e.Audience;
        // An event's kind is its audience; a segment's kind, if sent, is not read here.
        var segment = r.Segment is { } si ? SegmentRule.Read(errors, "segment", si, clock.GetUtcNow().Year) : e.Segment;
        var starts = creating || r.StartsAt is not null ? ParseTime(errors, "startsAt", r.StartsAt, tz, required: true) : e.StartsAt;
        var ends = creating || r.EndsAt is not null ? ParseTime(errors, "endsAt", r.EndsAt, tz, required: true) : e.EndsAt;
        var deadline = r.SignupDeadline is not null ? ParseTime(errors, "signupDeadline", r.SignupDeadline, tz, required: false) : e.SignupDeadline;
        if (starts is not null && ends is not null && ends <= starts) errors.Add("endsAt", "Events.EndBeforeStart");
        if (deadline is not null && ends is not null && deadline > ends) errors.Add("signupDeadline", "Events.DeadlineAfterEnd");
        var venue = r.Venue is not null ? Check.Text(errors, "venue", r.Venue, EventLimits.Venue) : e.Venue;
        var address = r.Address is not null ? Check.Text(errors, "address", r.Address, EventLimits.Address) : e.Address;
        var mapUrl = r.MapUrl is not null ? (r.MapUrl.Length == 0 ? null : Check.Url(errors, "mapUrl", r.MapUrl)) : e.MapUrl;
        var onlineUrl = r.OnlineUrl is not null ? (r.OnlineUrl.Length == 0 ? null : Check.Url(errors, "onlineUrl", r.OnlineUrl)) : e.OnlineUrl;
        // A capacity left out stays; NoCapacityLimit (or the form's emptied field) lifts it.
        int? capacity = creating || r.Capacity is not null || r.NoCapacityLimit ? r.Capacity : (format == EventFormat.Online ? e.CapacityOnline : e.CapacityInPerson);
        int? capacityOnline = creating || r.CapacityOnline is not null || r.NoOnlineCapacityLimit ? r.CapacityOnline : e.CapacityOnline;
        if (capacity is < 0 or > EventLimits.Capacity) errors.Add("capacity", "Events.CapacityRange", EventLimits.Capacity);
        if (capacityOnline is < 0 or > EventLimits.Capacity) errors.Add("capacityOnline", "Events.CapacityRange", EventLimits.Capacity);
        if (format is EventFormat.Offline or EventFormat.Hybrid && string.IsNullOrWhiteSpace(venue)) errors.Add("venue", "Validation.Required");
        if (!creating && format != e.Format && (e.ConfirmedInPerson > 0 || e.ConfirmedOnline > 0)) errors.Add("format", "Events.FormatLocked");
        if (errors.Any) return;

        e.Title = title!; e.Description = description; e.Kind = kind!.Value; e.Format = format!.Value; e.Audience = audience;
        e.Segment = segment;
        e.StartsAt = starts!.Value; e.EndsAt = ends!.Value; e.SignupDeadline = deadline;
        e.Venue = venue; e.Address = address; e.MapUrl = mapUrl; e.OnlineUrl = onlineUrl;
        // "capacity" is the room for offline and hybrid events, the online seats for online ones (DESIGN.md's one field).
        e.CapacityInPerson = e.Format == EventFormat.Online ? null : capacity;
        e.CapacityOnline = e.Format switch { EventFormat.Online => capacity, EventFormat.Hybrid => capacityOnline, _ => null };
    }

    static DateTimeOffset? ParseTime(FieldErrors errors, string field, string? value, TimeZoneInfo tz, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "Validation.Required");
            return null;
        }
        if (Check.Moment(value, tz) is { } at) return at.ToUniversalTime();
        errors.Add(field, "Events.TimeInvalid");
        return null;
    }

    public async Task<Result<EventDto>> PublishAsync(long id, CancellationToken ct)
    {
        var admin = await current.RequireAsync(ct);
        var moderator = await ModeratesEventAsync(db, admin.MemberId, id, ct);
        if (EventRules.Hold(admin, moderator) is { } forbidden) return forbidden.As<EventDto>();
        var now = clock.GetUtcNow();
        var status = await db.Set<Event>().Where(e => e.Id == id).Select(e => (EventStatus?)e.Status).FirstOrDefaultAsync(ct);
        if (status is null) return Result<EventDto>.NotFound();
        if (EventRules.Publish(admin, status.Value, moderator) is { } no) return no.As<EventDto>();
        // Conditional, so that of two publishes at once one wins and the other is told.
        var changed = await db.Set<Event>().Where(e => e.Id == id && e.Status == EventStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Published).SetProperty(e => e.PublishedAt, now).SetProperty(e => e.UpdatedAt, now), ct);
        if (changed == 0) return Result<EventDto>.Conflict("status", "Events.NotDraft");
        var published = await db.Set<Event>().AsNoTracking().FirstAsync(e => e.Id == id, ct);
        await audit.AddAsync("event.publish", "event", id.ToString(CultureInfo.InvariantCulture), new { status = WireNames.Of(EventStatus.Draft) },
            new { status = WireNames.Of(EventStatus.Published), scope = Scope(published) }, ct);
        await db.SaveChangesAsync(ct);
        await channels.EventPublishedAsync(published, ct);
        await AnnounceInSpaceAsync(published, ct);
        return (await GetAsync(id, ct)).Value!;
    }

    /// <summary>Cancels the event and tells everyone who signed up (confirmed or waitlisted).</summary>
    public async Task<Result<EventDto>> CancelAsync(long id, CancellationToken ct)
    {
        var admin = await current.RequireAsync(ct);
        var moderator = await ModeratesEventAsync(db, admin.MemberId, id, ct);
        if (EventRules.Hold(admin, moderator) is { } forbidden) return forbidden.As<EventDto>();
        var refused = await db.InTransactionAsync<Result<EventDto>?>(async tx =>
        {
            if (!await LockAsync(id, ct)) return Result<EventDto>.NotFound();
            var e = await db.Set<Event>().FirstAsync(x => x.Id == id, ct);
            if (EventRules.Cancel(admin, e.Status, moderator) is { } no) return no.As<EventDto>();
            var now = clock.GetUtcNow();
            var wasPublished = e.Status == EventStatus.Published;
            e.Status = EventStatus.Cancelled;
            e.CancelledAt = e.UpdatedAt = now;
            await audit.AddAsync("event.cancel", "event", id.ToString(), new { status = WireNames.Of(wasPublished ? EventStatus.Published : EventStatus.Draft) },
                new { status = WireNames.Of(EventStatus.Cancelled), scope = Scope(e) }, ct);
            if (wasPublished)
            {
                var people = await db.Set<Rsvp>().Where(r => r.EventId == id && r.Status != RsvpStatus.Cancelled)
                    .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new { r.Id, m.User!.Email, m.User.PreferredCulture })
                    .ToListAsync(ct);
                foreach (var p in people)
                {
                    string subject, body;
                    using (Cultures.Use(p.PreferredCulture))
                    {
                        subject = texts["Mail.CancelledSubject", e.Title];
                        body = texts["Mail.CancelledBody", e.Title, tenant.Tenant!.ToLocal(e.StartsAt).ToString("yyyy-MM-dd HH:mm"), tenant.Tenant.ShownName];
                    }
                    await db.EnqueueMailAsync(tenant.TenantId, $"event-cancelled:{id}:{p.Id}", p.Email!, subject, body, now, ct);
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        return refused ?? (await GetAsync(id, ct)).Value!;
    }

    /// <summary>Events the viewer may see: published (and cancelled) ones for their audience; admins see drafts too.</summary>
    /// <param name="spaceId">One space's events (404 for a space the viewer does not see, 403 for one they may not read).</param>
    public async Task<Result<PageDto<EventSummaryDto>>> ListAsync(string? when, int page, CancellationToken ct, long? spaceId = null)
    {
        var viewer = await current.RequireAsync(ct);
        if (page is < 1 or > 100_000) return FieldErrors.Of("page", "Validation.PageInvalid");
        if (when is not null and not ("upcoming" or "past" or "all")) return FieldErrors.Of("when", "Validation.OneOf", "upcoming, past, all");
        var now = clock.GetUtcNow();
        var query = await VisibleAsync(viewer, ct);
        if (spaceId is { } sid)
        {
            var reader = await MemberAudience.ReaderAsync(db, viewer.MemberId, ct);
            if (!await Spaces.SpaceAudience.IsReadableAsync(db, reader, sid, ct))
                return await Spaces.SpaceAudience.IsListedAsync(db, reader, sid, ct) ? Result<PageDto<EventSummaryDto>>.Forbidden() : Result<PageDto<EventSummaryDto>>.NotFound();
            query = query.Where(e => e.SpaceId == sid);
        }
        query = when switch
        {
            "past" => query.Where(e => e.EndsAt < now).OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id),
            "all" => query.OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id),
            _ => query.Where(e => e.EndsAt >= now).OrderBy(e => e.StartsAt).ThenBy(e => e.Id),
        };
        const int size = 20;
        var total = await query.CountAsync(ct);
        var me = viewer.MemberId;
        var rows = await query.Skip((page - 1) * size).Take(size)
            .Select(e => new
            {
                e.Id, e.Title, e.Kind, e.Format, e.Status, e.StartsAt, e.EndsAt, e.Venue, e.CapacityInPerson, e.CapacityOnline,
                Confirmed = e.ConfirmedInPerson + e.ConfirmedOnline,
                Mine = db.Set<Rsvp>().Where(r => r.EventId == e.Id && r.MemberId == me).Select(r => (RsvpStatus?)r.Status).FirstOrDefault(),
            }).ToListAsync(ct);
        var t = tenant.Tenant!;
        var items = rows.Select(e => new EventSummaryDto(e.Id, e.Title, WireNames.Of(e.Kind), WireNames.Of(e.Format), WireNames.Of(e.Status),
            t.ToLocal(e.StartsAt), t.ToLocal(e.EndsAt), e.Venue, e.Format == EventFormat.Online ? e.CapacityOnline : e.CapacityInPerson,
            e.Format == EventFormat.Hybrid ? e.CapacityOnline : null, e.Confirmed, e.Mine is { } s && s != RsvpStatus.Cancelled ? WireNames.Of(s) : null)).ToList();
        return new PageDto<EventSummaryDto>(items, page, size, total);
    }

    /// <summary>The events this viewer may see (see <see cref="EventAudienceRules"/>).</summary>
    internal async Task<IQueryable<Event>> VisibleAsync(MemberSession viewer, CancellationToken ct)
    {
        var reader = viewer.IsAdmin ? new Reader(viewer.MemberId, true, viewer.Kind, [], null, null, OpenTo.None, [])
            : await MemberAudience.ReaderAsync(db, viewer.MemberId, ct);
        return db.Set<Event>().AsNoTracking().VisibleTo(reader);
    }

    public async Task<Result<EventDto>> GetAsync(long id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var e = await (await VisibleAsync(viewer, ct)).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return Result<EventDto>.NotFound();
        var mine = await db.Set<Rsvp>().AsNoTracking().FirstOrDefaultAsync(r => r.EventId == id && r.MemberId == viewer.MemberId, ct);
        var counts = await db.Set<Rsvp>().AsNoTracking().Where(r => r.EventId == id)
            .GroupBy(r => 1).Select(g => new
            {
                Waitlisted = g.Count(r => r.Status == RsvpStatus.Waitlisted),
                Attended = g.Count(r => r.CheckedInAt != null),
            }).FirstOrDefaultAsync(ct);
        int? position = null;
        if (mine?.Status == RsvpStatus.Waitlisted)
            position = await db.Set<Rsvp>().CountAsync(r => r.EventId == id && r.Mode == mine.Mode && r.Status == RsvpStatus.Waitlisted && r.Id <= mine.Id, ct);
        var now = clock.GetUtcNow();
        var programme = await PitchService.ProgrammeAsync(db, e, viewer, now, ct);
        var confirmed = mine?.Status == RsvpStatus.Confirmed;
        var t = tenant.Tenant!;
        return new EventDto(e.Id, e.Title, e.Description, markdown.ToHtml(e.Description), WireNames.Of(e.Kind), WireNames.Of(e.Format), WireNames.Of(e.Status), WireNames.Of(e.Audience),
            t.ToLocal(e.StartsAt), t.ToLocal(e.EndsAt), e.SignupDeadline is { } d ? t.ToLocal(d) : null,
            e.Venue, e.Address, e.MapUrl,
            EventRules.SeesOnlineUrl(viewer, confirmed) ? e.OnlineUrl : null,
            e.Format == EventFormat.Online ? e.CapacityOnline : e.CapacityInPerson, e.Format == EventFormat.Hybrid ? e.CapacityOnline : null,
            e.ConfirmedInPerson + e.ConfirmedOnline, counts?.Waitlisted ?? 0, e.ConfirmedInPerson, e.ConfirmedOnline,
            mine is null || mine.Status == RsvpStatus.Cancelled ? null : WireNames.Of(mine.Status),
            mine is null || mine.Status == RsvpStatus.Cancelled ? null : WireNames.Of(mine.Mode),
            confirmed ? mine!.Id : null,
            e.CoverPath is null ? null : $"/events/{e.Id}/cover?v={e.UpdatedAt.ToUnixTimeSeconds()}",
            RsvpService.SignupOpen(e, now), counts?.Attended ?? 0, programme)
        {
            WaitlistPosition = position,
            Segment = viewer.IsAdmin ? SegmentRule.ToInput(null, e.Segment) : null,
            SpaceId = e.SpaceId,
        }.WithPermissions(viewer, e, mine, now, e.SpaceId is { } space && await ModeratesAsync(db, viewer.MemberId, space, ct));
    }
}
