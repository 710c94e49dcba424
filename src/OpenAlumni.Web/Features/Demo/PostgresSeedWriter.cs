using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// PostgreSQL: each table of a batch goes in with one binary COPY, the fastest way in. COPY cannot
/// return the ids it assigns, so member ids are reserved from the identity sequence first and written
/// explicitly; the career entries and tags then know their member. Their own ids come from their
/// sequences as usual. SearchVector is not written: the database generates it from SearchTokens.
/// </summary>
internal sealed class PostgresSeedWriter(AlumniDb db) : SeedWriter(db)
{
    // Each batch gets its own connection, a clone of EF's (same server and credentials), so that
    // batches can be written concurrently; EF's connection is left alone.
    readonly NpgsqlConnection template = (NpgsqlConnection)((ICloneable)db.Database.GetDbConnection()).Clone();
    readonly SeedTable<AppUser> users = SeedTables.Users(db.Model);
    readonly SeedTable<Member> members = SeedTables.Members(db.Model, withId: true);
    readonly SeedTable<CareerEntry> career = SeedTables.Career(db.Model);
    readonly SeedTable<ProfileTag> tags = SeedTables.Tags(db.Model);

    /// <summary>
    /// Most of the time of a batch is the server's, not ours: computing the generated tsvector, storing
    /// the large search columns (TOAST) and adding ~300 entries per member to the GIN index, all in the one
    /// backend process that serves the connection. Two connections keep two server cores busy.
    /// </summary>
    public override int Parallelism => 2;

    protected override async Task WriteBatchAsync(IReadOnlyList<Member> batch, CancellationToken ct)
    {
        await using var connection = (NpgsqlConnection)((ICloneable)template).Clone();
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var ids = await ReserveMemberIdsAsync(connection, batch.Count, ct);
        for (var i = 0; i < batch.Count; i++) SetId(batch[i], ids[i]);

        // Parents first: the foreign keys are checked row by row as COPY inserts.
        await CopyAsync(connection, users, batch.Select(m => m.User!), ct);
        await CopyAsync(connection, members, batch, ct);
        await CopyAsync(connection, career, batch.SelectMany(m => m.Career), ct);
        await CopyAsync(connection, tags, batch.SelectMany(m => m.Tags), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Takes n values from the sequence behind Members.Id. nextval is never rolled back, so the ids stay
    /// unused by anyone else even if the batch fails (a gap, as with any failed insert).
    /// </summary>
    async Task<long[]> ReserveMemberIdsAsync(NpgsqlConnection connection, int n, CancellationToken ct)
    {
        var sql = $"SELECT nextval(pg_get_serial_sequence('{Quote(members.Name)}', '{nameof(Member.Id)}')) FROM generate_series(1, $1)";
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = n } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new long[n];
        for (var i = 0; i < n; i++)
        {
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The id sequence returned too few values.");
            ids[i] = reader.GetInt64(0);
        }
        return ids;
    }

    static async Task CopyAsync<T>(NpgsqlConnection connection, SeedTable<T> table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var c = 0; c < table.Columns.Length; c++)
                await WriteValueAsync(importer, table.Value(row, c), ct);
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>
    /// Binary COPY sends each value in its type's wire format, so the type must be named. The stored
    /// values of the seeded tables are only these; text serves varchar too (same wire format).
    /// </summary>
    static Task WriteValueAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken ct) => value switch
    {
        null => importer.WriteNullAsync(ct),
        string s => importer.WriteAsync(s, NpgsqlDbType.Text, ct),
        long l => importer.WriteAsync(l, NpgsqlDbType.Bigint, ct),
        int i => importer.WriteAsync(i, NpgsqlDbType.Integer, ct),
        bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean, ct),
        DateTimeOffset d => importer.WriteAsync(d, NpgsqlDbType.TimestampTz, ct),
        _ => throw new NotSupportedException($"Seeding a {value.GetType().Name} column is not supported."),
    };

    static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
