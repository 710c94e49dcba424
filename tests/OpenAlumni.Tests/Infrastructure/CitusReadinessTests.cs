using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// Distribution by tenant (Citus, docs/scaling.md) needs every tenant-owned table's primary key, unique indexes and
/// foreign keys between tenant-owned tables to include TenantId; the global tables must be declared reference tables
/// (copied to every node) and hold no foreign key to a distributed one. Read from the PostgreSQL model, the one the
/// migrations are made from, so that a new table, index or key that breaks the rule fails here.
/// </summary>
public sealed class CitusReadinessTests
{
    static IReadOnlySet<string> ReferenceTables => DistributionByTenant.ReferenceTables;

    [Fact]
    public void EveryTable_CanBeDistributedByTenant_OrIsAReferenceTable()
    {
        var problems = Problems();
        Trust.TrustFigures.Report("Citus readiness", $"{Tables().Count(t => !ReferenceTables.Contains(t))} tables distributable by TenantId, {ReferenceTables.Count} reference tables, {problems.Count} obstacles");
        Assert.True(problems.Count == 0, "Not distributable by TenantId (include TenantId in the key, index or foreign key, or declare a reference table):\n" + string.Join('\n', problems));
    }

    [Fact]
    public void TheRule_SeesWhatWouldBreakIt()
    {
        // The same check on the SQLite model, whose keys stay on Id: it must find the obstacles the PostgreSQL model removed.
        using var sqlite = new SqliteDesignFactory().CreateDbContext([]);
        var problems = ProblemsOf(sqlite);
        Assert.Contains("Post: primary key (Id)", problems);
        Assert.Contains(problems, p => p.StartsWith("Comment: foreign key (PostId) to Post", StringComparison.Ordinal));
        Assert.Contains("Rsvp: unique index (TicketCode)", problems);
    }

    static IEnumerable<string> Tables()
    {
        using var db = new PostgresDesignFactory().CreateDbContext([]);
        return db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
    }

    static List<string> Problems()
    {
        using var db = new PostgresDesignFactory().CreateDbContext([]);
        return ProblemsOf(db);
    }

    static List<string> ProblemsOf(AlumniDb db)
    {
        var problems = new List<string>();
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned() && e.GetViewName() is null)
            .GroupBy(e => e.GetTableName()!).ToDictionary(g => g.Key, g => g.ToList());
        bool Distributed(string table) => !ReferenceTables.Contains(table);
        foreach (var (table, entities) in tables.OrderBy(t => t.Key))
        {
            var store = StoreObjectIdentifier.Table(table, null);
            string Columns(IEnumerable<IProperty> properties) => string.Join(", ", properties.Select(p => p.GetColumnName(store)));
            bool HasTenant(IEnumerable<IProperty> properties) => properties.Any(p => p.GetColumnName(store) == "TenantId");
            if (!Distributed(table)) continue;
            var entity = entities[0];
            if (entity.FindProperty("TenantId") is null) { problems.Add($"{table}: no TenantId and not a reference table"); continue; }
            if (entity.FindPrimaryKey() is { } pk && !HasTenant(pk.Properties)) problems.Add($"{table}: primary key ({Columns(pk.Properties)})");
            foreach (var key in entities.SelectMany(e => e.GetKeys()).Where(k => !k.IsPrimaryKey() && !HasTenant(k.Properties)))
                problems.Add($"{table}: unique key ({Columns(key.Properties)})");
            foreach (var index in entities.SelectMany(e => e.GetIndexes()).Where(i => i.IsUnique && !HasTenant(i.Properties)))
                problems.Add($"{table}: unique index ({Columns(index.Properties)})");
            foreach (var fk in entities.SelectMany(e => e.GetForeignKeys()))
            {
                var principal = fk.PrincipalEntityType.GetTableName()!;
                if (!Distributed(principal)) continue; // to a reference table: allowed
                if (!HasTenant(fk.Properties)) problems.Add($"{table}: foreign key ({Columns(fk.Properties)}) to {principal}");
            }
        }
        foreach (var table in ReferenceTables.Where(tables.ContainsKey))
            foreach (var fk in tables[table].SelectMany(e => e.GetForeignKeys()).Where(fk => Distributed(fk.PrincipalEntityType.GetTableName()!)))
                problems.Add($"{table}: a reference table with a foreign key to {fk.PrincipalEntityType.GetTableName()}");
        return problems;
    }
}

/// <summary>
/// The same rule read from the catalog of a database the migrations made (hand-written SQL included), as
/// <c>create_distributed_table(..., 'TenantId')</c> would meet it: every primary key, unique constraint, unique index
/// and foreign key between distributed tables names TenantId, and every table without it is a reference table.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CitusReadinessOnPostgres(PostgresApp app) : AppTest(app)
{
    [Fact]
    public async Task TheMigratedDatabase_CanBeDistributedByTenant()
    {
        var reference = DistributionByTenant.ReferenceTables.Append("__EFMigrationsHistory").ToArray();
        var problems = await App.InTenantAsync(await App.CreateTenantAsync(), async sp =>
        {
            var db = sp.GetRequiredService<AlumniDb>();
            var found = new List<string>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                WITH t AS (
                  SELECT c.oid, c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'TenantId' AND NOT a.attisdropped) AS tenant
                  FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p'))
                SELECT t.relname || ': no TenantId and not a reference table' FROM t WHERE NOT t.tenant AND NOT t.relname = ANY(@reference)
                UNION ALL
                SELECT t.relname || ': ' || pg_get_constraintdef(con.oid)
                FROM pg_constraint con JOIN t ON t.oid = con.conrelid
                WHERE t.tenant AND NOT t.relname = ANY(@reference) AND con.contype IN ('p', 'u', 'f')
                  AND NOT (con.contype = 'f' AND (SELECT relname FROM pg_class WHERE oid = con.confrelid) = ANY(@reference))
                  AND NOT EXISTS (SELECT 1 FROM unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k WHERE a.attname = 'TenantId')
                UNION ALL
                SELECT t.relname || ': ' || pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN t ON t.oid = i.indrelid
                WHERE t.tenant AND NOT t.relname = ANY(@reference) AND i.indisunique
                  AND NOT EXISTS (SELECT 1 FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k WHERE a.attname = 'TenantId')
                UNION ALL
                SELECT t.relname || ': a reference table with ' || pg_get_constraintdef(con.oid)
                FROM pg_constraint con JOIN t ON t.oid = con.conrelid
                WHERE t.relname = ANY(@reference) AND con.contype = 'f' AND NOT (SELECT relname FROM pg_class WHERE oid = con.confrelid) = ANY(@reference)
                """;
            var p = command.CreateParameter();
            p.ParameterName = "reference";
            p.Value = reference;
            command.Parameters.Add(p);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) found.Add(reader.GetString(0));
            return found;
        });

        Assert.True(problems.Count == 0, "Not distributable by TenantId:\n" + string.Join('\n', problems));
    }
}
