using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Outcomes;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>Value counted: entered on the outcomes, and from the network's per-kind values for those recorded without one.</summary>
public sealed record OutcomeTotalsDto(int Outcomes, long ValueYen, long EnteredValueYen, long ConfiguredValueYen);
public sealed record OutcomeKindRowDto(string Kind, int Outcomes, long ValueYen);

/// <summary>
/// An activity of the network and what it led to in the period: <c>Activities</c> is its volume (consultations accepted,
/// events held, business cards exchanged at events (each pair once), posts published, openings announced, side projects posted, collaborations accepted; null where there is no such count),
/// <c>Outcomes</c> and <c>ValueYen</c> those recorded as coming from it.
/// </summary>
public sealed record AttributionRowDto(string Source, int? Activities, int Outcomes, long ValueYen);

/// <summary>
/// A department's outcomes. <c>Department</c> is null for the departments folded together because fewer than
/// <see cref="OutcomeLimits.MinGroup"/> people were involved in each; <c>Suppressed</c>: that group is still too small,
/// and its figures are left out.
/// </summary>
public sealed record DepartmentRowDto(string? Department, int? Outcomes, long? ValueYen, bool Suppressed);

/// <summary>An outcome the printable report lists (the most valuable of the period): names only of those who did not hide them.</summary>
public sealed record NotableOutcomeDto(long Id, string Kind, DateOnly Date, long ValueYen, IReadOnlyList<string> Departments, IReadOnlyList<string> People,
    string Source, string? SourceTitle);

public sealed record OutcomeReportDto(string From, string To, OutcomeTotalsDto Totals, IReadOnlyList<OutcomeKindRowDto> ByKind,
    IReadOnlyList<AttributionRowDto> Attribution, IReadOnlyList<DepartmentRowDto> ByDepartment, IReadOnlyList<ChartDto> Charts,
    IReadOnlyList<NotableOutcomeDto> Notable)
{
    public long? SpaceId { get; init; }
    public string? Kind { get; init; }
    public string? Department { get; init; }
}

/// <summary>
/// The outcome report: outcomes per month and kind, their value, where they came from (attribution) and by department.
/// A ledger holds hundreds of lines a year, not millions: the period's outcomes are read once and summed here, exactly.
/// </summary>
public sealed partial class AnalyticsService
{
    public const int NotableCount = 10;

    /// <summary>
    /// Attribution groups: a pitch counts with its event. "cards" (business cards exchanged at events) is an activity
    /// only: no outcome names a card exchange as its source (one from a meeting at an event names the event), so its
    /// outcomes and value stay 0, and the totals are the ledger's as before.
    /// </summary>
    static readonly string[] AttributionSources = ["consultations", "events", "cards", "posts", "jobs", "projects", "collaborations", "other"];

    static string AttributionOf(OutcomeSource s) => s switch
    {
        OutcomeSource.Consultation => "consultations",
        OutcomeSource.Event or OutcomeSource.Pitch => "events",
        OutcomeSource.Post => "posts",
        OutcomeSource.Job => "jobs",
        OutcomeSource.Project => "projects",
        OutcomeSource.Collaboration => "collaborations",
        _ => "other",
    };

    public async Task<Result<OutcomeReportDto>> OutcomeReportAsync(AnalyticsQuery q, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<OutcomeReportDto>.Forbidden();
        var errors = new FieldErrors();
        var p = Read(errors, q);
        if (errors.Any) return errors;
        if (p!.SpaceId is { } space && !await db.Set<Spaces.Space>().AnyAsync(s => s.Id == space, ct)) return FieldErrors.Of("spaceId", "Posts.SpaceNotFound");
        var members = Segment(db.Members.AsNoTracking().NotFormer(), p);
        segmented = p.Kind is not null || p.Department is not null || p.SpaceId is not null;
        if (await TooSmallAsync(members, p, ct) is { } tooSmall) return tooSmall;
        var months = Months(p);
        var report = await OutcomesInAsync(members, p, months, ct);
        var partial = PartialMonths(months, today: DateOnly.FromDateTime(tenant.Tenant!.ToLocal(clock.GetUtcNow()).DateTime));
        return report with
        {
            Charts = report.Charts.Select(c => c.Id == "outcomes" ? c with { Partial = partial } : c).ToList(),
            SpaceId = p.SpaceId, Kind = p.Kind?.ToString(), Department = p.Department,
        };
    }

    async Task<OutcomeReportDto> OutcomesInAsync(IQueryable<Member> members, Period p, List<(string Label, DateOnly From, DateOnly Until)> months, CancellationToken ct)
    {
        var values = await db.Set<OutcomeKindValue>().AsNoTracking().ToDictionaryAsync(v => v.Kind, v => v.ValueYen, ct);
        var query = db.Set<Outcome>().AsNoTracking().Where(o => o.Date >= p.From && o.Date <= p.To);
        if (segmented) query = query.Where(o => o.Members.Any(x => members.Any(m => m.Id == x.MemberId)));
        var rows = await query.Select(o => new { o.Id, o.Kind, o.Date, o.ValueYen, o.Source, o.SourceId, o.Departments, People = o.Members.Select(x => x.MemberId).ToList() }).ToListAsync(ct);
        long Value(OutcomeKind kind, long? entered) => entered ?? values.GetValueOrDefault(kind);

        var entered = rows.Where(r => r.ValueYen is not null).Sum(r => r.ValueYen!.Value);
        var configured = rows.Where(r => r.ValueYen is null).Sum(r => values.GetValueOrDefault(r.Kind));
        var totals = new OutcomeTotalsDto(rows.Count, entered + configured, entered, configured);
        var kinds = Enum.GetValues<OutcomeKind>();
        var byKind = kinds.Select(k => new OutcomeKindRowDto(WireNames.Of(k), rows.Count(r => r.Kind == k), rows.Where(r => r.Kind == k).Sum(r => Value(r.Kind, r.ValueYen)))).ToList();

        var activities = await ActivitiesAsync(members, p, ct);
        var attribution = AttributionSources.Select(a =>
        {
            var from = rows.Where(r => AttributionOf(r.Source) == a).ToList();
            return new AttributionRowDto(a, activities.TryGetValue(a, out var n) ? n : null, from.Count, from.Sum(r => Value(r.Kind, r.ValueYen)));
        }).ToList();

        // By department: a department's figures are shown when at least MinGroup people were involved in its outcomes;
        // the smaller ones are folded into one group, itself left out if still too small.
        var perDepartment = rows.SelectMany(r => r.Departments.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Select(d => (Department: d, Row: r)))
            .GroupBy(x => x.Department).Select(g => (Department: g.Key, Rows: g.Select(x => x.Row).ToList())).ToList();
        var byDepartment = new List<DepartmentRowDto>();
        var folded = perDepartment.Where(d => d.Rows.SelectMany(r => r.People).Distinct().Count() < OutcomeLimits.MinGroup).ToList();
        foreach (var d in perDepartment.Except(folded).OrderByDescending(d => d.Rows.Count).ThenBy(d => d.Department, StringComparer.Ordinal))
            byDepartment.Add(new DepartmentRowDto(d.Department, d.Rows.Count, d.Rows.Sum(r => Value(r.Kind, r.ValueYen)), false));
        if (folded.Count > 0)
        {
            var foldedRows = folded.SelectMany(d => d.Rows).DistinctBy(r => r.Id).ToList();
            var enough = foldedRows.SelectMany(r => r.People).Distinct().Count() >= OutcomeLimits.MinGroup;
            byDepartment.Add(enough ? new DepartmentRowDto(null, foldedRows.Count, foldedRows.Sum(r => Value(r.Kind, r.ValueYen)), false) : new DepartmentRowDto(null, null, null, true));
        }

        var labels = months.Select(m => m.Label).ToList();
        int MonthOf(DateOnly d) => months.FindIndex(m => d >= m.From && d < m.Until);
        var perMonth = new ChartDto("outcomes", labels, kinds.Select(k =>
        {
            var counts = new double[months.Count];
            foreach (var r in rows.Where(r => r.Kind == k)) if (MonthOf(r.Date) is var i and >= 0) counts[i]++;
            return new SeriesDto(WireNames.Of(k), counts);
        }).ToList());
        var valuePerMonth = new double[months.Count];
        foreach (var r in rows) if (MonthOf(r.Date) is var i and >= 0) valuePerMonth[i] += Value(r.Kind, r.ValueYen);
        var valueChart = new ChartDto("outcomeValue", labels, [new SeriesDto("valueYen", valuePerMonth)]);
        var attributionChart = new ChartDto("attribution", AttributionSources.ToList(),
        [
            new SeriesDto("activities", attribution.Select(a => (double)(a.Activities ?? 0)).ToList()),
            new SeriesDto("outcomes", attribution.Select(a => (double)a.Outcomes).ToList()),
            new SeriesDto("valueYen", attribution.Select(a => (double)a.ValueYen).ToList()),
        ]);

        var notableRows = rows.OrderByDescending(r => Value(r.Kind, r.ValueYen)).ThenByDescending(r => r.Date).ThenByDescending(r => r.Id).Take(NotableCount).ToList();
        var notableIds = notableRows.Select(r => r.Id).ToList();
        var people = (await db.Set<OutcomeMember>().AsNoTracking().Where(x => notableIds.Contains(x.OutcomeId) && !x.HideName)
                .Join(db.Members.NotFormer(), x => x.MemberId, m => m.Id, (x, m) => new { x.OutcomeId, m.FamilyName, m.GivenName, m.RomanizedName, m.SortKey }).ToListAsync(ct))
            .ToLookup(x => x.OutcomeId);
        // Named by the event's, pitch's, opening's or collaboration's title; never a post's (it may be a space's) or a consultation's.
        var titles = await OutcomeSources.TitlesAsync(db, notableRows.Where(r => r.Source != OutcomeSource.Post).Select(r => (r.Source, r.SourceId)), ct);
        var notable = notableRows.Select(r => new NotableOutcomeDto(r.Id, WireNames.Of(r.Kind), r.Date, Value(r.Kind, r.ValueYen),
            r.Departments.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            people[r.Id].OrderBy(x => x.SortKey).Select(x => PersonName.Display(x.FamilyName, x.GivenName, x.RomanizedName)).ToList(),
            WireNames.Of(r.Source), titles.TryGetValue((r.Source, r.SourceId ?? 0), out var t) ? t.Title : null)).ToList();

        return new OutcomeReportDto(p.From.ToString("yyyy-MM-dd"), p.To.ToString("yyyy-MM-dd"), totals, byKind, attribution, byDepartment,
            [perMonth, valueChart, attributionChart], notable);
    }

    /// <summary>
    /// Each activity's volume in the period (segmented: those of the segment's members): consultations accepted, events
    /// held, business cards exchanged (a pair once: its two rows are one exchange), posts published, openings announced, side projects posted, collaborations accepted.
    /// </summary>
    async Task<Dictionary<string, int>> ActivitiesAsync(IQueryable<Member> members, Period p, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var consultations = db.Set<ConsultationRequest>().AsNoTracking().Where(r => r.Status == ConsultationStatus.Accepted && r.DecidedAt >= p.Start && r.DecidedAt < p.End);
        var posts = db.Set<Post>().AsNoTracking().Where(x => x.Status == PostStatus.Published && x.PublishedAt >= p.Start && x.PublishedAt < p.End);
        var collaborations = db.Set<Collaboration>().AsNoTracking().Where(c => c.Status == CollaborationStatus.Accepted && c.AcceptedAt >= p.Start && c.AcceptedAt < p.End);
        var projects = db.Set<Projects.Project>().AsNoTracking().Where(x => x.Status != Projects.ProjectStatus.Draft && x.CreatedAt >= p.Start && x.CreatedAt < p.End);
        var cards = db.Set<CardExchange>().AsNoTracking().Where(x => x.ExchangedAt >= p.Start && x.ExchangedAt < p.End);
        if (segmented)
        {
            consultations = consultations.Where(r => members.Any(m => m.Id == r.RequesterMemberId || m.Id == r.RecipientMemberId));
            posts = posts.Where(x => members.Any(m => m.Id == x.AuthorMemberId));
            collaborations = collaborations.Where(c => c.Members.Any(x => members.Any(m => m.Id == x.MemberId)));
            projects = projects.Where(x => members.Any(m => m.Id == x.PostedByMemberId));
            cards = cards.Where(x => members.Any(m => m.Id == x.MemberId || m.Id == x.OtherMemberId));
        }
        return new Dictionary<string, int>
        {
            ["consultations"] = await consultations.CountAsync(ct),
            ["events"] = await db.Set<Event>().AsNoTracking().CountAsync(e => e.Status == EventStatus.Published && e.StartsAt >= p.Start && e.StartsAt < p.End && e.StartsAt < now, ct),
            ["cards"] = await cards.CountAsync(x => x.MemberId < x.OtherMemberId, ct),
            ["posts"] = await posts.CountAsync(ct),
            ["jobs"] = await db.Set<JobOpening>().AsNoTracking().CountAsync(j => j.AnnouncedAt >= p.Start && j.AnnouncedAt < p.End, ct),
            ["collaborations"] = await collaborations.CountAsync(ct),
            ["projects"] = await projects.CountAsync(ct),
        };
    }
}
