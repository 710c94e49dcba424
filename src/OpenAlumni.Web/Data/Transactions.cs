using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpenAlumni.Web.Data;

public static class Transactions
{
    /// <summary>
    /// Runs one unit of work in a transaction under the database's execution strategy. On PostgreSQL a transient
    /// failure (a dropped connection, a server restart, a serialization failure the work does not answer itself)
    /// rolls the transaction back and runs the work again from its start, with the change tracker emptied.
    /// </summary>
    /// <remarks>
    /// So the work must be repeatable: it loads inside what it changes (an entity tracked from before is forgotten
    /// on a retry), creates its new entities itself, and touches nothing outside the database that a retry would
    /// do twice (mail goes through the outbox; files are deleted after). It commits with the transaction it is given;
    /// returning without a commit rolls back, as leaving a <c>using</c> block did. What follows the commit (reading
    /// the result back, sending) belongs after this call: a failure there must not run the work a second time.
    /// SQLite's strategy does not retry, so there the work simply runs once.
    /// </remarks>
    public static Task<T> InTransactionAsync<T>(this AlumniDb db, Func<IDbContextTransaction, Task<T>> work, CancellationToken ct,
        IsolationLevel? isolation = null)
    {
        var attempt = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            if (attempt++ > 0) db.ChangeTracker.Clear();
            await using var tx = isolation is { } level
                ? await db.Database.BeginTransactionAsync(level, ct)
                : await db.Database.BeginTransactionAsync(ct);
            return await work(tx);
        }, ct);
    }
}
