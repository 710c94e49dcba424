using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Analytics;

// ============================================================================================
// WIRE AT MERGE: the metrics whose data lives on other branches. Each is one method returning
// nothing (0 / empty series) until the lead replaces its body with the query, at merge time.
// ============================================================================================
public sealed partial class AnalyticsService
{
    /// <summary>WIRE AT MERGE (branch desk): invitations sent in the period (the funnel's first step). Returns 0 now.</summary>
    Task<int> InvitedAsync(Period p, CancellationToken ct) => Task.FromResult(0);

    /// <summary>WIRE AT MERGE (branch msg): consultations requested and accepted per month. Empty series now.</summary>
    Task<ChartDto> ConsultationsAsync(Period p, List<(string Label, DateOnly From, DateOnly Until)> months, CancellationToken ct) =>
        Task.FromResult(new ChartDto("consultations", months.Select(m => m.Label).ToList(),
            [new("requested", months.Select(_ => 0d).ToList()), new("accepted", months.Select(_ => 0d).ToList())]));

    /// <summary>WIRE AT MERGE (branch collab): collaborations in each stage at the end of each month (one series per stage). Empty now.</summary>
    Task<ChartDto> CollaborationsByStageAsync(Period p, List<(string Label, DateOnly From, DateOnly Until)> months, CancellationToken ct) =>
        Task.FromResult(new ChartDto("collaborations", months.Select(m => m.Label).ToList(), []));

    /// <summary>WIRE AT MERGE (branch msg, job board): rehires (alumni hired back) per month. Zero series now.</summary>
    Task<ChartDto> RehiresAsync(Period p, List<(string Label, DateOnly From, DateOnly Until)> months, CancellationToken ct) =>
        Task.FromResult(new ChartDto("rehires", months.Select(m => m.Label).ToList(), [new("rehires", months.Select(_ => 0d).ToList())]));
}
