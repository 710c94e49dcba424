using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Storage;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Spaces;

/// <summary>Spaces: the secretariat creates them, members browse, join and leave, moderators admit and invite.</summary>
public sealed partial class SpaceService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, Audit.AuditLog audit,
    NotificationService notifications, FileStore files, PhotoProcessor images)
{
    public const int PageSize = 24;

    internal async Task<(MemberSession Me, Reader Reader)> ReaderAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        return (me, await MemberAudience.ReaderAsync(db, me.MemberId, ct));
    }

    /// <summary>The spaces I see, by name or description, kind, or only mine; mine first, then by name.</summary>
    public async Task<Result<PageDto<SpaceDto>>> ListAsync(string? q, string? kindText, bool mine, int page, CancellationToken ct)
    {
        var (_, reader) = await ReaderAsync(ct);
        var errors = new FieldErrors();
        var kind = Check.Enum<SpaceKind>(errors, "kind", kindText, required: false);
        if (q?.Length > 100) errors.Add("q", "Validation.TooLong", 100);
        if (page is < 1 or > 10_000) errors.Add("page", "Validation.PageInvalid");
        if (errors.Any) return errors;
        var me = reader.MemberId;
        var query = db.Set<Space>().AsNoTracking().ListedTo(db, reader);
        if (kind is not null) query = query.Where(s => s.Kind == kind);
        if (mine) query = query.Where(s => db.Set<SpaceMember>().Any(m => m.SpaceId == s.Id && m.MemberId == me && m.Status == SpaceMemberStatus.Member));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(s => s.Name.ToLower().Contains(text) || (s.NameEn != null && s.NameEn.ToLower().Contains(text))
                || s.Description.ToLower().Contains(text) || (s.DescriptionEn != null && s.DescriptionEn.ToLower().Contains(text)));
        }
        var total = await query.CountAsync(ct);
        var ordered = query.OrderByDescending(s => db.Set<SpaceMember>().Any(m => m.SpaceId == s.Id && m.MemberId == me && m.Status == SpaceMemberStatus.Member))
            .ThenBy(s => s.Name).ThenBy(s => s.Id);
        var items = await ProjectAsync(ordered.Skip((page - 1) * PageSize).Take(PageSize), reader, ct);
        return new PageDto<SpaceDto>(items, page, PageSize, total);
    }

    public async Task<Result<SpaceDto>> GetAsync(long id, CancellationToken ct)
    {
        var (_, reader) = await ReaderAsync(ct);
        return await GetForAsync(id, reader, ct) is { } dto ? dto : Result<SpaceDto>.NotFound();
    }

    async Task<SpaceDto?> GetForAsync(long id, Reader reader, CancellationToken ct) =>
        (await ProjectAsync(db.Set<Space>().AsNoTracking().ListedTo(db, reader).Where(s => s.Id == id), reader, ct)).FirstOrDefault();

    async Task<List<SpaceDto>> ProjectAsync(IQueryable<Space> spaces, Reader reader, CancellationToken ct)
    {
        var me = reader.MemberId;
        var rows = await spaces.Select(s => new
        {
            Space = s,
            Members = db.Set<SpaceMember>().Count(m => m.SpaceId == s.Id && m.Status == SpaceMemberStatus.Member),
            Pending = db.Set<SpaceMember>().Count(m => m.SpaceId == s.Id && m.Status == SpaceMemberStatus.Pending),
            Mine = db.Set<SpaceMember>().Where(m => m.SpaceId == s.Id && m.MemberId == me).Select(m => new { m.Status, m.Role, m.Notify }).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var s = r.Space;
            var status = r.Mine?.Status;
            var moderates = SpaceRules.Moderate(reader, s.Id) is null;
            return new SpaceDto(s.Id, s.Name, s.NameEn, s.Description, s.DescriptionEn, WireNames.Of(s.Kind), WireNames.Of(s.Visibility),
                s.ImagePath is null ? null : $"/spaces/{s.Id}/image?v={s.UpdatedAt.UtcTicks}", r.Members,
                status is { } st ? WireNames.Of(st) : null, status == SpaceMemberStatus.Member ? WireNames.Of(r.Mine!.Role) : null,
                status == SpaceMemberStatus.Member ? WireNames.Of(r.Mine!.Notify) : null, tenant.Tenant!.ToLocal(s.CreatedAt))
            {
                CanManage = SpaceRules.Manage(reader) is null,
                CanModerate = moderates,
                CanJoin = SpaceRules.Join(s, status) is null,
                CanLeave = SpaceRules.Leave(status) is null,
                CanRead = reader.IsAdmin || s.Visibility == SpaceVisibility.Open || status == SpaceMemberStatus.Member,
                CanPost = SpaceRules.MayPost(reader, s.Id, status),
                PendingCount = moderates ? r.Pending : 0,
            };
        }).ToList();
    }

    public async Task<Result<SpaceDto>> CreateAsync(SpaceInput input, CancellationToken ct)
    {
        var (me, reader) = await ReaderAsync(ct);
        if (SpaceRules.Manage(reader) is { } no) return no.As<SpaceDto>();
        var errors = new FieldErrors();
        var now = clock.GetUtcNow();
        var space = new Space { Name = "", CreatedByMemberId = me.MemberId, CreatedAt = now, UpdatedAt = now };
        Apply(space, input, errors, creating: true);
        if (errors.Any) return errors;
        db.Add(space);
        await db.SaveChangesAsync(ct);
        await audit.AddAsync("space.create", "space", space.Id.ToString(), null, new { space.Name, space.Kind, space.Visibility }, ct);
        await db.SaveChangesAsync(ct);
        return (await GetForAsync(space.Id, reader, ct))!;
    }

    public async Task<Result<SpaceDto>> UpdateAsync(long id, SpaceInput input, CancellationToken ct)
    {
        var (_, reader) = await ReaderAsync(ct);
        var space = await db.Set<Space>().ListedTo(db, reader).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (space is null) return Result<SpaceDto>.NotFound();
        if (SpaceRules.Manage(reader) is { } no) return no.As<SpaceDto>();
        var before = new { space.Name, space.NameEn, space.Kind, space.Visibility };
        var errors = new FieldErrors();
        Apply(space, input, errors, creating: false);
        if (errors.Any) return errors;
        space.UpdatedAt = clock.GetUtcNow();
        await audit.AddAsync("space.update", "space", id.ToString(), before, new { space.Name, space.NameEn, space.Kind, space.Visibility }, ct);
        await db.SaveChangesAsync(ct);
        return (await GetForAsync(id, reader, ct))!;
    }

    static void Apply(Space s, SpaceInput r, FieldErrors errors, bool creating)
    {
        var name = creating || r.Name is not null ? Check.Line(errors, "name", r.Name, SpaceLimits.Name, required: true) : s.Name;
        var nameEn = r.NameEn is not null ? Check.Line(errors, "nameEn", r.NameEn, SpaceLimits.Name) : s.NameEn;
        var description = r.Description is not null ? Check.Text(errors, "description", r.Description, SpaceLimits.Description) ?? "" : s.Description;
        var descriptionEn = r.DescriptionEn is not null ? Check.Text(errors, "descriptionEn", r.DescriptionEn, SpaceLimits.Description) : s.DescriptionEn;
        var kind = creating || r.Kind is not null ? Check.Enum<SpaceKind>(errors, "kind", r.Kind, required: true) : s.Kind;
        var visibility = creating || r.Visibility is not null ? Check.Enum<SpaceVisibility>(errors, "visibility", r.Visibility, required: true) : s.Visibility;
        if (errors.Any) return;
        s.Name = name!; s.NameEn = nameEn; s.Description = description; s.DescriptionEn = descriptionEn;
        s.Kind = kind!.Value; s.Visibility = visibility!.Value;
    }

    /// <summary>The space's image: decoded, bounded and re-encoded like any upload (the secretariat's).</summary>
    public async Task<Result<SpaceDto>> SetImageAsync(long id, Stream content, long length, CancellationToken ct)
    {
        var (_, reader) = await ReaderAsync(ct);
        var space = await db.Set<Space>().ListedTo(db, reader).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (space is null) return Result<SpaceDto>.NotFound();
        if (SpaceRules.Manage(reader) is { } no) return no.As<SpaceDto>();
        var jpeg = await images.ReadAsJpegAsync(content, length, "image", PhotoProcessor.LargeSide, ct);
        if (!jpeg.IsOk) return jpeg.Errors!;
        var old = space.ImagePath;
        space.ImagePath = await files.SaveAsync(space.TenantId, "spaces", ".jpg", jpeg.Value!, ct);
        space.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await files.DeleteAsync(old, ct);
        return (await GetForAsync(id, reader, ct))!;
    }

    /// <summary>The image's file, for whoever sees the space listed.</summary>
    public async Task<Stream?> OpenImageAsync(long id, CancellationToken ct)
    {
        var (_, reader) = await ReaderAsync(ct);
        var path = await db.Set<Space>().AsNoTracking().ListedTo(db, reader).Where(s => s.Id == id).Select(s => s.ImagePath).FirstOrDefaultAsync(ct);
        return path is null ? null : await files.OpenAsync(path, ct);
    }

    /// <summary>Joins an open space (member), asks to join a request space (pending), or accepts an invitation.</summary>
    public async Task<Result<JoinDto>> JoinAsync(long id, CancellationToken ct)
    {
        var (me, reader) = await ReaderAsync(ct);
        var space = await db.Set<Space>().AsNoTracking().ListedTo(db, reader).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (space is null) return Result<JoinDto>.NotFound();
        var row = await db.Set<SpaceMember>().FirstOrDefaultAsync(m => m.SpaceId == id && m.MemberId == me.MemberId, ct);
        if (SpaceRules.Join(space, row?.Status) is { } no) return no.As<JoinDto>();
        var now = clock.GetUtcNow();
        var admitted = space.Visibility == SpaceVisibility.Open || row?.Status == SpaceMemberStatus.Invited || reader.IsAdmin;
        if (row is null)
        {
            row = new SpaceMember { SpaceId = id, MemberId = me.MemberId, CreatedAt = now };
            db.Add(row);
        }
        row.Status = admitted ? SpaceMemberStatus.Member : SpaceMemberStatus.Pending;
        if (admitted) row.JoinedAt = now;
        // Two taps at once are one membership: the unique index lets one row in, and the second sees it.
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var first = await db.Set<SpaceMember>().AsNoTracking().FirstAsync(m => m.SpaceId == id && m.MemberId == me.MemberId, ct);
            return new JoinDto(WireNames.Of(first.Status));
        }
        return new JoinDto(WireNames.Of(row.Status));
    }

    /// <summary>Leaves the space (or withdraws a request, or declines an invitation). A moderator who leaves is a moderator no more.</summary>
    public async Task<Result<bool>> LeaveAsync(long id, CancellationToken ct)
    {
        var (me, reader) = await ReaderAsync(ct);
        if (!await SpaceAudience.IsListedAsync(db, reader, id, ct)) return Result<bool>.NotFound();
        var row = await db.Set<SpaceMember>().FirstOrDefaultAsync(m => m.SpaceId == id && m.MemberId == me.MemberId, ct);
        if (SpaceRules.Leave(row?.Status) is { } no) return no.As<bool>();
        if (row!.Role == SpaceRole.Moderator)
            await audit.AddAsync("space.moderator_remove", "member", me.MemberId.ToString(), null, new { scope = $"space:{id}", left = true }, ct);
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>How much I hear of a space I am in: everything, highlights (announcements and events) or nothing.</summary>
    public async Task<Result<SpaceDto>> SetNotifyAsync(long id, SpaceNotifyInput input, CancellationToken ct)
    {
        var (me, reader) = await ReaderAsync(ct);
        if (!await SpaceAudience.IsListedAsync(db, reader, id, ct)) return Result<SpaceDto>.NotFound();
        var errors = new FieldErrors();
        var level = Check.Enum<SpaceNotify>(errors, "level", input.Level, required: true);
        if (errors.Any) return errors;
        var updated = await db.Set<SpaceMember>().Where(m => m.SpaceId == id && m.MemberId == me.MemberId && m.Status == SpaceMemberStatus.Member)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Notify, level!.Value), ct);
        if (updated == 0) return Result<SpaceDto>.Conflict("id", "Spaces.NotAMember");
        return (await GetForAsync(id, reader, ct))!;
    }
}
