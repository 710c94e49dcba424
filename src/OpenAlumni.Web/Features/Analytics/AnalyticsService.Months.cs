using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>
/// A monthly series in one query: the rows of the whole period, grouped by the month their time falls in (a CASE
/// over the months' ends, in the network's calendar), instead of one COUNT per month.
/// </summary>
public sealed partial class AnalyticsService
{
    /// <summary>Per month, the rows whose <paramref name="at"/> falls in it.</summary>
    async Task<List<double>> PerMonthAsync<T>(IQueryable<T> rows, Expression<Func<T, DateTimeOffset>> at,
        List<(string Label, DateOnly From, DateOnly Until)> months, CancellationToken ct)
    {
        var ends = months.Select(m => Utc(m.Until)).ToList();
        var within = Expression.Lambda<Func<T, bool>>(Expression.AndAlso(
            Expression.GreaterThanOrEqual(at.Body, Parameter(Utc(months[0].From))), Expression.LessThan(at.Body, Parameter(ends[^1]))), at.Parameters);
        Expression month = Expression.Constant(ends.Count - 1);
        for (var i = ends.Count - 2; i >= 0; i--)
            month = Expression.Condition(Expression.LessThan(at.Body, Parameter(ends[i])), Expression.Constant(i), month);
        var counts = await rows.Where(within).GroupBy(Expression.Lambda<Func<T, int>>(month, at.Parameters))
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        return Enumerable.Range(0, months.Count).Select(i => (double)(counts.FirstOrDefault(c => c.Key == i)?.N ?? 0)).ToList();
    }

    /// <summary>A value sent as a SQL parameter (a captured variable to EF), not inlined as a literal.</summary>
    static Expression Parameter(DateTimeOffset value) => Expression.Property(Expression.Constant(new Box(value)), nameof(Box.Value));

    sealed record Box(DateTimeOffset Value);
}
