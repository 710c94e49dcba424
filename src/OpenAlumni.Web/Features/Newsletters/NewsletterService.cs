using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>
/// The secretariat's newsletters: write and edit drafts, preview as a member, send a test to oneself, schedule and cancel.
/// Admins only. Sending is <see cref="NewsletterDispatcher"/>'s.
/// </summary>
public sealed partial class NewsletterService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, AuditLog audit,
    NewsletterRenderer renderer, NewsletterAudiences audiences)
{
    public const int PageSize = 30;

    async Task<MemberSession?> AdminAsync(CancellationToken ct) => await current.RequireAsync(ct) is { IsAdmin: true } me ? me : null;

    public async Task<Result<NewsletterListDto>> ListAsync(int page, CancellationToken ct)
    {
        if (await AdminAsync(ct) is null) return Result<NewsletterListDto>.Forbidden();
        if (page is < 1 or > 100_000) return FieldErrors.Of("page", "Validation.PageInvalid");
        var total = await db.Set<Newsletter>().CountAsync(ct);
        var rows = await db.Set<Newsletter>().AsNoTracking().OrderByDescending(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new NewsletterListDto(await ToDtosAsync(rows, ct), page, PageSize, total);
    }

    public async Task<Result<NewsletterDto>> GetAsync(long id, CancellationToken ct)
    {
        if (await AdminAsync(ct) is null) return Result<NewsletterDto>.Forbidden();
        var n = await db.Set<Newsletter>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return n is null ? Result<NewsletterDto>.NotFound() : (await ToDtosAsync([n], ct))[0];
    }

    public async Task<Result<NewsletterDto>> CreateAsync(NewsletterInput input, CancellationToken ct)
    {
        if (await AdminAsync(ct) is not { } me) return Result<NewsletterDto>.Forbidden();
        var now = clock.GetUtcNow();
        var n = new Newsletter { Subject = "", CreatedByMemberId = me.MemberId, CreatedAt = now, UpdatedAt = now };
        var errors = new FieldErrors();
        await ApplyAsync(n, input, errors, creating: true, ct);
        if (errors.Any) return errors;
        db.Add(n);
        await db.SaveChangesAsync(ct);
        await audit.AddAsync("newsletter.create", "newsletter", Id(n), null, Audited(n), ct);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(n.Id, ct)).Value!;
    }

    public async Task<Result<NewsletterDto>> UpdateAsync(long id, NewsletterInput input, CancellationToken ct)
    {
        if (await AdminAsync(ct) is null) return Result<NewsletterDto>.Forbidden();
        // Only while it is still a draft: a schedule from another tab in between wins, and this edit is refused. The
        // conditional update takes the row's lock first (PostgreSQL's row lock, SQLite's write lock), so a schedule waits for
        // this edit to commit, or this edit finds the newsletter no longer a draft and writes nothing. Read and applied inside
        // the transaction, so that a retry starts again from the row.
        var refused = await db.InTransactionAsync<Result<NewsletterDto>?>(async tx =>
        {
            var now = clock.GetUtcNow();
            var stillDraft = await db.Set<Newsletter>().Where(x => x.Id == id && x.Status == NewsletterStatus.Draft)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.UpdatedAt, now), ct);
            if (stillDraft == 0)
                return await db.Set<Newsletter>().AnyAsync(x => x.Id == id, ct)
                    ? Result<NewsletterDto>.Conflict("status", "Newsletters.NotDraft") : Result<NewsletterDto>.NotFound();
            var n = await db.Set<Newsletter>().FirstAsync(x => x.Id == id, ct);
            var before = Audited(n);
            var errors = new FieldErrors();
            await ApplyAsync(n, input, errors, creating: false, ct);
            if (errors.Any) return errors;
            n.UpdatedAt = now;
            await audit.AddAsync("newsletter.update", "newsletter", Id(n), before, Audited(n), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        return refused ?? (await GetAsync(id, ct)).Value!;
    }

    public async Task<Result<bool>> DeleteAsync(long id, CancellationToken ct)
    {
        if (await AdminAsync(ct) is null) return Result<bool>.Forbidden();
        var n = await db.Set<Newsletter>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Result<bool>.NotFound();
        if (n.Status != NewsletterStatus.Draft) return Result<bool>.Conflict("status", "Newsletters.NotDraft");
        // Conditional, like an edit: a newsletter scheduled (or going out) in the meantime is not deleted under its sender.
        var deleted = await db.InTransactionAsync(async tx =>
        {
            if (await db.Set<Newsletter>().Where(x => x.Id == id && x.Status == NewsletterStatus.Draft).ExecuteDeleteAsync(ct) == 0) return false;
            await audit.AddAsync("newsletter.delete", "newsletter", Id(n), Audited(n), null, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }, ct);
        if (!deleted) return Result<bool>.Conflict("status", "Newsletters.NotDraft");
        db.Entry(n).State = EntityState.Detached;
        return true;
    }

    /// <summary>Draft → scheduled, with a send time ahead (given now or saved before).</summary>
    public async Task<Result<NewsletterDto>> ScheduleAsync(long id, NewsletterInput? input, CancellationToken ct)
    {
        if (await AdminAsync(ct) is null) return Result<NewsletterDto>.Forbidden();
        var n = await db.Set<Newsletter>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Result<NewsletterDto>.NotFound();
        if (n.Status != NewsletterStatus.Draft) return Result<NewsletterDto>.Conflict("status", "Newsletters.NotDraft");
        var errors = new FieldErrors();
        var sendAt = input?.SendAt is { } given ? ReadSendAt(errors, given) : n.SendAt;
        if (!errors.Any && sendAt is null) errors.Add("sendAt", "Validation.Required");
        else if (!errors.Any && sendAt <= clock.GetUtcNow()) errors.Add("sendAt", "Newsletters.SendAtInPast");
        if (errors.Any) return errors;
        // Conditional, so that of two admins scheduling and editing at once exactly one wins.
        var moved = await db.Set<Newsletter>().Where(x => x.Id == id && x.Status == NewsletterStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, NewsletterStatus.Scheduled).SetProperty(x => x.SendAt, sendAt)
                .SetProperty(x => x.UpdatedAt, clock.GetUtcNow()), ct);
        if (moved == 0) return Result<NewsletterDto>.Conflict("status", "Newsletters.NotDraft");
        await audit.AddAsync("newsletter.schedule", "newsletter", Id(n), null, new { sendAt }, ct);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct)).Value!;
    }

    /// <summary>Scheduled → draft, while it has not started going out.</summary>
    public async Task<Result<NewsletterDto>> UnscheduleAsync(long id, CancellationToken ct)
    {
        if (await AdminAsync(ct) is null) return Result<NewsletterDto>.Forbidden();
        if (!await db.Set<Newsletter>().AnyAsync(x => x.Id == id, ct)) return Result<NewsletterDto>.NotFound();
        var moved = await db.Set<Newsletter>().Where(x => x.Id == id && x.Status == NewsletterStatus.Scheduled)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, NewsletterStatus.Draft).SetProperty(x => x.UpdatedAt, clock.GetUtcNow()), ct);
        if (moved == 0) return Result<NewsletterDto>.Conflict("status", "Newsletters.NotScheduled");
        await audit.AddAsync("newsletter.unschedule", "newsletter", id.ToString(CultureInfo.InvariantCulture), null, null, ct);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct)).Value!;
    }

    /// <summary>
    /// What a member would get, rendered as they would get it. Without a member: the first of the audience who would get it
    /// (none: rendered as the admin, <c>inAudience</c> false).
    /// </summary>
    public async Task<Result<NewsletterPreviewDto>> PreviewAsync(long id, PreviewInput? input, CancellationToken ct)
    {
        if (await AdminAsync(ct) is not { } me) return Result<NewsletterPreviewDto>.Forbidden();
        var n = await db.Set<Newsletter>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Result<NewsletterPreviewDto>.NotFound();
        var receiving = audiences.Receiving(n);
        long memberId;
        if (input?.MemberId is { } chosen)
        {
            if (!await db.Members.AnyAsync(m => m.Id == chosen, ct)) return FieldErrors.Of("memberId", "Newsletters.MemberNotFound");
            memberId = chosen;
        }
        else memberId = await receiving.OrderBy(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct) ?? me.MemberId;
        var inAudience = await receiving.AnyAsync(m => m.Id == memberId, ct);
        var who = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new { m.FamilyName, m.GivenName, m.RomanizedName, m.User!.PreferredCulture }).FirstAsync(ct);
        var r = await renderer.RenderAsync(n, memberId, who.PreferredCulture, null, ct);
        return new NewsletterPreviewDto(memberId, PersonName.Display(who.FamilyName, who.GivenName, who.RomanizedName), inAudience, r.Subject, r.Html, r.Text);
    }

    /// <summary>Sends the newsletter to the admin's own address at once (through the outbox), marked as a test; it counts nowhere.</summary>
    public async Task<Result<NewsletterTestDto>> TestAsync(long id, CancellationToken ct)
    {
        if (await AdminAsync(ct) is not { } me) return Result<NewsletterTestDto>.Forbidden();
        var n = await db.Set<Newsletter>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Result<NewsletterTestDto>.NotFound();
        var who = await db.Members.AsNoTracking().Where(m => m.Id == me.MemberId).Select(m => new { m.User!.Email, m.User.PreferredCulture }).FirstAsync(ct);
        var r = await renderer.RenderAsync(n, me.MemberId, who.PreferredCulture, null, ct);
        var now = clock.GetUtcNow();
        string subject;
        using (Infrastructure.Localization.Cultures.Use(who.PreferredCulture ?? tenant.Tenant!.DefaultCulture))
            subject = renderer.TestSubject(r.Subject);
        await db.EnqueueMailAsync(tenant.TenantId, $"newsletter-test:{n.Id}:{me.MemberId}:{now.UtcTicks}", who.Email!, subject, r.Text, now, ct, html: r.Html);
        await audit.AddAsync("newsletter.test", "newsletter", Id(n), null, null, ct);
        await db.SaveChangesAsync(ct);
        return new NewsletterTestDto(who.Email!);
    }

    static string Id(Newsletter n) => n.Id.ToString(CultureInfo.InvariantCulture);

    static object Audited(Newsletter n) => new
    {
        subject = n.Subject, audience = WireNames.Of(n.Audience), blocks = n.Blocks, spaceIds = n.SpaceIds, sendAt = n.SendAt, status = WireNames.Of(n.Status),
    };
}
