using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpenAlumni.Web.Data;

public static class DbErrors
{
    /// <summary>A unique index refused the row (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE): someone else was first.</summary>
    public static bool IsUniqueViolation(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 }) return true;
        return false;
    }

    /// <summary>
    /// A failure that may pass if the same work is tried again (a dropped connection, a restart, a serialization
    /// failure): code that catches database errors to answer them lets these through to the execution strategy.
    /// </summary>
    public static bool IsTransient(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.NpgsqlException { IsTransient: true }) return true;
        return false;
    }

    /// <summary>
    /// The database cannot be reached or keeps failing transiently (the execution strategy gave up): the request
    /// is answered 503 with Retry-After rather than 500 (<see cref="Infrastructure.Errors.DatabaseOutage"/>).
    /// </summary>
    public static bool IsOutage(Exception? e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is RetryLimitExceededException) return true;
        return IsTransient(e);
    }
}
