using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// Distribution by tenant (Citus, docs/scaling.md) needs every tenant-owned table's primary key, unique indexes and
/// foreign keys between tenant-owned tables to include TenantId; the rest must be declared reference tables
/// (copied to every node). Read from the PostgreSQL model, the one the migrations are made from.
/// The schema is not there yet: the tables of the first releases are keyed by Id alone. What stands in the way today
/// is listed in CitusObstacles.txt, and the list only shrinks: a new table, index or key that is not distributable
/// fails the first test; an obstacle removed (a table re-keyed) fails the second until it leaves the list.
/// </summary>
public sealed class CitusReadinessTests
{
    /// <summary>Global tables, small and read everywhere: Citus copies them to every node.</summary>
    static readonly HashSet<string> ReferenceTables =
    [
        "Tenants", "TenantHost", "DataProtectionKeys", "VapidKey",
        "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "AspNetRoleClaims",
    ];

    static readonly string[] Known = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "CitusObstacles.txt"))
        .Where(l => l.Trim().Length > 0).ToArray();

    [Fact]
    public void NoTableIndexOrKey_AddsAnObstacleToDistributionByTenant()
    {
        var added = Problems().Except(Known).ToList();
        Trust.TrustFigures.Report("Citus readiness", $"{Known.Length} known obstacles to distribution by TenantId remain (tests/OpenAlumni.Tests/Infrastructure/CitusObstacles.txt), {added.Count} new");
        Assert.True(added.Count == 0, "Not distributable by TenantId (put TenantId first in the key, index or foreign key, or declare a reference table):\n" + string.Join('\n', added));
    }

    [Fact]
    public void EveryListedObstacle_IsStillThere()
    {
        var gone = Known.Except(Problems()).ToList();
        Assert.True(gone.Count == 0, "Resolved: take these lines out of CitusObstacles.txt:\n" + string.Join('\n', gone));
    }

    static List<string> Problems()
    {
        using var db = new PostgresDesignFactory().CreateDbContext([]);
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
            foreach (var index in entities.SelectMany(e => e.GetIndexes()).Where(i => i.IsUnique && !HasTenant(i.Properties)))
                problems.Add($"{table}: unique index ({Columns(index.Properties)})");
            foreach (var fk in entities.SelectMany(e => e.GetForeignKeys()))
            {
                var principal = fk.PrincipalEntityType.GetTableName()!;
                if (principal == table && fk.PrincipalEntityType == fk.DeclaringEntityType && fk.IsOwnership) continue;
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
