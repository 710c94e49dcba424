using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Registrations;

public sealed record PendingRegistrationDto(
    long Id, string Email, bool EmailConfirmed, string Kind, string FamilyName, string GivenName, string? FamilyNameKana, string? GivenNameKana,
    string? Department, int? JoinedYear, int? LeftYear, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt, string? DecisionReason)
{
    public string DisplayName => PersonName.Display(FamilyName, GivenName);
    /// <summary>The roster row closest to this applicant (same email, or same name), for the admin's decision.</summary>
    public Roster.RosterMatchDto? RosterMatch { get; init; }
}

public sealed record DecisionRequest(string? Reason);

/// <summary>The secretariat's approval queue. A decision is taken once: a second one answers 409.</summary>
public sealed class RegistrationService(AlumniDb db, CurrentMember current, UserManager<AppUser> users, AccountService accounts, ITenantContext tenant, TimeProvider clock, AuditLog audit, Roster.RosterMatcher roster)
{
    public async Task<Result<PageDto<PendingRegistrationDto>>> ListAsync(string? status, int page, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var s = Check.Enum<MemberStatus>(errors, "status", status, required: false) ?? MemberStatus.Pending;
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (errors.Any) return errors;
        const int size = 50;
        var query = db.Members.AsNoTracking().Where(m => m.Status == s);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Skip((page - 1) * size).Take(size)
            .Select(AsDto)
            .ToListAsync(ct);
        var matches = await roster.ClosestAsync(items.Select(i => new Roster.Applicant(i.Email, i.FamilyName, i.GivenName, i.Department, i.JoinedYear, i.LeftYear)).ToList(), ct);
        return new PageDto<PendingRegistrationDto>(items.Select((i, n) => i with { RosterMatch = matches[n] }).ToList(), page, size, total);
    }

    public Task<Result<PendingRegistrationDto>> ApproveAsync(long id, string? reason, CancellationToken ct) =>
        DecideAsync(id, MemberStatus.Approved, reason, ct);

    public Task<Result<PendingRegistrationDto>> RejectAsync(long id, string? reason, CancellationToken ct) =>
        DecideAsync(id, MemberStatus.Rejected, reason, ct);

    async Task<Result<PendingRegistrationDto>> DecideAsync(long id, MemberStatus decision, string? reason, CancellationToken ct)
    {
        var admin = await current.RequireAsync(ct);
        if (!admin.IsAdmin) return Result<PendingRegistrationDto>.Forbidden();
        var errors = new FieldErrors();
        var text = Check.Text(errors, "reason", reason, 1000, required: decision == MemberStatus.Rejected);
        if (errors.Any) return errors;
        if (!await db.Members.AnyAsync(m => m.Id == id, ct)) return Result<PendingRegistrationDto>.NotFound();

        // The status condition makes the decision atomic: of two admins deciding at once, one wins.
        var now = clock.GetUtcNow();
        var decided = await db.InTransactionAsync(async tx =>
        {
            var changed = await db.Members.Where(m => m.Id == id && m.Status == MemberStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, decision).SetProperty(m => m.DecidedAt, now)
                    .SetProperty(m => m.DecidedByUserId, admin.UserId).SetProperty(m => m.DecisionReason, text), ct);
            if (changed == 0) return false;
            await audit.AddAsync(decision == MemberStatus.Approved ? "registration.approve" : "registration.reject", "member", id.ToString(),
                new { status = WireNames.Of(MemberStatus.Pending) }, new { status = WireNames.Of(decision), hasReason = text is not null }, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }, ct);
        if (!decided) return Result<PendingRegistrationDto>.Conflict("status", "Validation.AlreadyDecided");

        var member = await db.Members.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.UserId }).FirstAsync(ct);
        var user = await users.FindByIdAsync(member.UserId);
        if (user is not null)
        {
            if (decision == MemberStatus.Approved)
                await accounts.SendAsync(user, "Mail.ApprovedSubject", "Mail.ApprovedBody", ct, tenant.Tenant!.LocalName, text ?? "");
            else
                await accounts.SendAsync(user, "Mail.RejectedSubject", "Mail.RejectedBody", ct, tenant.Tenant!.LocalName, text ?? "");
        }
        return await db.Members.AsNoTracking().Where(m => m.Id == id).Select(AsDto).FirstAsync(ct);
    }

    static readonly System.Linq.Expressions.Expression<Func<Member, PendingRegistrationDto>> AsDto = m =>
        new PendingRegistrationDto(m.Id, m.User!.Email!, m.User.EmailConfirmed, m.Kind.ToString(),
            m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana,
            m.Career.OrderBy(c => c.Id).Select(c => c.Department).FirstOrDefault(),
            m.Career.OrderBy(c => c.Id).Select(c => c.FromYear).FirstOrDefault(),
            m.Career.OrderBy(c => c.Id).Select(c => c.ToYear).FirstOrDefault(),
            m.Status.ToString(), m.CreatedAt, m.DecidedAt, m.DecisionReason);
}
