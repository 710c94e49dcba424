using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Markdown;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Search;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Jobs;

/// <summary>
/// The rehire job board: admins and recruiters post openings; every approved member reads the board;
/// alumni raise their hand (sharing their profile only if they consent) or refer someone.
/// </summary>
public sealed class JobService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock,
    MarkdownRenderer markdown, IStringLocalizer<JobTexts> texts, AppLinks links, Channels.ChannelFeed channels)
{
    public const int PageSize = 20;

    /// <summary>Admins, and members an admin made recruiters, post openings and see who is interested.</summary>
    async Task<(MemberSession Me, bool CanManage)> MeAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var recruiter = !me.IsAdmin && await db.Members.AnyAsync(m => m.Id == me.MemberId && m.IsRecruiter, ct);
        return (me, JobRules.MayManage(me, recruiter));
    }

    public async Task<bool> CanManageAsync(CancellationToken ct) => (await MeAsync(ct)).CanManage;

    /// <summary>Whether the current member chooses the recruiters (the board's link to that page).</summary>
    public async Task<bool> CanChooseRecruitersAsync(CancellationToken ct) => JobRules.ChooseRecruiters(await current.RequireAsync(ct)) is null;

    public async Task<Result<JobDto>> CreateAsync(JobInput input, CancellationToken ct)
    {
        var (me, canManage) = await MeAsync(ct);
        if (!canManage) return Result<JobDto>.Forbidden();
        var now = clock.GetUtcNow();
        var job = new JobOpening { Title = "", Department = "", Location = "", HowToApply = "", PostedByMemberId = me.MemberId, CreatedAt = now, UpdatedAt = now };
        var errors = new FieldErrors();
        Apply(job, input, errors, creating: true);
        if (errors.Any) return errors;
        db.Add(job);
        await db.SaveChangesAsync(ct);
        await AnnounceAsync(job, ct);
        return (await GetAsync(job.Id, ct)).Value!.Job;
    }

    public async Task<Result<JobDto>> UpdateAsync(long id, JobInput input, CancellationToken ct)
    {
        var (_, canManage) = await MeAsync(ct);
        var job = await db.Set<JobOpening>().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return Result<JobDto>.NotFound();
        if (!canManage) return Result<JobDto>.Forbidden();
        var errors = new FieldErrors();
        Apply(job, input, errors, creating: false);
        if (errors.Any) return errors;
        job.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await AnnounceAsync(job, ct);
        return (await GetAsync(job.Id, ct)).Value!.Job;
    }

    void Apply(JobOpening job, JobInput r, FieldErrors errors, bool creating)
    {
        if (creating || r.Title is not null) job.Title = Check.Text(errors, "title", r.Title, JobLimits.Title, required: true) ?? job.Title;
        if (creating || r.Department is not null) job.Department = Check.Text(errors, "department", r.Department, JobLimits.Department, required: true) ?? job.Department;
        if (creating || r.Location is not null) job.Location = Check.Text(errors, "location", r.Location, JobLimits.Location, required: true) ?? job.Location;
        if (creating || r.Remote is not null) job.Remote = Check.Enum<RemoteWork>(errors, "remote", r.Remote, required: true) ?? job.Remote;
        if (creating || r.HowToApply is not null) job.HowToApply = Check.Text(errors, "howToApply", r.HowToApply, JobLimits.HowToApply, required: true) ?? job.HowToApply;
        if (creating || r.Description is not null)
        {
            job.Description = Check.MarkdownText(errors, "description", r.Description, JobLimits.Description) ?? "";
            job.DescriptionHtml = markdown.ToHtml(job.Description);
        }
        if (creating || r.Keywords is not null)
        {
            var words = Check.Text(errors, "keywords", r.Keywords, JobLimits.Keywords) ?? "";
            job.Keywords = string.Join(", ", words.Split([',', '、', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
        }
        if (creating || r.Status is not null) job.Status = creating && string.IsNullOrWhiteSpace(r.Status) ? JobStatus.Open : Check.Enum<JobStatus>(errors, "status", r.Status, required: true) ?? job.Status;
        // A closed opening keeps whatever date it had (closing one that ran out needs no new date); any other must close ahead.
        if (creating || r.ClosesAt is not null) job.ClosesAt = ParseClosing(errors, r.ClosesAt, allowPast: !creating && job.Status == JobStatus.Closed) ?? job.ClosesAt;
        // Re-opening a closed opening needs a closing date still ahead.
        else if (r.Status is not null && job.Status == JobStatus.Open && job.ClosesAt <= clock.GetUtcNow()) errors.Add("closesAt", "Jobs.ClosingDateInPast");
    }

    DateTimeOffset? ParseClosing(FieldErrors errors, string? value, bool allowPast) =>
        Check.Closing(errors, "closesAt", value, tenant.Tenant!.TimeZoneInfo, clock.GetUtcNow(), allowPast);

    /// <summary>The first time an opening is open: mails the matching alumni (<see cref="JobMatching"/>), each in their language.</summary>
    async Task AnnounceAsync(JobOpening job, CancellationToken ct)
    {
        if (job.Status != JobStatus.Open || job.AnnouncedAt is not null) return;
        var now = clock.GetUtcNow();
        job.AnnouncedAt = now;
        var candidates = await db.Members.AsNoTracking().OpenToRehire()
            .Select(m => new { m.Id, m.User!.Email, m.User.PreferredCulture, Departments = m.Career.Select(c => c.Department).ToList(), Tags = m.Tags.Select(t => t.Key).ToList() })
            .AsSplitQuery().ToListAsync(ct);
        var t = tenant.Tenant!;
        foreach (var c in candidates.Where(c => c.Email is not null && JobMatching.Matches(job, c.Departments, c.Tags)))
        {
            string subject, body;
            using (Cultures.Use(c.PreferredCulture))
            {
                subject = texts["Mail.MatchSubject", t.Name, job.Title];
                body = texts["Mail.MatchBody", job.Title, job.Department, job.Location, t.ToLocal(job.ClosesAt).ToString("yyyy-MM-dd"), links.To($"/jobs/{job.Id}"), links.To("/members/edit")];
            }
            await db.EnqueueMailAsync(t.Id, $"job:{job.Id}:{c.Id}", c.Email!, subject, body, now, ct);
        }
        await channels.JobAnnouncedAsync(job, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Result<JobListDto>> ListAsync(string? department, string? location, string? remote, string? q, string? status, int page, CancellationToken ct)
    {
        var (me, canManage) = await MeAsync(ct);
        var errors = new FieldErrors();
        var remoteValue = Check.Enum<RemoteWork>(errors, "remote", remote, required: false);
        var statusValue = Check.Enum<JobStatus>(errors, "status", status, required: false);
        if (statusValue == JobStatus.Draft && !canManage) errors.Add("status", "Validation.OneOf", "open, closed");
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        foreach (var (field, value) in new[] { ("department", department), ("location", location), ("q", q) })
            if (value?.Length > 200) errors.Add(field, "Validation.TooLong", 200);
        if (errors.Any) return errors;

        var now = clock.GetUtcNow();
        var query = db.Set<JobOpening>().AsNoTracking();
        query = statusValue switch
        {
            JobStatus.Draft => query.Where(j => j.Status == JobStatus.Draft),
            JobStatus.Closed => query.Where(j => j.Status == JobStatus.Closed || (j.Status == JobStatus.Open && j.ClosesAt <= now)),
            _ => query.Where(j => j.Status == JobStatus.Open && j.ClosesAt > now),
        };
        if (!string.IsNullOrWhiteSpace(department)) { var d = department.Trim(); query = query.Where(j => j.Department.Contains(d)); }
        if (!string.IsNullOrWhiteSpace(location)) { var l = location.Trim(); query = query.Where(j => j.Location.Contains(l)); }
        if (remoteValue is not null) query = query.Where(j => j.Remote == remoteValue);
        foreach (var term in (q ?? "").Split(' ', '　').Where(s => s.Length > 0).Take(5))
        {
            var lower = term.ToLowerInvariant();
            query = query.Where(j => j.Title.ToLower().Contains(lower) || j.Description.ToLower().Contains(lower) || j.Keywords.ToLower().Contains(lower)
                || j.Department.ToLower().Contains(lower) || j.Location.ToLower().Contains(lower));
        }
        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderBy(j => j.ClosesAt).ThenBy(j => j.Id).Skip((page - 1) * PageSize).Take(PageSize), me, canManage, ct);
        return new JobListDto(items, page, PageSize, total);
    }

    async Task<List<JobDto>> Project(IQueryable<JobOpening> query, MemberSession me, bool canManage, CancellationToken ct)
    {
        var id = me.MemberId;
        var rows = await query.Select(j => new { j, Mine = db.Set<JobInterest>().Where(i => i.OpeningId == j.Id && i.MemberId == id).Select(i => (bool?)i.ConsentToShare).FirstOrDefault() })
            .ToListAsync(ct);
        var t = tenant.Tenant!;
        var now = clock.GetUtcNow();
        return rows.Select(r => new JobDto(r.j.Id, r.j.Title, r.j.Department, r.j.Location, WireNames.Of(r.j.Remote), r.j.Description, r.j.DescriptionHtml,
            r.j.HowToApply, r.j.Keywords, t.ToLocal(r.j.ClosesAt),
            WireNames.Of(r.j.Status == JobStatus.Open && r.j.ClosesAt <= now ? JobStatus.Closed : r.j.Status), t.ToLocal(r.j.CreatedAt),
            r.Mine is not null, r.Mine == true, canManage)
        {
            CanShowInterest = JobRules.Interest(me, r.j, now) is null,
            CanRefer = JobRules.Refer(r.j, now) is null,
        }).ToList();
    }

    public async Task<Result<JobDetailDto>> GetAsync(long id, CancellationToken ct)
    {
        var (me, canManage) = await MeAsync(ct);
        var job = (await Project(db.Set<JobOpening>().AsNoTracking().Where(j => j.Id == id && (j.Status != JobStatus.Draft || canManage)), me, canManage, ct)).FirstOrDefault();
        if (job is null) return Result<JobDetailDto>.NotFound();
        var count = await db.Set<JobInterest>().CountAsync(i => i.OpeningId == id, ct);
        if (!canManage) return new JobDetailDto(job, count, null, null, null);
        var t = tenant.Tenant!;
        // Without consent the recruiter learns only that someone is interested, never who.
        var interested = (await db.Set<JobInterest>().AsNoTracking().Where(i => i.OpeningId == id && i.ConsentToShare).OrderBy(i => i.Id)
                .Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName, m.User!.Email, i.CreatedAt }).ToListAsync(ct))
            .Select(x => new InterestedDto(x.Id, PersonName.Display(x.FamilyName, x.GivenName, x.RomanizedName), $"/members/{x.Id}", x.Email, t.ToLocal(x.CreatedAt))).ToList();
        var referrals = (await db.Set<JobReferral>().AsNoTracking().Where(r => r.OpeningId == id).OrderBy(r => r.Id)
                .Select(r => new { r, By = db.Members.Where(m => m.Id == r.ReferrerMemberId).Select(m => new { m.FamilyName, m.GivenName, m.RomanizedName }).FirstOrDefault() }).ToListAsync(ct))
            .Select(x => new ReferralDto(x.r.Id, x.r.Name, x.r.Email, x.r.Note, x.By is null ? "" : PersonName.Display(x.By.FamilyName, x.By.GivenName, x.By.RomanizedName), t.ToLocal(x.r.CreatedAt))).ToList();
        return new JobDetailDto(job, count, interested, count - interested.Count, referrals);
    }

    /// <summary>A published opening (drafts are their managers' only).</summary>
    Task<JobOpening?> PublishedAsync(long id, CancellationToken ct) =>
        db.Set<JobOpening>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.Status != JobStatus.Draft, ct);

    /// <summary>Interest is for alumni (JobRules.Interest); consent decides whether the recruiter sees who.</summary>
    public async Task<Result<JobDetailDto>> InterestAsync(long id, InterestInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var job = await PublishedAsync(id, ct);
        if (job is null) return Result<JobDetailDto>.NotFound();
        if (JobRules.Interest(me, job, clock.GetUtcNow()) is { } no) return no.As<JobDetailDto>();
        var row = await db.Set<JobInterest>().FirstOrDefaultAsync(i => i.OpeningId == id && i.MemberId == me.MemberId, ct);
        if (row is null) db.Add(new JobInterest { OpeningId = id, MemberId = me.MemberId, ConsentToShare = input.Consent, CreatedAt = clock.GetUtcNow() });
        else row.ConsentToShare = input.Consent;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* a double click inserted it first: the hand is raised either way */ }
        return await GetAsync(id, ct);
    }

    public async Task<Result<JobDetailDto>> WithdrawInterestAsync(long id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!await db.Set<JobOpening>().AnyAsync(j => j.Id == id && j.Status != JobStatus.Draft, ct)) return Result<JobDetailDto>.NotFound();
        await db.Set<JobInterest>().Where(i => i.OpeningId == id && i.MemberId == me.MemberId).ExecuteDeleteAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Any member may refer someone; the referral is kept for the recruiters and mailed to whoever posted the opening.</summary>
    public async Task<Result<ReferralDto>> ReferAsync(long id, ReferralInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var job = await PublishedAsync(id, ct);
        if (job is null) return Result<ReferralDto>.NotFound();
        if (JobRules.Refer(job, clock.GetUtcNow()) is { } no) return no.As<ReferralDto>();
        var errors = new FieldErrors();
        var name = Check.Text(errors, "name", input.Name, JobLimits.Name, required: true);
        var email = Check.Email(errors, "email", input.Email);
        var note = Check.Text(errors, "note", input.Note, JobLimits.Note);
        if (errors.Any) return errors;
        var now = clock.GetUtcNow();
        var referral = new JobReferral { OpeningId = id, ReferrerMemberId = me.MemberId, Name = name!, Email = email!, Note = note, CreatedAt = now };
        db.Add(referral);
        await db.SaveChangesAsync(ct);
        var poster = await db.Members.AsNoTracking().Approved().Where(m => m.Id == job.PostedByMemberId)
            .Select(m => new { m.User!.Email, m.User.PreferredCulture }).FirstOrDefaultAsync(ct);
        if (poster?.Email is not null)
        {
            string subject, body;
            using (Cultures.Use(poster.PreferredCulture))
            {
                subject = texts["Mail.ReferralSubject", tenant.Tenant!.ShownName, job.Title];
                body = texts["Mail.ReferralBody", me.DisplayName, job.Title, links.To($"/jobs/{id}")];
            }
            await db.EnqueueMailAsync(tenant.TenantId, $"job-referral:{referral.Id}", poster.Email, subject, body, now, ct);
            await db.SaveChangesAsync(ct);
        }
        return new ReferralDto(referral.Id, referral.Name, referral.Email, referral.Note, me.DisplayName, tenant.Tenant!.ToLocal(now));
    }

    public async Task<Result<RecruiterDto>> SetRecruiterAsync(long memberId, bool recruiter, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (JobRules.ChooseRecruiters(me) is { } no) return no.As<RecruiterDto>();
        var m = await db.Members.FirstOrDefaultAsync(x => x.Id == memberId, ct);
        if (m is null) return Result<RecruiterDto>.NotFound();
        m.IsRecruiter = recruiter;
        await db.SaveChangesAsync(ct);
        return new RecruiterDto(m.Id, m.DisplayName, m.IsRecruiter);
    }

    public async Task<Result<IReadOnlyList<RecruiterDto>>> RecruitersAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (JobRules.ChooseRecruiters(me) is { } no) return no.As<IReadOnlyList<RecruiterDto>>();
        var rows = await db.Members.AsNoTracking().Where(m => m.IsRecruiter).OrderBy(m => m.SortKey).Select(m => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName }).ToListAsync(ct);
        return rows.Select(r => new RecruiterDto(r.Id, PersonName.Display(r.FamilyName, r.GivenName, r.RomanizedName), true)).ToList();
    }
}
