using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Spaces;

/// <summary>A space's members, its moderators' work (admitting, inviting), the secretariat's appointments, and the space's activity.</summary>
public sealed partial class SpaceService
{
    public const int MembersPageSize = 50;

    /// <summary>
    /// The members of a space (for those who may read it), or its requests and invitations (status pending or invited:
    /// its moderators). Members who withheld directory listing are shown to moderators only.
    /// </summary>
    public async Task<Result<PageDto<SpaceMemberDto>>> MembersAsync(long id, string? statusText, int page, CancellationToken ct)
    {
        var (_, reader) = await ReaderAsync(ct);
        if (!await SpaceAudience.IsListedAsync(db, reader, id, ct)) return Result<PageDto<SpaceMemberDto>>.NotFound();
        var errors = new FieldErrors();
        var status = Check.Enum<SpaceMemberStatus>(errors, "status", statusText, required: false) ?? SpaceMemberStatus.Member;
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (errors.Any) return errors;
        var moderates = SpaceRules.Moderate(reader, id) is null;
        if (status == SpaceMemberStatus.Member ? !await SpaceAudience.IsReadableAsync(db, reader, id, ct) : !moderates)
            return Result<PageDto<SpaceMemberDto>>.Forbidden();
        var people = db.Members.AsNoTracking().Approved();
        if (!moderates) people = people.Consenting(Purpose.Directory);
        var query = from m in db.Set<SpaceMember>().AsNoTracking().Where(m => m.SpaceId == id && m.Status == status)
                    join p in people on m.MemberId equals p.Id
                    select new { m, p.FamilyName, p.GivenName, p.RomanizedName, p.Kind, p.PhotoPath, p.FamilyNameKana };
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.m.Role == SpaceRole.Moderator).ThenBy(x => x.FamilyNameKana).ThenBy(x => x.m.MemberId)
            .Skip((page - 1) * MembersPageSize).Take(MembersPageSize).ToListAsync(ct);
        var t = tenant.Tenant!;
        return new PageDto<SpaceMemberDto>(rows.Select(x => new SpaceMemberDto(x.m.MemberId, PersonName.Display(x.FamilyName, x.GivenName, x.RomanizedName),
            x.Kind.ToString(), WireNames.Of(x.m.Status), WireNames.Of(x.m.Role), x.m.JoinedAt is { } j ? t.ToLocal(j) : null, x.PhotoPath is not null)).ToList(),
            page, MembersPageSize, total);
    }

    /// <summary>A moderator admits (or turns down) a request to join; the member is told when admitted.</summary>
    public async Task<Result<JoinDto>> DecideRequestAsync(long id, long memberId, bool approve, CancellationToken ct)
    {
        var (me, reader) = await ReaderAsync(ct);
        var space = await db.Set<Space>().AsNoTracking().ListedTo(db, reader).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (space is null) return Result<JoinDto>.NotFound();
        if (SpaceRules.Moderate(reader, id) is { } no) return no.As<JoinDto>();
        var now = clock.GetUtcNow();
        // Claimed in one statement: of two moderators deciding at once, one decides.
        var changed = approve
            ? await db.Set<SpaceMember>().Where(m => m.SpaceId == id && m.MemberId == memberId && m.Status == SpaceMemberStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, SpaceMemberStatus.Member).SetProperty(m => m.JoinedAt, now), ct)
            : await db.Set<SpaceMember>().Where(m => m.SpaceId == id && m.MemberId == memberId && m.Status == SpaceMemberStatus.Pending).ExecuteDeleteAsync(ct);
        if (changed == 0) return Result<JoinDto>.NotFound();
        await audit.AddAsync(approve ? "space.approve" : "space.decline", "member", memberId.ToString(), null, new { scope = $"space:{id}" }, ct);
        if (approve)
            await notifications.NotifyAsync([memberId], NotificationType.SpaceJoined, null, me.MemberId, space.Name, ct, link: $"/spaces/{id}");
        await db.SaveChangesAsync(ct);
        return new JoinDto(approve ? "member" : "declined");
    }

    /// <summary>A moderator invites a member (how anyone gets into a secret space); they join by accepting.</summary>
    public async Task<Result<JoinDto>> InviteAsync(long id, long memberId, CancellationToken ct)
    {
        var (me, reader) = await ReaderAsync(ct);
        var space = await db.Set<Space>().AsNoTracking().ListedTo(db, reader).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (space is null) return Result<JoinDto>.NotFound();
        if (SpaceRules.Moderate(reader, id) is { } no) return no.As<JoinDto>();
        if (!await db.Members.Approved().AnyAsync(m => m.Id == memberId, ct)) return Result<JoinDto>.NotFound();
        var row = await db.Set<SpaceMember>().FirstOrDefaultAsync(m => m.SpaceId == id && m.MemberId == memberId, ct);
        if (row?.Status == SpaceMemberStatus.Member) return Result<JoinDto>.Conflict("memberId", "Spaces.AlreadyMember");
        var now = clock.GetUtcNow();
        // A pending request is answered by the invitation: they asked, a moderator wants them.
        if (row?.Status == SpaceMemberStatus.Pending) { row.Status = SpaceMemberStatus.Member; row.JoinedAt = now; }
        else if (row is null) db.Add(row = new SpaceMember { SpaceId = id, MemberId = memberId, Status = SpaceMemberStatus.Invited, CreatedAt = now });
        await audit.AddAsync("space.invite", "member", memberId.ToString(), null, new { scope = $"space:{id}" }, ct);
        await notifications.NotifyAsync([memberId], row.Status == SpaceMemberStatus.Member ? NotificationType.SpaceJoined : NotificationType.SpaceInvitation,
            null, me.MemberId, space.Name, ct, link: $"/spaces/{id}");
        await db.SaveChangesAsync(ct);
        return new JoinDto(WireNames.Of(row.Status));
    }

    /// <summary>The secretariat appoints a moderator (making them a member if they were not); the power starts at their next request.</summary>
    public async Task<Result<SpaceMemberDto>> SetModeratorAsync(long id, long memberId, bool moderator, CancellationToken ct)
    {
        var (_, reader) = await ReaderAsync(ct);
        if (!await db.Set<Space>().AnyAsync(s => s.Id == id, ct)) return Result<SpaceMemberDto>.NotFound();
        if (SpaceRules.Manage(reader) is { } no) return no.As<SpaceMemberDto>();
        var person = await db.Members.AsNoTracking().Approved().Where(m => m.Id == memberId)
            .Select(m => new { m.FamilyName, m.GivenName, m.RomanizedName, m.Kind, m.PhotoPath }).FirstOrDefaultAsync(ct);
        if (person is null) return Result<SpaceMemberDto>.NotFound();
        var row = await db.Set<SpaceMember>().FirstOrDefaultAsync(m => m.SpaceId == id && m.MemberId == memberId, ct);
        var now = clock.GetUtcNow();
        if (!moderator)
        {
            if (row is null || row.Role != SpaceRole.Moderator) return Result<SpaceMemberDto>.NotFound();
            row.Role = SpaceRole.Member;
        }
        else
        {
            if (row is null) db.Add(row = new SpaceMember { SpaceId = id, MemberId = memberId, CreatedAt = now });
            if (row.Status != SpaceMemberStatus.Member) { row.Status = SpaceMemberStatus.Member; row.JoinedAt = now; }
            row.Role = SpaceRole.Moderator;
        }
        await audit.AddAsync(moderator ? "space.moderator_appoint" : "space.moderator_remove", "member", memberId.ToString(), null, new { scope = $"space:{id}" }, ct);
        await db.SaveChangesAsync(ct);
        return new SpaceMemberDto(memberId, PersonName.Display(person.FamilyName, person.GivenName, person.RomanizedName), person.Kind.ToString(),
            WireNames.Of(row.Status), WireNames.Of(row.Role), row.JoinedAt is { } j ? tenant.Tenant!.ToLocal(j) : null, person.PhotoPath is not null);
    }

    public async Task<Result<IReadOnlyList<SupporterDto>>> SupportersAsync(CancellationToken ct)
    {
        var (_, reader) = await ReaderAsync(ct);
        if (SpaceRules.Manage(reader) is { } no) return no.As<IReadOnlyList<SupporterDto>>();
        var rows = await db.Set<Supporter>().AsNoTracking().Join(db.Members, s => s.MemberId, m => m.Id, (s, m) => new { s, m.FamilyName, m.GivenName, m.RomanizedName })
            .OrderBy(x => x.s.AppointedAt).ToListAsync(ct);
        return rows.Select(x => new SupporterDto(x.s.MemberId, PersonName.Display(x.FamilyName, x.GivenName, x.RomanizedName), tenant.Tenant!.ToLocal(x.s.AppointedAt))).ToList();
    }

    /// <summary>The secretariat appoints or stands down a network supporter (scope: the network's own rooms).</summary>
    public async Task<Result<bool>> SetSupporterAsync(long memberId, bool supporter, CancellationToken ct)
    {
        var (me, reader) = await ReaderAsync(ct);
        if (SpaceRules.Manage(reader) is { } no) return no.As<bool>();
        if (!await db.Members.Approved().AnyAsync(m => m.Id == memberId, ct)) return Result<bool>.NotFound();
        var row = await db.Set<Supporter>().FirstOrDefaultAsync(s => s.MemberId == memberId, ct);
        if (supporter && row is null) db.Add(new Supporter { MemberId = memberId, AppointedByMemberId = me.MemberId, AppointedAt = clock.GetUtcNow() });
        else if (!supporter && row is not null) db.Remove(row);
        else return true;
        await audit.AddAsync(supporter ? "supporter.appoint" : "supporter.remove", "member", memberId.ToString(), null, new { scope = "network" }, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (Data.DbErrors.IsUniqueViolation(e)) { /* appointed twice at once: one row, as asked */ }
        return true;
    }

    /// <summary>A space's activity in a period, for the secretariat and the space's moderators (counts only, no contents).</summary>
    public async Task<Result<SpaceActivityDto>> ActivityAsync(long id, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (_, reader) = await ReaderAsync(ct);
        if (!await SpaceAudience.IsListedAsync(db, reader, id, ct)) return Result<SpaceActivityDto>.NotFound();
        if (SpaceRules.Moderate(reader, id) is { } no) return no.As<SpaceActivityDto>();
        var zone = tenant.Tenant!.TimeZoneInfo;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var errors = new FieldErrors();
        // Checked before any date arithmetic: 0001-01-01 minus 89 days does not exist (the fuzzer's kind of input).
        if (from is { Year: < 2000 or > 2200 }) errors.Add("from", "Validation.DateOutOfRange", 2000, 2200);
        if (to is { Year: < 2000 or > 2200 }) errors.Add("to", "Validation.DateOutOfRange", 2000, 2200);
        if (errors.Any) return errors;
        var last = to ?? today;
        var first = from ?? last.AddDays(-89);
        if (last < first) return FieldErrors.Of("to", "Validation.DateRangeInvalid");
        DateTimeOffset Start(DateOnly d) { var local = d.ToDateTime(TimeOnly.MinValue); return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime(); }
        var start = Start(first);
        var end = Start(last.AddDays(1));
        var members = db.Set<SpaceMember>().Where(m => m.SpaceId == id);
        var posts = db.Set<Posts.Post>().Where(p => p.SpaceId == id && p.Status == Posts.PostStatus.Published && p.PublishedAt >= start && p.PublishedAt < end);
        var events = db.Set<Events.Event>().Where(e => e.SpaceId == id && e.Status == Events.EventStatus.Published && e.StartsAt >= start && e.StartsAt < end);
        var rsvps = db.Set<Events.Rsvp>().Where(r => events.Any(e => e.Id == r.EventId) && r.Status == Events.RsvpStatus.Confirmed);
        return new SpaceActivityDto(id,
            await members.CountAsync(m => m.Status == SpaceMemberStatus.Member, ct),
            await members.CountAsync(m => m.Status == SpaceMemberStatus.Member && m.Role == SpaceRole.Moderator, ct),
            await members.CountAsync(m => m.Status == SpaceMemberStatus.Pending, ct),
            await members.CountAsync(m => m.Status == SpaceMemberStatus.Member && m.JoinedAt >= start && m.JoinedAt < end, ct),
            await posts.CountAsync(ct),
            await db.Set<Posts.Comment>().CountAsync(c => c.CreatedAt >= start && c.CreatedAt < end && db.Set<Posts.Post>().Any(p => p.Id == c.PostId && p.SpaceId == id), ct),
            await events.CountAsync(ct), await rsvps.CountAsync(ct), await rsvps.CountAsync(r => r.CheckedInAt != null, ct),
            first, last);
    }
}
