using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>Counts the SQL commands a piece of work sends (the counter flows with the async context).</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    static readonly AsyncLocal<StrongBox> Current = new();

    sealed class StrongBox { public int Count; }

    public static async Task<int> CountAsync(Func<Task> work)
    {
        var box = new StrongBox();
        Current.Value = box;
        try { await work(); }
        finally { Current.Value = null!; }
        return box.Count;
    }

    static void Hit() { if (Current.Value is { } b) Interlocked.Increment(ref b.Count); }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    { Hit(); return base.ReaderExecutingAsync(command, eventData, result, ct); }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    { Hit(); return base.ScalarExecutingAsync(command, eventData, result, ct); }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    { Hit(); return base.NonQueryExecutingAsync(command, eventData, result, ct); }
}
