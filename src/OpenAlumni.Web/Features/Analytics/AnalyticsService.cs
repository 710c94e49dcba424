using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>
/// The secretariat's figures. Everything is counted by the database (COUNT / GROUP BY over indexed ranges,
/// one query per time bucket at most): no member row is loaded, so a network of 100k members answers as
/// fast as a small one. Months and weeks are the network's local calendar.
/// </summary>
public sealed partial class AnalyticsService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, ProfileFreshness freshness)
{
    public const int MaxMonths = 36;

    /// <summary>Whether the query has a segment (kind, department or space); set by <see cref="GetAsync"/>.</summary>
    bool segmented;

    sealed record Period(DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End, MemberKind? Kind, string? Department, long? SpaceId = null);

    public async Task<Result<AnalyticsDto>> GetAsync(AnalyticsQuery q, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<AnalyticsDto>.Forbidden();
        var errors = new FieldErrors();
        var p = Read(errors, q);
        if (errors.Any) return errors;

        if (p!.SpaceId is { } space && !await db.Set<Spaces.Space>().AnyAsync(s => s.Id == space, ct)) return FieldErrors.Of("spaceId", "Posts.SpaceNotFound");
        var members = Segment(db.Members.AsNoTracking().NotFormer(), p!);
        segmented = p!.Kind is not null || p.Department is not null || p.SpaceId is not null;
        if (await TooSmallAsync(members, p, ct) is { } tooSmall) return tooSmall;
        var months = Months(p!);
        var active = await ActiveAsync(members, p!, months, ct);
        var charts = new List<ChartDto>
        {
            await MembersOverTimeAsync(members, p!, months, ct),
            await FunnelAsync(members, p!, ct),
            active.Monthly,
            active.Weekly,
            await RoomsAsync(members, p!, ct),
            await EventsAsync(members, p!, months, ct),
            await ConsultationsAsync(members, p!, months, ct),
            await CollaborationsByStageAsync(p!, months, ct),
            await RehiresAsync(members, p!, months, ct),
        };
        var outcomes = await OutcomesInAsync(members, p!, months, ct);
        charts.AddRange(outcomes.Charts);
        // The job board's loop: hires recorded in the ledger (rehires and referral hires), beside the interests that preceded them.
        var hired = outcomes.Charts[0].Series.Where(x => x.Name is "rehire" or "referralHire").Select(x => x.Values).ToList();
        charts = charts.Select(c => c.Id != "rehires" ? c : c with
        {
            Series = [.. c.Series, new SeriesDto("hires", Enumerable.Range(0, months.Count).Select(i => hired.Sum(v => v[i])).ToList())],
        }).ToList();
        var partial = PartialMonths(months, today: DateOnly.FromDateTime(tenant.Tenant!.ToLocal(clock.GetUtcNow()).DateTime));
        var monthLabels = months.Select(m => m.Label).ToList();
        charts = charts.Select(c => c.Labels.SequenceEqual(monthLabels) ? c with { Partial = partial } : c).ToList();

        var total = await members.CountAsync(m => m.Status == MemberStatus.Approved && m.CreatedAt < p!.End, ct);
        var newMembers = await members.CountAsync(m => m.Status == MemberStatus.Approved && m.CreatedAt >= p!.Start && m.CreatedAt < p.End, ct);
        var (activeMonthly, activeWeekly) = (active.Last30, active.Last7);
        var stale = (await freshness.StaleShareAsync(ct)).Value!;
        double Sum(string chart, int series = 0) => charts.First(c => c.Id == chart) is var c && c.Series.Count > series ? c.Series[series].Values.Sum() : 0;
        var signups = (int)Sum("events", 1);
        var attended = (int)Sum("events", 2);
        // Collaborations under way at the period's end: every stage but stopped.
        var collaborations = charts.First(c => c.Id == "collaborations").Series.Where(s => s.Name != "stopped").Sum(s => s.Values.LastOrDefault());
        var headline = new HeadlineDto(total, newMembers, activeMonthly, activeWeekly, (int)Sum("rooms"), (int)Sum("events"), signups,
            signups == 0 ? 0 : Math.Round((double)attended / signups, 3), stale.Stale, stale.Share,
            (int)Sum("consultations"), (int)Sum("consultations", 1), (int)collaborations, (int)Sum("rehires"));
        return new AnalyticsDto(p.From.ToString("yyyy-MM-dd"), p.To.ToString("yyyy-MM-dd"), p.Kind?.ToString(), p.Department, headline, charts,
            await FeaturedAsync(p, ct)) { SpaceId = p.SpaceId, Outcomes = outcomes, Suggestions = await SuggestionsInAsync(members, p, ct) };
    }

    /// <summary>
    /// No figure is shown for a segment of fewer than <see cref="Outcomes.OutcomeLimits.MinGroup"/> approved members: in so
    /// small a group a count or a value points at a person. The refusal names the filter that narrowed it.
    /// </summary>
    async Task<FieldErrors?> TooSmallAsync(IQueryable<Member> members, Period p, CancellationToken ct) =>
        segmented && await members.CountAsync(m => m.Status == MemberStatus.Approved, ct) < Outcomes.OutcomeLimits.MinGroup
            ? FieldErrors.Of(p.SpaceId is not null ? "spaceId" : p.Department is not null ? "department" : "kind", "Analytics.SegmentTooSmall", Outcomes.OutcomeLimits.MinGroup)
            : null;

    Period? Read(FieldErrors errors, AnalyticsQuery q)
    {
        var t = tenant.Tenant!;
        var today = DateOnly.FromDateTime(t.ToLocal(clock.GetUtcNow()).DateTime);
        DateOnly? Date(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            // Years a network can have lived in; 0001 or 9999 would overflow the month arithmetic below.
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var d) && d.Year >= 1990 && d.Year <= today.Year + 1) return d;
            errors.Add(field, "Posts.DateInvalid");
            return null;
        }
        var to = Date("to", q.To) ?? today;
        var from = Date("from", q.From) ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        if (from > to) errors.Add("from", "Analytics.FromAfterTo");
        else if (from < to.AddMonths(-MaxMonths)) errors.Add("from", "Analytics.PeriodTooLong", MaxMonths);
        var kind = Check.Enum<MemberKind>(errors, "kind", q.Kind, required: false);
        var department = Check.Text(errors, "department", q.Department, MemberLimits.Department);
        if (errors.Any) return null;
        return new Period(from, to, Utc(from), Utc(to.AddDays(1)), kind, department, q.SpaceId);
    }

    /// <summary>Midnight of a local date in the network's time zone, as UTC.</summary>
    DateTimeOffset Utc(DateOnly day)
    {
        var tz = tenant.Tenant!.TimeZoneInfo;
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, tz.GetUtcOffset(local)).ToUniversalTime();
    }

    IQueryable<Member> Segment(IQueryable<Member> members, Period p)
    {
        if (p.Kind is { } kind) members = members.Where(m => m.Kind == kind);
        if (p.SpaceId is { } space) members = Spaces.SpaceAudience.InSpace(members, db, space);
        if (p.Department is { } dep) members = members.Where(m => m.Career.Any(c => c.Department == dep));
        return members;
    }

    /// <summary>Calendar months overlapping the period: (label yyyy-MM, first day, day after the last), clipped to the period.</summary>
    static List<(string Label, DateOnly From, DateOnly Until)> Months(Period p)
    {
        var list = new List<(string, DateOnly, DateOnly)>();
        for (var m = new DateOnly(p.From.Year, p.From.Month, 1); m <= p.To; m = m.AddMonths(1))
        {
            var from = m < p.From ? p.From : m;
            var until = m.AddMonths(1) > p.To.AddDays(1) ? p.To.AddDays(1) : m.AddMonths(1);
            list.Add((m.ToString("yyyy-MM"), from, until));
        }
        return list;
    }

    /// <summary>Per month, whether its figures cover less than the whole calendar month: the month under way (today is
    /// in it) or one the period cuts. Such a month is marked in the charts and tables, not read as a drop.</summary>
    static List<bool> PartialMonths(List<(string Label, DateOnly From, DateOnly Until)> months, DateOnly today) =>
        months.Select(m =>
        {
            var first = new DateOnly(m.From.Year, m.From.Month, 1);
            return m.From > first || m.Until < first.AddMonths(1) || m.Until > today;
        }).ToList();

    /// <summary>Approved members at the end of each month, by kind (members who joined, less none: leaving is deleting).</summary>
    async Task<ChartDto> MembersOverTimeAsync(IQueryable<Member> members, Period p, List<(string Label, DateOnly From, DateOnly Until)> months, CancellationToken ct)
    {
        var approved = members.Approved();
        var before = await approved.Where(m => m.CreatedAt < p.Start).GroupBy(m => m.Kind).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var alumni = (double)(before.FirstOrDefault(b => b.Key == MemberKind.Alumni)?.N ?? 0);
        var employees = (double)(before.FirstOrDefault(b => b.Key == MemberKind.Employee)?.N ?? 0);
        // Joined per month, then the running total from the count before the period.
        var a = await PerMonthAsync(approved.Where(m => m.Kind == MemberKind.Alumni), m => m.CreatedAt, months, ct);
        var e = await PerMonthAsync(approved.Where(m => m.Kind == MemberKind.Employee), m => m.CreatedAt, months, ct);
        for (var i = 0; i < months.Count; i++) { alumni += a[i]; employees += e[i]; a[i] = alumni; e[i] = employees; }
        return new ChartDto("members", months.Select(m => m.Label).ToList(), [new("alumni", a), new("employees", e)]);
    }

    /// <summary>Sign-up funnel of the period: invited → registered → approved → active (signed in on some day of the period).</summary>
    async Task<ChartDto> FunnelAsync(IQueryable<Member> members, Period p, CancellationToken ct)
    {
        var registered = members.Where(m => m.CreatedAt >= p.Start && m.CreatedAt < p.End);
        var invited = await InvitedAsync(p, ct);
        var reg = await registered.CountAsync(ct);
        var approved = await registered.CountAsync(m => m.Status == MemberStatus.Approved, ct);
        var activity = db.Set<MemberActivity>().Where(x => x.Day >= p.From && x.Day <= p.To);
        var active = await registered.CountAsync(m => m.Status == MemberStatus.Approved && activity.Any(x => x.MemberId == m.Id), ct);
        return new ChartDto("funnel", ["invited", "registered", "approved", "active"], [new("members", [invited, reg, approved, active])]);
    }

    /// <summary>
    /// Distinct members active in each window (inclusive local dates compared with the UTC activity day, as always;
    /// each window at most <see cref="ActivityRollup.MaxWindow"/> days), all from one query. A member counts once in a
    /// window [a, b], at their row in it whose gap (days since their previous active day) reaches before a, so the
    /// distinct count is a sum over per-day, per-gap counts. Without a department those counts come from
    /// <see cref="ActivityRollup"/> (a few rows a day, by kind); a department segment has no rollup (any text) and sums
    /// its own members' rows, whose number is the segment's, not the network's.
    /// </summary>
    async Task<int[]> ActiveInAsync(IQueryable<Member> members, Period p, IReadOnlyList<(DateOnly From, DateOnly To)> windows, CancellationToken ct)
    {
        if (windows.Count == 0) return [];
        var (lo, hi) = (windows.Min(w => w.From), windows.Max(w => w.To));
        const int capped = ActivityRollup.MaxGap + 1;
        var rollup = db.Set<ActivityRollup>().AsNoTracking().Where(r => r.Day >= lo && r.Day <= hi);
        if (p.Kind is { } kind) rollup = rollup.Where(r => r.Kind == kind);
        List<GapCount> rows;
        if (p.Department is null && p.SpaceId is null)
            rows = await rollup.GroupBy(r => new { r.Day, r.Gap }).Select(g => new GapCount(g.Key.Day, g.Key.Gap, g.Sum(r => r.Members))).ToListAsync(ct);
        else
        {
            // A department is not in the rollup: its members' days are read by member, through the (TenantId,
            // MemberId, Day) index. As a semi-join SQLite walked every activity day of the year and probed each
            // member's careers (3 s at 50,000 members and 1.25 million days).
            var ids = await members.Select(m => m.Id).ToListAsync(ct);
            rows = await db.Set<MemberActivity>().AsNoTracking()
                .Where(a => ids.Contains(a.MemberId) && a.Day >= lo && a.Day <= hi)
                .GroupBy(a => new { a.Day, Gap = a.Gap == null || a.Gap > ActivityRollup.MaxGap ? capped : a.Gap.Value })
                .Select(g => new GapCount(g.Key.Day, g.Key.Gap, g.Count())).ToListAsync(ct);
        }
        var byDay = new Dictionary<DateOnly, int[]>();
        foreach (var r in rows)
        {
            if (!byDay.TryGetValue(r.Day, out var gaps)) byDay[r.Day] = gaps = new int[capped + 1];
            gaps[Math.Min(r.Gap, capped)] += r.Members;
        }
        return windows.Select(w =>
        {
            if (w.To.DayNumber - w.From.DayNumber >= ActivityRollup.MaxWindow)
                throw new ArgumentOutOfRangeException(nameof(windows), "A window longer than the rollup's longest gap.");
            var n = 0;
            for (var d = w.From; d <= w.To; d = d.AddDays(1))
                if (byDay.TryGetValue(d, out var gaps))
                    for (var g = d.DayNumber - w.From.DayNumber + 1; g <= capped; g++) n += gaps[g];
            return n;
        }).ToArray();
    }

    sealed record GapCount(DateOnly Day, int Gap, int Members);

    /// <summary>Monthly active members per month, weekly active members for each of the period's last 12 weeks (ending on
    /// its last day), and the headline's active members in the last 30 and 7 days: one query for all.</summary>
    async Task<(ChartDto Monthly, ChartDto Weekly, int Last30, int Last7)> ActiveAsync(IQueryable<Member> members, Period p,
        List<(string Label, DateOnly From, DateOnly Until)> months, CancellationToken ct)
    {
        var weeks = new List<(DateOnly From, DateOnly To)>();
        for (var i = 11; i >= 0; i--)
        {
            var end = p.To.AddDays(-7 * i);
            if (end >= p.From) weeks.Add((end.AddDays(-6), end));
        }
        var windows = months.Select(m => (m.From, m.Until.AddDays(-1))).Concat(weeks).Append((p.To.AddDays(-29), p.To)).Append((p.To.AddDays(-6), p.To)).ToList();
        var counts = await ActiveInAsync(members, p, windows, ct);
        var monthly = new ChartDto("active", months.Select(m => m.Label).ToList(), [new("monthlyActive", counts.Take(months.Count).Select(n => (double)n).ToList())]);
        var weekly = new ChartDto("weekly", weeks.Select(w => w.From.ToString("yyyy-MM-dd")).ToList(),
            [new("weeklyActive", counts.Skip(months.Count).Take(weeks.Count).Select(n => (double)n).ToList())]);
        return (monthly, weekly, counts[^2], counts[^1]);
    }

    /// <summary>Posts (published in the period), comments and reactions (made in the period), per room; by the segment's members.</summary>
    async Task<ChartDto> RoomsAsync(IQueryable<Member> members, Period p, CancellationToken ct)
    {
        var posts = await db.Set<Post>().AsNoTracking()
            .Where(x => x.Status == PostStatus.Published && x.PublishedAt >= p.Start && x.PublishedAt < p.End && members.Any(m => m.Id == x.AuthorMemberId))
            .GroupBy(x => x.Room).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var comments = await db.Set<Comment>().AsNoTracking()
            .Where(c => c.CreatedAt >= p.Start && c.CreatedAt < p.End && members.Any(m => m.Id == c.AuthorMemberId))
            .Join(db.Set<Post>(), c => c.PostId, x => x.Id, (c, x) => x.Room)
            .GroupBy(r => r).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var reactions = await db.Set<Reaction>().AsNoTracking()
            .Where(r => r.CreatedAt >= p.Start && r.CreatedAt < p.End && members.Any(m => m.Id == r.MemberId))
            .Join(db.Set<Post>(), r => r.PostId, x => x.Id, (r, x) => x.Room)
            .GroupBy(r => r).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var rooms = Enum.GetValues<Room>();
        return new ChartDto("rooms", rooms.Select(r => WireNames.Of(r)).ToList(),
        [
            new("posts", rooms.Select(r => (double)(posts.FirstOrDefault(x => x.Key == r)?.N ?? 0)).ToList()),
            new("comments", rooms.Select(r => (double)(comments.FirstOrDefault(x => x.Key == r)?.N ?? 0)).ToList()),
            new("reactions", rooms.Select(r => (double)(reactions.FirstOrDefault(x => x.Key == r)?.N ?? 0)).ToList()),
        ]);
    }

    /// <summary>Per month: events held (published, started), confirmed sign-ups to them, and check-ins (attendance); sign-ups by the segment's members.</summary>
    async Task<ChartDto> EventsAsync(IQueryable<Member> members, Period p, List<(string Label, DateOnly From, DateOnly Until)> months, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var events = db.Set<Event>().AsNoTracking().Where(e => e.Status == EventStatus.Published && e.StartsAt < now);
        var held = await PerMonthAsync(events, e => e.StartsAt, months, ct);
        // Sign-ups count in the month of their event.
        var rsvps = db.Set<Rsvp>().AsNoTracking().Where(r => r.Status == RsvpStatus.Confirmed && members.Any(x => x.Id == r.MemberId))
            .Join(events, r => r.EventId, e => e.Id, (r, e) => new { e.StartsAt, CheckedIn = r.CheckedInAt != null });
        var signups = await PerMonthAsync(rsvps, r => r.StartsAt, months, ct);
        var attended = await PerMonthAsync(rsvps.Where(r => r.CheckedIn), r => r.StartsAt, months, ct);
        return new ChartDto("events", months.Select(m => m.Label).ToList(), [new("held", held), new("signups", signups), new("attended", attended)]);
    }
}
