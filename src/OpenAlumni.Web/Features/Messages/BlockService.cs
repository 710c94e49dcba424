using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Messages;

/// <summary>My block list: a blocked member can neither message me nor send me consultation requests.</summary>
public sealed class BlockService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock)
{
    public async Task<IReadOnlyList<BlockDto>> ListAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var rows = await db.Set<MemberBlock>().AsNoTracking().Where(b => b.BlockerMemberId == me.MemberId)
            .Join(db.Members, b => b.BlockedMemberId, m => m.Id, (b, m) => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName, b.CreatedAt })
            .OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        return rows.Select(r => new BlockDto(r.Id, PersonName.Display(r.FamilyName, r.GivenName, r.RomanizedName), tenant.Tenant!.ToLocal(r.CreatedAt))).ToList();
    }

    public async Task<bool> IsBlockedByMeAsync(long memberId, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        return await db.Set<MemberBlock>().AnyAsync(b => b.BlockerMemberId == me.MemberId && b.BlockedMemberId == memberId, ct);
    }

    public async Task<Result<BlockDto>> BlockAsync(long? memberId, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (memberId is null) return FieldErrors.Of("memberId", "Validation.Required");
        if (memberId == me.MemberId) return FieldErrors.Of("memberId", "Messages.BlockSelf");
        var other = await db.Members.AsNoTracking().Approved().Where(m => m.Id == memberId)
            .Select(m => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName }).FirstOrDefaultAsync(ct);
        if (other is null) return Result<BlockDto>.NotFound();
        var existing = await db.Set<MemberBlock>().AsNoTracking().FirstOrDefaultAsync(b => b.BlockerMemberId == me.MemberId && b.BlockedMemberId == other.Id, ct);
        var now = clock.GetUtcNow();
        if (existing is null)
        {
            db.Add(new MemberBlock { BlockerMemberId = me.MemberId, BlockedMemberId = other.Id, CreatedAt = now });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { /* a double click: the block stands either way */ }
        }
        return new BlockDto(other.Id, PersonName.Display(other.FamilyName, other.GivenName, other.RomanizedName), tenant.Tenant!.ToLocal(existing?.CreatedAt ?? now));
    }

    public async Task<Result<bool>> UnblockAsync(long memberId, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var removed = await db.Set<MemberBlock>().Where(b => b.BlockerMemberId == me.MemberId && b.BlockedMemberId == memberId).ExecuteDeleteAsync(ct);
        return removed > 0 ? true : Result<bool>.NotFound();
    }
}
