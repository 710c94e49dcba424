using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Roster;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Csv;
using OpenAlumni.Web.Infrastructure.Storage;

namespace OpenAlumni.Web.Features.MemberAdmin;

/// <summary>
/// The secretariat's member management: the list and its CSV, suspension, kind and role, merging a
/// duplicate account. Admins only; every change is written to the audit log with the change itself.
/// </summary>
public sealed partial class MemberAdminService(AlumniDb db, CurrentMember current, AuditLog audit, TimeProvider clock, UserManager<AppUser> users, FileStore files,
    Registrations.RegistrationService registrations)
{
    const int ExportMax = 200_000;
    /// <summary>The page sizes the list offers; any other is refused.</summary>
    public static readonly int[] PageSizes = [25, 50, 100];

    async Task<MemberSession?> AdminAsync(CancellationToken ct) => await current.GetAsync(ct) is { IsAdmin: true } a ? a : null;

    public async Task<Result<PageDto<AdminMemberDto>>> ListAsync(MemberFilter f, int page, CancellationToken ct, int pageSize = 50)
    {
        if (await AdminAsync(ct) is not { } admin) return Result<PageDto<AdminMemberDto>>.Forbidden();
        var errors = new FieldErrors();
        var query = Filter(f, errors);
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (!PageSizes.Contains(pageSize)) errors.Add("pageSize", "Validation.OneOf", string.Join(", ", PageSizes));
        if (errors.Any) return errors;
        var total = await query!.CountAsync(ct);
        var items = await Project(query!.OrderBy(m => m.SortKey).ThenBy(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize), admin, ct);
        return new PageDto<AdminMemberDto>(items, page, pageSize, total);
    }

    /// <summary>The filtered list as CSV for Excel (UTF-8 with BOM, formula cells escaped); the export is audited (how many, not who).</summary>
    /// <remarks>With <paramref name="ids"/>, only those members (the ones an admin ticked; other networks' ids find nothing).</remarks>
    public async Task<Result<byte[]>> ExportAsync(MemberFilter f, CancellationToken ct, IReadOnlyCollection<long>? ids = null)
    {
        if (await AdminAsync(ct) is not { } admin) return Result<byte[]>.Forbidden();
        var errors = new FieldErrors();
        var query = Filter(f, errors);
        if (ids is { Count: 0 }) errors.Add("memberIds", "Validation.Required");
        if (ids is { Count: > BulkMax }) errors.Add("memberIds", "Validation.TooMany", BulkMax);
        if (errors.Any) return errors;
        if (ids is not null) query = query!.Where(m => ids.Contains(m.Id));
        var rows = await Project(query!.OrderBy(m => m.SortKey).ThenBy(m => m.Id).Take(ExportMax), admin, ct);
        await audit.AddAsync("member.export", "member", null, null, new { count = rows.Count, filter = f with { Q = null }, selected = ids is not null }, ct);
        await db.SaveChangesAsync(ct);
        return CsvFiles.ForExcel(rows.Select(m => new
        {
            m.Id, m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana, m.Email, m.Kind, m.Role, m.Status, m.Department,
            m.JoinedYear, m.LeftYear, m.Organization, m.Title, m.Location, OpenTo = string.Join(" ", m.OpenTo),
            CreatedAt = m.CreatedAt.ToString("yyyy-MM-dd"), LastActiveAt = m.LastActiveAt?.ToString("yyyy-MM-dd"),
        }));
    }

    IQueryable<Member>? Filter(MemberFilter f, FieldErrors errors)
    {
        var kind = Check.Enum<MemberKind>(errors, "kind", f.Kind, required: false);
        var status = Check.Enum<MemberStatus>(errors, "status", f.Status, required: false);
        var openTo = OpenTo.None;
        foreach (var name in (f.OpenTo ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            openTo |= Check.Enum<OpenTo>(errors, "openTo", name, required: false) ?? OpenTo.None;
        var department = Check.Text(errors, "department", f.Department, MemberLimits.Department);
        var q = Check.Text(errors, "q", f.Q, 100);
        if (f.ActiveDays is < 1 or > 3650) errors.Add("activeDays", "Validation.OutOfRange", 1, 3650);
        if (f.InactiveDays is < 1 or > 3650) errors.Add("inactiveDays", "Validation.OutOfRange", 1, 3650);
        if (errors.Any) return null;
        var query = db.Members.AsNoTracking().NotFormer();
        if (kind is not null) query = query.Where(m => m.Kind == kind);
        if (status is not null) query = query.Where(m => m.Status == status);
        if (department is not null) query = query.Where(m => m.Career.Any(c => c.Department.Contains(department)));
        if (openTo != OpenTo.None) query = query.Where(m => (m.OpenTo & openTo) == openTo);
        var now = clock.GetUtcNow();
        if (f.ActiveDays is { } a) { var since = now.AddDays(-a); query = query.Where(m => m.LastActiveAt != null && m.LastActiveAt >= since); }
        if (f.InactiveDays is { } i) { var since = now.AddDays(-i); query = query.Where(m => m.LastActiveAt == null || m.LastActiveAt < since); }
        if (q is not null)
        {
            var key = Infrastructure.Search.SearchText.Normalize(q);
            var lower = q.ToLowerInvariant();
            query = query.Where(m => m.SearchAdmins.Contains(key) || m.User!.Email!.ToLower().Contains(lower));
        }
        return query;
    }

    async Task<List<AdminMemberDto>> Project(IQueryable<Member> query, MemberSession admin, CancellationToken ct)
    {
        var rows = await query.Select(m => new
        {
            m.Id, m.FamilyName, m.GivenName, m.RomanizedName, m.FamilyNameKana, m.GivenNameKana, Email = m.User!.Email!, m.Kind, m.Role, m.Status,
            Career = m.Career.OrderBy(c => c.Id).Select(c => new { c.Department, c.FromYear, c.ToYear }).FirstOrDefault(),
            m.Organization, m.Title, m.Location, m.OpenTo, m.CreatedAt, m.LastActiveAt, m.DecisionReason,
        }).ToListAsync(ct);
        return rows.Select(m => new AdminMemberDto(m.Id, m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana, m.Email,
            WireNames.Of(m.Kind), WireNames.Of(m.Role), WireNames.Of(m.Status), m.Career?.Department, m.Career?.FromYear, m.Career?.ToYear,
            m.Organization, m.Title, m.Location, MemberService.OpenToNames(m.OpenTo), m.CreatedAt, m.LastActiveAt,
            m.Status == MemberStatus.Suspended ? m.DecisionReason : null)
        { RomanizedName = m.RomanizedName, CanSuspend = MemberAdminRules.Suspend(admin, m.Id, m.Status) is null, CanReinstate = MemberAdminRules.Reinstate(m.Status) is null }).ToList();
    }

    public async Task<Result<AdminMemberDto>> GetAsync(long id, CancellationToken ct)
    {
        if (await AdminAsync(ct) is not { } admin) return Result<AdminMemberDto>.Forbidden();
        return (await Project(db.Members.Where(m => m.Id == id), admin, ct)).FirstOrDefault() is { } m ? m : Result<AdminMemberDto>.NotFound();
    }

    /// <summary>Suspends an approved member: they can no longer sign in, and their tokens and cookies stop working at once.</summary>
    public async Task<Result<AdminMemberDto>> SuspendAsync(long id, string? reason, CancellationToken ct)
    {
        if (await AdminAsync(ct) is not { } admin) return Result<AdminMemberDto>.Forbidden();
        var errors = new FieldErrors();
        var text = Check.Text(errors, "reason", reason, 1000, required: true);
        if (errors.Any) return errors;
        var m = await db.Members.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Result<AdminMemberDto>.NotFound();
        if (MemberAdminRules.Suspend(admin, m.Id, m.Status) is { } no) return no.As<AdminMemberDto>();
        return await ChangeStatusAsync(m, MemberStatus.Suspended, text!, "member.suspend", admin, ct);
    }

    public async Task<Result<AdminMemberDto>> ReinstateAsync(long id, string? reason, CancellationToken ct)
    {
        if (await AdminAsync(ct) is not { } admin) return Result<AdminMemberDto>.Forbidden();
        var errors = new FieldErrors();
        var text = Check.Text(errors, "reason", reason, 1000);
        if (errors.Any) return errors;
        var m = await db.Members.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Result<AdminMemberDto>.NotFound();
        if (MemberAdminRules.Reinstate(m.Status) is { } no) return no.As<AdminMemberDto>();
        return await ChangeStatusAsync(m, MemberStatus.Approved, text, "member.reinstate", admin, ct);
    }

    async Task<Result<AdminMemberDto>> ChangeStatusAsync(Member m, MemberStatus status, string? reason, string action, MemberSession admin, CancellationToken ct)
    {
        // Serializable, like role changes: two admins suspending each other at once cannot both succeed.
        var id = m.Id;
        var refused = await db.InTransactionAsync<Result<AdminMemberDto>?>(async tx =>
        {
            // Read again: on a retry the row read before is no longer tracked (the first try gets that one back).
            var member = await db.Members.FirstAsync(x => x.Id == id, ct);
            if (member.Role == MemberRole.Admin && status != MemberStatus.Approved && !await OtherAdminsAsync(id, ct))
                return Result<AdminMemberDto>.Conflict("role", "Validation.LastAdmin");
            var before = new { status = WireNames.Of(member.Status) };
            member.Status = status;
            member.DecidedAt = clock.GetUtcNow();
            member.DecidedByUserId = admin.UserId;
            member.DecisionReason = reason;
            // The reason stays with the member (it is erased with them), not in the append-only log.
            await audit.AddAsync(action, "member", id.ToString(), before, new { status = WireNames.Of(status) }, ct);
            // A new security stamp ends every session and bearer token of the login at its next request; the
            // UserManager's save commits the status and its audit entry with it.
            // A serialization failure (two admins suspending each other at once) goes to the execution strategy, which
            // runs this again: the check above then sees the other's change and keeps the last admin (409).
            if (status == MemberStatus.Suspended && await users.FindByIdAsync(member.UserId) is { } login)
                await users.UpdateSecurityStampAsync(login);
            else
                await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct, System.Data.IsolationLevel.Serializable);
        return refused ?? (await GetAsync(id, ct)).Value!;
    }

    Task<bool> OtherAdminsAsync(long except, CancellationToken ct) =>
        db.Members.AnyAsync(a => a.Id != except && a.Role == MemberRole.Admin && a.Status == MemberStatus.Approved, ct);

    /// <summary>Changes kind and/or role. The network always keeps at least one approved admin.</summary>
    public async Task<Result<AdminMemberDto>> ChangeAsync(long id, ChangeMemberRequest r, CancellationToken ct)
    {
        if (await AdminAsync(ct) is null) return Result<AdminMemberDto>.Forbidden();
        var errors = new FieldErrors();
        var kind = Check.Enum<MemberKind>(errors, "kind", r.Kind, required: false);
        var role = Check.Enum<MemberRole>(errors, "role", r.Role, required: false);
        if (kind is null && role is null && !errors.Any) errors.Add("role", "Validation.Required");
        if (errors.Any) return errors;
        var refused = await db.InTransactionAsync<Result<AdminMemberDto>?>(async tx =>
        {
            var m = await db.Members.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null) return Result<AdminMemberDto>.NotFound();
            if (m.Role == MemberRole.Admin && role == MemberRole.Member && m.Status == MemberStatus.Approved && !await OtherAdminsAsync(m.Id, ct))
                return Result<AdminMemberDto>.Conflict("role", "Validation.LastAdmin");
            var before = new { kind = WireNames.Of(m.Kind), role = WireNames.Of(m.Role) };
            m.Kind = kind ?? m.Kind;
            m.Role = role ?? m.Role;
            await audit.AddAsync(WireNames.Of(m.Role) != before.role ? "member.role" : "member.kind",
                "member", m.Id.ToString(), before, new { kind = WireNames.Of(m.Kind), role = WireNames.Of(m.Role) }, ct);
            // Two admins demoting each other at once: the loser's serialization failure is retried by the execution
            // strategy, and the check above then keeps the last admin (409).
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct, System.Data.IsolationLevel.Serializable);
        return refused ?? (await GetAsync(id, ct)).Value!;
    }
}
