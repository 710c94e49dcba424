using Microsoft.EntityFrameworkCore;

namespace OpenAlumni.Web.Data;

public static class DbErrors
{
    /// <summary>
    /// The database refused one of two racing transactions (PostgreSQL 40001 under Serializable, SQLite busy),
    /// however deep EF wrapped it: the caller answers 409 instead of 500.
    /// </summary>
    public static bool IsSerializationFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: "40001" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 }) return true;
        return false;
    }
}
