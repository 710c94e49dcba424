using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Roster;

/// <param name="Approved">Registrations that were waiting and whose (confirmed) email is on the roster: approved by this import.</param>
public sealed record RosterImportDto(int Rows, int Imported, int Updated, int Unchanged, bool DryRun, IReadOnlyList<RosterPreviewRow> Preview, int Approved = 0);

/// <summary>A row of the preview: what the import will do with it (<c>new</c>, <c>update</c>, <c>unchanged</c>).</summary>
public sealed record RosterPreviewRow(int Row, string Action, string FamilyName, string GivenName, string Email, string? Department, int? JoinedYear, int? LeftYear, string? EmployeeNumber);

public sealed record RosterEntryDto(
    long Id, string FamilyName, string GivenName, string? FamilyNameKana, string? GivenNameKana, string Email, string? Department,
    int? JoinedYear, int? LeftYear, string? EmployeeNumber, string? Language, long? MemberId, string? Invitation)
{
    public string DisplayName => PersonName.Display(FamilyName, GivenName);
}

/// <summary>The roster: importing it (all or nothing, idempotent) and listing who has joined.</summary>
public sealed class RosterService(AlumniDb db, CurrentMember current, AuditLog audit, TimeProvider clock,
    Microsoft.AspNetCore.Identity.UserManager<Accounts.AppUser> users, Accounts.AccountService accounts, ITenantContext tenant)
{
    /// <param name="asOperator">The CLI: the operator is trusted, there is no member in the scope.</param>
    public async Task<Result<RosterImportDto>> ImportAsync(Stream content, long? length, bool dryRun, CancellationToken ct, bool asOperator = false)
    {
        if (!asOperator && (await current.GetAsync(ct))?.IsAdmin != true) return Result<RosterImportDto>.Forbidden();
        var tooLarge = FieldErrors.Of("file", "Validation.FileTooLarge", RosterLimits.FileBytes / 1024 / 1024);
        if (length > RosterLimits.FileBytes) return tooLarge;
        var bytes = await RosterCsv.ReadBoundedAsync(content, RosterLimits.FileBytes, ct);
        if (bytes is null) return tooLarge;
        var now = clock.GetUtcNow();
        var (rows, unreadable) = RosterCsv.Parse(RosterCsv.Decode(bytes), now.Year);
        if (unreadable.Any) return unreadable;

        // The plan is made inside the transaction, so that a retry (PostgreSQL, after a transient failure) plans again
        // from what the database holds; the dry run's transaction only reads and is rolled back.
        var (outcome, approved) = await db.InTransactionAsync<(Result<RosterImportDto>, List<string>)>(async tx =>
        {
            var errors = new FieldErrors();
            var existing = await db.Set<RosterEntry>().ToListAsync(ct);
            var byNumber = existing.Where(e => e.EmployeeNumber is not null).ToDictionary(e => e.EmployeeNumber!);
            var byEmail = existing.ToDictionary(e => e.EmailKey);
            var emailsInUse = new Dictionary<string, RosterEntry>(byEmail);
            // Members already here with a row's address: the row is linked to them (they have joined).
            var keys = rows.Select(r => r.EmailKey.ToUpperInvariant()).ToList();
            var members = await db.Members.Where(m => keys.Contains(m.User!.NormalizedEmail!))
                .Select(m => new { m.Id, Email = m.User!.NormalizedEmail! }).ToListAsync(ct);
            var memberByEmail = members.ToDictionary(m => m.Email.ToLowerInvariant(), m => m.Id);

            int imported = 0, updated = 0, unchanged = 0;
            var preview = new List<RosterPreviewRow>();
            foreach (var r in rows)
            {
                var entry = r.EmployeeNumber is not null && byNumber.TryGetValue(r.EmployeeNumber, out var n) ? n
                    : byEmail.TryGetValue(r.EmailKey, out var e) && (r.EmployeeNumber is null || e.EmployeeNumber is null) ? e : null;
                // The address belongs to another person's row (another employee number): an error, not an overwrite.
                if (emailsInUse.TryGetValue(r.EmailKey, out var holder) && holder != entry)
                {
                    errors.Add($"rows[{r.Row}].email", "Validation.RosterEmailTaken");
                    continue;
                }
                string action;
                if (entry is null)
                {
                    entry = new RosterEntry { FamilyName = r.FamilyName, GivenName = r.GivenName, Email = r.Email, EmailKey = r.EmailKey, CreatedAt = now, UpdatedAt = now };
                    Apply(entry, r);
                    entry.MemberId = memberByEmail.GetValueOrDefault(r.EmailKey) is var id && id != 0 ? id : null;
                    db.Add(entry);
                    imported++;
                    action = "new";
                }
                else if (Same(entry, r)) { unchanged++; action = "unchanged"; }
                else
                {
                    emailsInUse.Remove(entry.EmailKey);
                    Apply(entry, r);
                    entry.UpdatedAt = now;
                    updated++;
                    action = "update";
                }
                emailsInUse[r.EmailKey] = entry;
                if (preview.Count < 200 || action != "unchanged")
                    preview.Add(new RosterPreviewRow(r.Row, action, r.FamilyName, r.GivenName, r.Email, r.Department, r.JoinedYear, r.LeftYear, r.EmployeeNumber));
            }
            if (errors.Any) { db.ChangeTracker.Clear(); return (errors, []); }
            var result = new RosterImportDto(rows.Count, imported, updated, unchanged, dryRun, preview.Take(500).ToList());
            if (dryRun) { db.ChangeTracker.Clear(); return (result, []); }
            if (imported + updated == 0) return (result, []);
            // Registrations already waiting with a confirmed address now on the roster: approved, as if the roster had come first.
            var waiting = await db.Members.Where(m => m.Status == MemberStatus.Pending && m.Kind == MemberKind.Alumni && m.User!.EmailConfirmed && keys.Contains(m.User.NormalizedEmail!))
                .Select(m => new { m.Id, m.UserId }).ToListAsync(ct);
            // Counts only: the audit log must not hold the people's names or addresses.
            await audit.AddAsync("roster.import", "roster", null, null, new { rows = rows.Count, imported, updated, unchanged, approved = waiting.Count }, ct);
            await db.SaveChangesAsync(ct);
            foreach (var w in waiting)
                await db.Members.Where(m => m.Id == w.Id && m.Status == MemberStatus.Pending).ExecuteUpdateAsync(x => x.SetProperty(m => m.Status, MemberStatus.Approved)
                    .SetProperty(m => m.DecidedAt, now).SetProperty(m => m.DecisionReason, "roster"), ct);
            await tx.CommitAsync(ct);
            return (result with { Approved = waiting.Count }, waiting.Select(w => w.UserId).ToList());
        }, ct);
        foreach (var userId in approved)
            if (await users.FindByIdAsync(userId) is { } user)
                await accounts.SendAsync(user, "Mail.ApprovedSubject", "Mail.ApprovedBody", ct, tenant.Tenant!.LocalName, "");
        return outcome;
    }

    static void Apply(RosterEntry e, RosterRow r)
    {
        e.FamilyName = r.FamilyName; e.GivenName = r.GivenName; e.FamilyNameKana = r.FamilyNameKana; e.GivenNameKana = r.GivenNameKana;
        e.Email = r.Email; e.EmailKey = r.EmailKey; e.Department = r.Department; e.JoinedYear = r.JoinedYear; e.LeftYear = r.LeftYear;
        e.EmployeeNumber = r.EmployeeNumber; e.Language = r.Language;
    }

    static bool Same(RosterEntry e, RosterRow r) =>
        e.FamilyName == r.FamilyName && e.GivenName == r.GivenName && e.FamilyNameKana == r.FamilyNameKana && e.GivenNameKana == r.GivenNameKana
        && e.Email == r.Email && e.Department == r.Department && e.JoinedYear == r.JoinedYear && e.LeftYear == r.LeftYear
        && e.EmployeeNumber == r.EmployeeNumber && e.Language == r.Language;

    /// <param name="joined">true: only those who joined; false: only those who have not; null: all.</param>
    public async Task<Result<PageDto<RosterEntryDto>>> ListAsync(bool? joined, string? q, int page, CancellationToken ct)
    {
        if ((await current.GetAsync(ct))?.IsAdmin != true) return Result<PageDto<RosterEntryDto>>.Forbidden();
        if (page is < 1 or > 100_000) return FieldErrors.Of("page", "Validation.PageInvalid");
        const int size = 100;
        var query = db.Set<RosterEntry>().AsNoTracking();
        if (joined is not null) query = joined.Value ? query.Where(r => r.MemberId != null) : query.Where(r => r.MemberId == null);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            var lower = t.ToLowerInvariant();
            query = query.Where(r => r.FamilyName.Contains(t) || r.GivenName.Contains(t) || r.EmailKey.Contains(lower)
                || (r.FamilyNameKana != null && r.FamilyNameKana.Contains(t)) || (r.Department != null && r.Department.Contains(t)));
        }
        var total = await query.CountAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await query.OrderBy(r => r.FamilyNameKana ?? r.FamilyName).ThenBy(r => r.Id).Skip((page - 1) * size).Take(size)
            .Select(r => new
            {
                r,
                Invitation = db.Set<Invitation>().Where(i => i.RosterEntryId == r.Id).OrderByDescending(i => i.Id)
                    .Select(i => new { i.RevokedAt, i.UsedAt, i.ExpiresAt }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(x => new RosterEntryDto(x.r.Id, x.r.FamilyName, x.r.GivenName, x.r.FamilyNameKana, x.r.GivenNameKana, x.r.Email,
            x.r.Department, x.r.JoinedYear, x.r.LeftYear, x.r.EmployeeNumber, x.r.Language, x.r.MemberId,
            x.Invitation is null ? null : WireNames.Of(
                x.Invitation.RevokedAt is not null ? InvitationState.Revoked : x.Invitation.UsedAt is not null ? InvitationState.Used
                : x.Invitation.ExpiresAt <= now ? InvitationState.Expired : InvitationState.Pending))).ToList();
        return new PageDto<RosterEntryDto>(items, page, size, total);
    }
}
