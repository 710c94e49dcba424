using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// SQLite: one prepared INSERT per table, run once per row inside one transaction. SQLite has no COPY,
/// but a prepared statement in a transaction is close to its raw speed (no SQL parsing, no journal
/// sync per row). Member ids are assigned by the database and read back with RETURNING.
/// Microsoft.Data.Sqlite's async methods complete synchronously, so the synchronous ones are used.
/// </summary>
internal sealed class SqliteSeedWriter(AlumniDb db) : SeedWriter(db)
{
    readonly SeedTable<AppUser> users = SeedTables.Users(db.Model);
    readonly SeedTable<Member> members = SeedTables.Members(db.Model, withId: false);
    readonly SeedTable<CareerEntry> career = SeedTables.Career(db.Model);
    readonly SeedTable<ProfileTag> tags = SeedTables.Tags(db.Model);

    /// <summary>SQLite has one writer at a time: batches go one after the other, on EF's own connection.</summary>
    protected override async Task WriteBatchAsync(IReadOnlyList<Member> batch, CancellationToken ct)
    {
        await Db.Database.OpenConnectionAsync(ct);
        try
        {
            Write((SqliteConnection)Db.Database.GetDbConnection(), batch, ct);
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }
    }

    void Write(SqliteConnection connection, IReadOnlyList<Member> batch, CancellationToken ct)
    {
        using var tx = connection.BeginTransaction();
        using var insertUser = Prepare(connection, tx, users);
        using var insertMember = Prepare(connection, tx, members, returning: nameof(Member.Id));
        using var insertCareer = Prepare(connection, tx, career);
        using var insertTag = Prepare(connection, tx, tags);
        foreach (var m in batch)
        {
            ct.ThrowIfCancellationRequested();
            Bind(insertUser, users, m.User!).ExecuteNonQuery();
            SetId(m, (long)Bind(insertMember, members, m).ExecuteScalar()!);
            foreach (var c in m.Career) Bind(insertCareer, career, c).ExecuteNonQuery();
            foreach (var t in m.Tags) Bind(insertTag, tags, t).ExecuteNonQuery();
        }
        tx.Commit();
    }

    static SqliteCommand Prepare<T>(SqliteConnection connection, SqliteTransaction tx, SeedTable<T> table, string? returning = null) where T : class
    {
        var columns = string.Join(", ", table.Columns.Select(Quote));
        var parameters = string.Join(", ", table.Columns.Select((_, i) => "$p" + i));
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({columns}) VALUES ({parameters})"
            + (returning is null ? "" : $" RETURNING {Quote(returning)}");
        for (var i = 0; i < table.Columns.Length; i++) command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
        command.Prepare();
        return command;
    }

    static SqliteCommand Bind<T>(SqliteCommand command, SeedTable<T> table, T row) where T : class
    {
        for (var i = 0; i < table.Columns.Length; i++) command.Parameters[i].Value = table.Value(row, i) ?? DBNull.Value;
        return command;
    }

    static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
