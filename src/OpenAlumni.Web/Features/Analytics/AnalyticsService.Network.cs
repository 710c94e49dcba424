using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Roster;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>A collaboration shown in the value report: what and where it stands, no person named.</summary>
public sealed record FeaturedCollaborationDto(long Id, string Title, string Stage, IReadOnlyList<string> Departments, DateTimeOffset StageChangedAt);

/// <summary>
/// The figures that come from the network's other features (invitations, consultations, collaborations, the
/// rehire job board). Same rules as the rest: COUNT / GROUP BY in SQL, one query per month at most, every
/// query inside the tenant (global filter).
/// </summary>
public sealed partial class AnalyticsService
{
    public const int FeaturedCount = 10;
    static readonly CollaborationStage[] FeaturedStages = [CollaborationStage.Poc, CollaborationStage.Contract, CollaborationStage.Launched];

    /// <summary>
    /// The funnel's first step: invitations created in the period (a resend is the same row, so a person
    /// invited once counts once). Invitations go to people who are not members yet, whose kind and department
    /// are unknown: the segment does not apply to this step, only the period.
    /// </summary>
    Task<int> InvitedAsync(Period p, CancellationToken ct) =>
        db.Set<Invitation>().AsNoTracking().CountAsync(i => i.CreatedAt >= p.Start && i.CreatedAt < p.End, ct);

    /// <summary>
    /// Per month: consultations requested (created that month) and accepted (accepted that month, whenever
    /// requested). Segmented: those in which a member of the segment asks or is asked.
    /// </summary>
    async Task<ChartDto> ConsultationsAsync(IQueryable<Member> members, Period p, List<(string Label, DateOnly From, DateOnly Until)> months, CancellationToken ct)
    {
        var all = db.Set<ConsultationRequest>().AsNoTracking();
        if (segmented) all = all.Where(r => members.Any(m => m.Id == r.RequesterMemberId || m.Id == r.RecipientMemberId));
        var requested = await PerMonthAsync(all, r => r.CreatedAt, months, ct);
        var accepted = await PerMonthAsync(all.Where(r => r.Status == ConsultationStatus.Accepted && r.DecidedAt != null), r => r.DecidedAt!.Value, months, ct);
        return new ChartDto("consultations", months.Select(m => m.Label).ToList(), [new("requested", requested), new("accepted", accepted)]);
    }

    /// <summary>
    /// Collaborations in each stage at the end of each month (one series per stage): the pipeline as it stood,
    /// which is what management asks ("how many are in PoC, how many signed?"); stage changes per month would
    /// show activity but not where things stand. Each collaboration counts in the stage of its latest recorded
    /// change before the month's end. Only accepted collaborations (the secretariat's record; proposals and
    /// declined ones are not). Collaborations belong to the company, not to a member segment, so the segment
    /// does not apply.
    /// </summary>
    async Task<ChartDto> CollaborationsByStageAsync(Period p, List<(string Label, DateOnly From, DateOnly Until)> months, CancellationToken ct)
    {
        var stages = Enum.GetValues<CollaborationStage>();
        var series = stages.ToDictionary(s => s, _ => new List<double>());
        var changes = db.Set<CollaborationStageChange>().AsNoTracking();
        var accepted = db.Set<Collaboration>().Where(c => c.Status == CollaborationStatus.Accepted);
        foreach (var m in months)
        {
            var end = Utc(m.Until);
            var counts = await changes
                .Where(s => s.At < end && accepted.Any(c => c.Id == s.CollaborationId)
                    && !changes.Any(o => o.CollaborationId == s.CollaborationId && o.At < end && (o.At > s.At || (o.At == s.At && o.Id > s.Id))))
                .GroupBy(s => s.To).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            foreach (var stage in stages) series[stage].Add(counts.FirstOrDefault(c => c.Key == stage)?.N ?? 0);
        }
        return new ChartDto("collaborations", months.Select(m => m.Label).ToList(),
            stages.Select(s => new SeriesDto(WireNames.Of(s), series[s])).ToList());
    }

    /// <summary>
    /// The rehire job board per month. The network does not record hires (a hire happens in the company's HR
    /// system), so this is said as it is: alumni who raised their hand for an opening ("interests"), people
    /// referred for one ("referrals"), and openings published ("openings"). Segmented: interests and referrals
    /// by the segment's members; openings are the company's and are not segmented.
    /// </summary>
    async Task<ChartDto> RehiresAsync(IQueryable<Member> members, Period p, List<(string Label, DateOnly From, DateOnly Until)> months, CancellationToken ct)
    {
        var interests = db.Set<JobInterest>().AsNoTracking();
        var referrals = db.Set<JobReferral>().AsNoTracking();
        if (segmented)
        {
            interests = interests.Where(i => members.Any(m => m.Id == i.MemberId));
            referrals = referrals.Where(r => members.Any(m => m.Id == r.ReferrerMemberId));
        }
        var openings = db.Set<JobOpening>().AsNoTracking();
        var i = await PerMonthAsync(interests, x => x.CreatedAt, months, ct);
        var r = await PerMonthAsync(referrals, x => x.CreatedAt, months, ct);
        var o = await PerMonthAsync(openings.Where(x => x.AnnouncedAt != null), x => x.AnnouncedAt!.Value, months, ct);
        return new ChartDto("rehires", months.Select(m => m.Label).ToList(), [new("interests", i), new("referrals", r), new("openings", o)]);
    }

    /// <summary>
    /// The value report's featured collaborations: accepted ones now in PoC, contract or launched that existed by
    /// the period's end, the latest stage change first. Title, stage and departments only: no member is named.
    /// </summary>
    async Task<List<FeaturedCollaborationDto>> FeaturedAsync(Period p, CancellationToken ct)
    {
        var rows = await db.Set<Collaboration>().AsNoTracking()
            .Where(c => c.Status == CollaborationStatus.Accepted && FeaturedStages.Contains(c.Stage) && c.CreatedAt < p.End)
            .OrderByDescending(c => c.StageChangedAt).ThenByDescending(c => c.Id).Take(FeaturedCount)
            .Select(c => new { c.Id, c.Title, c.Stage, c.Departments, c.StageChangedAt }).ToListAsync(ct);
        return rows.Select(c => new FeaturedCollaborationDto(c.Id, c.Title, WireNames.Of(c.Stage),
            c.Departments.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), c.StageChangedAt)).ToList();
    }
}
