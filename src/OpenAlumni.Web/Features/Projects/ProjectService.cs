using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Outcomes;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Markdown;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Search;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Projects;

/// <summary>
/// Side projects (業務委託・副業): any member posts one (a department of the company, or an alumnus for their own
/// business); members apply with a note; the poster shortlists, declines or engages, and engaging records the
/// engagement in the outcome ledger. Members open to side projects see those matching their skills first.
/// </summary>
public sealed class ProjectService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock,
    MarkdownRenderer markdown, IStringLocalizer<ProjectTexts> texts, AppLinks links, AuditLog audit, Channels.ChannelFeed channels)
{
    public const int PageSize = 20;
    /// <summary>The open projects ordered in memory by how well they match the reader: a board holds dozens, not thousands.</summary>
    const int MaxOpen = 1000;

    public async Task<Result<ProjectDto>> CreateAsync(ProjectInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var now = clock.GetUtcNow();
        var p = new Project { Title = "", PostedByMemberId = me.MemberId, CreatedAt = now, UpdatedAt = now };
        var errors = new FieldErrors();
        Apply(p, input, errors, creating: true);
        if (errors.Any) return errors;
        db.Add(p);
        await db.SaveChangesAsync(ct);
        await channels.ProjectOpenedAsync(p, ct);
        return (await GetAsync(p.Id, ct)).Value!;
    }

    public async Task<Result<ProjectDto>> UpdateAsync(long id, ProjectInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var p = await db.Set<Project>().FirstOrDefaultAsync(x => x.Id == id && (x.Status != ProjectStatus.Draft || x.PostedByMemberId == me.MemberId || me.IsAdmin), ct);
        if (p is null) return Result<ProjectDto>.NotFound();
        if (ProjectRules.Manage(me, p) is { } no) return no.As<ProjectDto>();
        var errors = new FieldErrors();
        var wasDraft = p.Status == ProjectStatus.Draft;
        Apply(p, input, errors, creating: false);
        if (errors.Any) return errors;
        p.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        if (wasDraft) await channels.ProjectOpenedAsync(p, ct);
        return (await GetAsync(p.Id, ct)).Value!;
    }

    void Apply(Project p, ProjectInput r, FieldErrors errors, bool creating)
    {
        if (creating || r.Title is not null) p.Title = Check.Text(errors, "title", r.Title, ProjectLimits.Title, required: true) ?? p.Title;
        if (creating || r.Description is not null)
        {
            p.Description = Check.MarkdownText(errors, "description", r.Description, ProjectLimits.Description, required: true) ?? p.Description;
            p.DescriptionHtml = markdown.ToHtml(p.Description);
        }
        if (creating || r.Skills is not null)
        {
            var words = Check.Text(errors, "skills", r.Skills, ProjectLimits.Skills) ?? "";
            p.Skills = string.Join(", ", SplitSkills(words));
            // Re-joined with ", ", twenty short skills typed with "、" grow past what was checked.
            if (p.Skills.Length > ProjectLimits.Skills) errors.Add("skills", "Validation.TooLong", ProjectLimits.Skills);
        }
        if (creating || r.Department is not null) p.Department = Check.Text(errors, "department", r.Department, ProjectLimits.Department) ?? "";
        if (creating || r.StartsOn is not null) p.StartsOn = ReadDay(errors, "startsOn", r.StartsOn);
        if (creating || r.EndsOn is not null) p.EndsOn = ReadDay(errors, "endsOn", r.EndsOn);
        if (p.StartsOn is { } s && p.EndsOn is { } e && e < s) errors.Add("endsOn", "Projects.EndBeforeStart");
        // 0 clears the hours (not said); left out, they stay.
        if (creating || r.HoursPerWeek is not null)
        {
            if (r.HoursPerWeek is < 0 or > ProjectLimits.HoursPerWeek) errors.Add("hoursPerWeek", "Projects.HoursInvalid", ProjectLimits.HoursPerWeek);
            else p.HoursPerWeek = r.HoursPerWeek is 0 ? null : r.HoursPerWeek;
        }
        if (creating || r.Remote is not null) p.Remote = Check.Enum<RemoteWork>(errors, "remote", r.Remote, required: true) ?? p.Remote;
        if (creating || r.Place is not null) p.Place = Check.Text(errors, "place", r.Place, ProjectLimits.Place) ?? "";
        if (p.Remote != RemoteWork.Remote && p.Place.Length == 0 && (creating || r.Remote is not null || r.Place is not null)) errors.Add("place", "Projects.PlaceRequired");
        // feeToDiscuss clears both bounds, then any bound given is set: the form sends both so, replacing the range; a
        // PATCH with one bound keeps the other. The range is checked as it ends up.
        if (r.FeeToDiscuss == true) (p.FeeMinYen, p.FeeMaxYen) = (null, null);
        foreach (var (field, fee) in new[] { ("feeMinYen", r.FeeMinYen), ("feeMaxYen", r.FeeMaxYen) })
            if (fee is < 0 or > ProjectLimits.MaxFeeYen) errors.Add(field, "Projects.FeeInvalid");
        if (r.FeeMinYen is >= 0 and <= ProjectLimits.MaxFeeYen) p.FeeMinYen = r.FeeMinYen;
        if (r.FeeMaxYen is >= 0 and <= ProjectLimits.MaxFeeYen) p.FeeMaxYen = r.FeeMaxYen;
        if (p.FeeMinYen is { } min && p.FeeMaxYen is { } max && max < min) errors.Add("feeMaxYen", "Projects.FeeMaxBelowMin");
        if (creating || r.Confidential is not null) p.Confidential = r.Confidential ?? false;
        if (creating || r.Status is not null)
            p.Status = creating && string.IsNullOrWhiteSpace(r.Status) ? ProjectStatus.Open : Check.Enum<ProjectStatus>(errors, "status", r.Status, required: true) ?? p.Status;
        if (creating || r.ClosesAt is not null) p.ClosesAt = ParseClosing(errors, r.ClosesAt, allowPast: !creating && p.Status == ProjectStatus.Closed) ?? p.ClosesAt;
        else if (r.Status is not null && p.Status == ProjectStatus.Open && p.ClosesAt <= clock.GetUtcNow()) errors.Add("closesAt", "Jobs.ClosingDateInPast");
    }

    static IEnumerable<string> SplitSkills(string words) =>
        words.Split([',', '、', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(20);

    static DateOnly? ReadDay(FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2200) return d;
        errors.Add(field, "Posts.DateInvalid");
        return null;
    }

    DateTimeOffset? ParseClosing(FieldErrors errors, string? value, bool allowPast) =>
        Check.Closing(errors, "closesAt", value, tenant.Tenant!.TimeZoneInfo, clock.GetUtcNow(), allowPast);

    /// <summary>
    /// The board: open projects (<c>status=closed</c>: those past; <c>mine=true</c>: the ones I posted, drafts too). A
    /// member open to side projects sees those matching their skills and interests first (most shared skills first).
    /// </summary>
    public async Task<Result<ProjectListDto>> ListAsync(string? q, string? remote, string? status, bool mine, int page, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var errors = new FieldErrors();
        var remoteValue = Check.Enum<RemoteWork>(errors, "remote", remote, required: false);
        var statusValue = Check.Enum<ProjectStatus>(errors, "status", status, required: false);
        if (statusValue == ProjectStatus.Draft && !mine) errors.Add("status", "Validation.OneOf", "open, closed");
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (q?.Length > 200) errors.Add("q", "Validation.TooLong", 200);
        if (errors.Any) return errors;

        var now = clock.GetUtcNow();
        var query = db.Set<Project>().AsNoTracking();
        if (mine) query = query.Where(p => p.PostedByMemberId == me.MemberId);
        query = statusValue switch
        {
            ProjectStatus.Draft => query.Where(p => p.Status == ProjectStatus.Draft),
            ProjectStatus.Closed => query.Where(p => p.Status == ProjectStatus.Closed || (p.Status == ProjectStatus.Open && p.ClosesAt <= now)),
            null when mine => query,
            _ => query.Where(p => p.Status == ProjectStatus.Open && p.ClosesAt > now),
        };
        if (remoteValue is not null) query = query.Where(p => p.Remote == remoteValue);
        foreach (var term in (q ?? "").Split(' ', '　').Where(s => s.Length > 0).Take(5))
        {
            var lower = term.ToLowerInvariant();
            // A confidential project's description is not searched: a search must not tell what it says.
            query = query.Where(p => p.Title.ToLower().Contains(lower) || p.Skills.ToLower().Contains(lower) || p.Department.ToLower().Contains(lower)
                || p.Place.ToLower().Contains(lower) || (!p.Confidential && p.Description.ToLower().Contains(lower)));
        }
        var total = await query.CountAsync(ct);
        var reader = await ReaderAsync(me, ct);
        List<Project> rows;
        if (statusValue is null && !mine && reader.OpenToSideProjects)
        {
            // The open board by match, in memory: open projects are dozens, not thousands (MaxOpen bounds it).
            rows = (await query.OrderBy(p => p.ClosesAt).ThenBy(p => p.Id).Take(MaxOpen).ToListAsync(ct))
                .OrderByDescending(p => MatchCount(p, reader.Skills)).ThenBy(p => p.ClosesAt).ThenBy(p => p.Id)
                .Skip((page - 1) * PageSize).Take(PageSize).ToList();
        }
        else
        {
            // Open ones closing soonest first; closed ones and my own newest first. Paged in the database.
            var ordered = statusValue is null && !mine ? query.OrderBy(p => p.ClosesAt).ThenBy(p => p.Id)
                : statusValue == ProjectStatus.Closed ? query.OrderByDescending(p => p.ClosesAt).ThenByDescending(p => p.Id)
                : query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id);
            rows = await ordered.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        }
        var items = await ProjectAsync(rows, me, reader.Skills, ct);
        return new ProjectListDto(items, page, PageSize, total);
    }

    sealed record Reader(bool OpenToSideProjects, IReadOnlySet<string> Skills);

    /// <summary>The reader's skills and interests (normalised) and whether they are open to side projects.</summary>
    async Task<Reader> ReaderAsync(MemberSession me, CancellationToken ct)
    {
        var m = await db.Members.AsNoTracking().Where(x => x.Id == me.MemberId).Select(x => new { x.OpenTo, Tags = x.Tags.Select(t => t.Key).ToList() }).FirstAsync(ct);
        return new Reader((m.OpenTo & OpenTo.SideProjects) == OpenTo.SideProjects, m.Tags.ToHashSet());
    }

    static int MatchCount(Project p, IReadOnlySet<string> skills) =>
        skills.Count == 0 ? 0 : SplitSkills(p.Skills).Select(SearchText.Normalize).Count(skills.Contains);

    async Task<List<ProjectDto>> ProjectAsync(List<Project> projects, MemberSession me, IReadOnlySet<string> skills, CancellationToken ct)
    {
        var ids = projects.Select(p => p.Id).ToList();
        var posters = projects.Select(p => p.PostedByMemberId).Distinct().ToList();
        var names = (await db.Members.AsNoTracking().Where(m => posters.Contains(m.Id))
                .Select(m => new { m.Id, m.Status, m.FamilyName, m.GivenName, m.RomanizedName }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => m.Status == MemberStatus.Former ? texts["FormerMember"].Value : PersonName.Display(m.FamilyName, m.GivenName, m.RomanizedName));
        var mine = await db.Set<ProjectApplication>().AsNoTracking().Where(a => ids.Contains(a.ProjectId) && a.MemberId == me.MemberId).ToListAsync(ct);
        var managed = projects.Where(p => ProjectRules.Manages(me, p)).Select(p => p.Id).ToList();
        var counts = managed.Count == 0 ? new Dictionary<long, int>()
            : await db.Set<ProjectApplication>().Where(a => managed.Contains(a.ProjectId) && a.Status != ApplicationStatus.Withdrawn)
                .GroupBy(a => a.ProjectId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var t = tenant.Tenant!;
        var now = clock.GetUtcNow();
        return projects.Select(p =>
        {
            var my = mine.FirstOrDefault(a => a.ProjectId == p.Id);
            var sees = ProjectRules.SeesDetails(me, p, my?.Status);
            var manages = ProjectRules.Manages(me, p);
            return new ProjectDto(p.Id, p.Title, sees ? p.Description : null, sees ? p.DescriptionHtml : null, SplitSkills(p.Skills).ToList(), p.Department,
                p.StartsOn, p.EndsOn, p.HoursPerWeek, WireNames.Of(p.Remote), p.Place, p.FeeMinYen, p.FeeMaxYen, t.ToLocal(p.ClosesAt), p.Confidential, !sees,
                WireNames.Of(p.Status == ProjectStatus.Open && p.ClosesAt <= now ? ProjectStatus.Closed : p.Status),
                new ProjectPersonDto(p.PostedByMemberId, names.GetValueOrDefault(p.PostedByMemberId, "")), t.ToLocal(p.CreatedAt), MatchCount(p, skills),
                my is null ? null : new MyApplicationDto(my.Id, WireNames.Of(my.Status), my.Note, my.Answer, t.ToLocal(my.CreatedAt)),
                manages ? counts.GetValueOrDefault(p.Id) : null, manages,
                my is null && ProjectRules.Apply(me, p, now) is null);
        }).ToList();
    }

    /// <summary>A project: drafts only to their poster and the secretariat.</summary>
    public async Task<Result<ProjectDto>> GetAsync(long id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var p = await VisibleAsync(me, id, ct);
        if (p is null) return Result<ProjectDto>.NotFound();
        return (await ProjectAsync([p], me, (await ReaderAsync(me, ct)).Skills, ct))[0];
    }

    Task<Project?> VisibleAsync(MemberSession me, long id, CancellationToken ct) =>
        db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && (p.Status != ProjectStatus.Draft || p.PostedByMemberId == me.MemberId || me.IsAdmin), ct);

    /// <summary>Applies once with a note (ProjectRules.Apply); the poster is mailed in their language.</summary>
    public async Task<Result<MyApplicationDto>> ApplyAsync(long id, ApplicationInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var p = await VisibleAsync(me, id, ct);
        if (p is null) return Result<MyApplicationDto>.NotFound();
        var now = clock.GetUtcNow();
        if (ProjectRules.Apply(me, p, now) is { } no) return no.As<MyApplicationDto>();
        var errors = new FieldErrors();
        var note = Check.Text(errors, "note", input.Note, ProjectLimits.Note, required: true);
        if (errors.Any) return errors;
        if (await db.Set<ProjectApplication>().AnyAsync(a => a.ProjectId == id && a.MemberId == me.MemberId, ct))
            return Result<MyApplicationDto>.Conflict("", "Projects.AlreadyApplied");
        var application = new ProjectApplication { ProjectId = id, MemberId = me.MemberId, Note = note!, Status = ApplicationStatus.Applied, CreatedAt = now };
        db.Add(application);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Result<MyApplicationDto>.Conflict("", "Projects.AlreadyApplied"); }
        await MailAsync(p.PostedByMemberId, $"project-application:{application.Id}", "Application", p.Title, [me.DisplayName, p.Title], id, ct);
        return new MyApplicationDto(application.Id, WireNames.Of(application.Status), application.Note, "", tenant.Tenant!.ToLocal(now));
    }

    /// <summary>The applicant withdraws; an engaged application stays (the engagement was recorded).</summary>
    public async Task<Result<MyApplicationDto>> WithdrawAsync(long id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var a = await db.Set<ProjectApplication>().FirstOrDefaultAsync(x => x.ProjectId == id && x.MemberId == me.MemberId, ct);
        if (a is null) return Result<MyApplicationDto>.NotFound();
        if (a.Status == ApplicationStatus.Engaged) return Result<MyApplicationDto>.Conflict("status", "Projects.AlreadyDecided");
        a.Status = ApplicationStatus.Withdrawn;
        a.DecidedAt = clock.GetUtcNow();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Result<MyApplicationDto>.Conflict("status", "Projects.AlreadyDecided"); }
        return new MyApplicationDto(a.Id, WireNames.Of(a.Status), a.Note, a.Answer, tenant.Tenant!.ToLocal(a.CreatedAt));
    }

    /// <summary>The applications to a project, for whoever manages it; withdrawn ones are left out.</summary>
    public async Task<Result<IReadOnlyList<ApplicationDto>>> ApplicationsAsync(long id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var p = await VisibleAsync(me, id, ct);
        if (p is null) return Result<IReadOnlyList<ApplicationDto>>.NotFound();
        if (ProjectRules.Manage(me, p) is { } no) return no.As<IReadOnlyList<ApplicationDto>>();
        var rows = await db.Set<ProjectApplication>().AsNoTracking().Where(a => a.ProjectId == id && a.Status != ApplicationStatus.Withdrawn).OrderBy(a => a.Id)
            .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new { a, m.FamilyName, m.GivenName, m.RomanizedName }).ToListAsync(ct);
        // The side-project outcomes recorded from this project, by the people in them: an engaged applicant's is theirs.
        var outcomes = await db.Set<OutcomeMember>().AsNoTracking()
            .Join(db.Set<Outcome>().Where(o => o.Source == OutcomeSource.Project && o.SourceId == id && o.Kind == OutcomeKind.SideProject),
                m => m.OutcomeId, o => o.Id, (m, o) => new { o.Id, m.MemberId }).ToListAsync(ct);
        var t = tenant.Tenant!;
        return rows.Select(r => new ApplicationDto(r.a.Id, new ProjectPersonDto(r.a.MemberId, PersonName.Display(r.FamilyName, r.GivenName, r.RomanizedName)),
            r.a.Note, WireNames.Of(r.a.Status), r.a.Answer, t.ToLocal(r.a.CreatedAt), r.a.DecidedAt is { } d ? t.ToLocal(d) : null,
            r.a.Status == ApplicationStatus.Engaged ? outcomes.Where(o => o.MemberId == r.a.MemberId).Select(o => (long?)o.Id).Max() : null)).ToList();
    }

    async Task<(Project? Project, ProjectApplication? Application)> ApplicationAsync(MemberSession me, long id, long applicationId, CancellationToken ct)
    {
        var p = await VisibleAsync(me, id, ct);
        if (p is null) return (null, null);
        return (p, await db.Set<ProjectApplication>().FirstOrDefaultAsync(a => a.Id == applicationId && a.ProjectId == id && a.Status != ApplicationStatus.Withdrawn, ct));
    }

    /// <summary>Shortlists or declines an application with an answer; the applicant is mailed in their language.</summary>
    public async Task<Result<ApplicationDto>> DecideAsync(long id, long applicationId, DecisionInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var (p, a) = await ApplicationAsync(me, id, applicationId, ct);
        if (p is null || a is null) return Result<ApplicationDto>.NotFound();
        if (ProjectRules.Decide(me, p, a) is { } no) return no.As<ApplicationDto>();
        var errors = new FieldErrors();
        var status = Check.Enum<ApplicationStatus>(errors, "status", input.Status, required: true);
        if (status is not null and not (ApplicationStatus.Shortlisted or ApplicationStatus.Declined)) errors.Add("status", "Validation.OneOf", "shortlisted, declined");
        var answer = Check.Text(errors, "answer", input.Answer, ProjectLimits.Answer) ?? "";
        if (errors.Any) return errors;
        a.Status = status!.Value;
        a.Answer = answer;
        a.DecidedAt = clock.GetUtcNow();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Result<ApplicationDto>.Conflict("status", "Projects.AlreadyDecided"); }
        var kind = a.Status == ApplicationStatus.Shortlisted ? "Shortlisted" : "Declined";
        await MailAsync(a.MemberId, $"project-decision:{a.Id}:{a.Status}", kind, p.Title, [p.Title, answer], id, ct);
        return (await ApplicationsAsync(id, ct)).Value!.First(x => x.Id == a.Id);
    }

    /// <summary>
    /// Engages an applicant: the application is engaged and the engagement goes into the outcome ledger (a side project,
    /// from this project, with the applicant and the poster, the project's department, and the value if given).
    /// </summary>
    public async Task<Result<ApplicationDto>> EngageAsync(long id, long applicationId, EngageInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var (p, a) = await ApplicationAsync(me, id, applicationId, ct);
        if (p is null || a is null) return Result<ApplicationDto>.NotFound();
        if (ProjectRules.Decide(me, p, a) is { } no) return no.As<ApplicationDto>();
        if (input.ValueYen is < 0 or > OutcomeLimits.MaxValueYen) return FieldErrors.Of("valueYen", "Outcomes.ValueInvalid");
        var now = clock.GetUtcNow();
        var outcome = new Outcome
        {
            Kind = OutcomeKind.SideProject, Date = DateOnly.FromDateTime(tenant.Tenant!.ToLocal(now).DateTime), ValueYen = input.ValueYen,
            Source = OutcomeSource.Project, SourceId = p.Id, Departments = p.Department, Note = p.Title, RecordedByMemberId = me.MemberId, CreatedAt = now, UpdatedAt = now,
        };
        outcome.Members.AddRange(new[] { a.MemberId, p.PostedByMemberId }.Distinct().Select(m => new OutcomeMember { MemberId = m, TenantId = tenant.TenantId }));
        db.Add(outcome);
        a.Status = ApplicationStatus.Engaged;
        a.DecidedAt = now;
        await audit.AddAsync("outcome.create", "outcome", null, null, new
        {
            kind = WireNames.Of(outcome.Kind), date = outcome.Date.ToString("yyyy-MM-dd"), outcome.ValueYen, source = "project", sourceId = p.Id,
            members = outcome.Members.Select(m => m.MemberId).Order().ToList(),
        }, ct);
        // One save: the outcome, its audit entry and the application's new status, or none of them (a second engage
        // of the same application, racing this one, finds the status changed and is refused).
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Result<ApplicationDto>.Conflict("status", "Projects.AlreadyDecided"); }
        await MailAsync(a.MemberId, $"project-decision:{a.Id}:Engaged", "Engaged", p.Title, [p.Title], id, ct);
        return (await ApplicationsAsync(id, ct)).Value!.First(x => x.Id == a.Id);
    }

    /// <summary>
    /// A mail to a member about a project, in their language, through the outbox (once per key): subject
    /// <c>Mail.{kind}Subject</c> (network, title), body <c>Mail.{kind}Body</c> (the arguments, then the project's link).
    /// </summary>
    async Task MailAsync(long memberId, string key, string kind, string title, string[] args, long projectId, CancellationToken ct)
    {
        var to = await db.Members.AsNoTracking().Approved().Where(m => m.Id == memberId).Select(m => new { m.User!.Email, m.User.PreferredCulture }).FirstOrDefaultAsync(ct);
        if (to?.Email is null) return;
        string subject, body;
        using (Cultures.Use(to.PreferredCulture))
        {
            subject = texts[$"Mail.{kind}Subject", tenant.Tenant!.ShownName, title];
            body = texts[$"Mail.{kind}Body", [.. args, links.To($"/projects/{projectId}")]];
        }
        await db.EnqueueMailAsync(tenant.TenantId, key, to.Email, subject, body, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
    }
}
