using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace OpenAlumni.Web.Data;

/// <summary>
/// Keeps the PostgreSQL schema distributable by tenant (Citus, docs/scaling.md): on every tenant-owned table the
/// primary key, each unique index and each foreign key to another tenant-owned table include TenantId, so that a
/// distributed table's rows of one network stay together and every constraint can be checked on the node that holds
/// them. Applied to the model after the features' configurations, so that a new table is covered without anyone
/// remembering it. Keys are (Id, TenantId), Id first: a lookup by id alone still finds its row by the index.
/// SQLite keeps its keys on Id (it generates a value only for a single-column integer key, and is never distributed).
/// </summary>
public static class DistributionByTenant
{
    public const string Column = "TenantId";

    /// <summary>The global tables: small, read by every network; Citus copies them to every node.</summary>
    public static readonly IReadOnlySet<string> ReferenceTables = new HashSet<string>
    {
        "Tenants", "TenantHost", "DataProtectionKeys", "VapidKey",
        "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "AspNetRoleClaims",
    };

    public static bool IsDistributed(IReadOnlyEntityType entity) =>
        entity.GetTableName() is { } table && !ReferenceTables.Contains(table) && !entity.IsOwned();

    public static void Apply(IMutableModel model)
    {
        var tables = model.GetEntityTypes().Where(e => IsDistributed(e) && e.FindProperty(Column) is not null).ToList();
        foreach (var entity in tables)
        {
            var tenant = entity.FindProperty(Column)!;
            if (entity.FindPrimaryKey() is { } old && !old.Properties.Contains(tenant))
            {
                // Id stays an identity column: EF generates values only for a single-column key by convention.
                var generated = old.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd).ToList();
                var key = entity.FindKey([.. old.Properties, tenant]) ?? entity.AddKey([.. old.Properties, tenant]);
                // Every foreign key to this table follows the key, with its own table's TenantId beside.
                foreach (var fk in old.GetReferencingForeignKeys().ToList())
                {
                    if (fk.DeclaringEntityType.FindProperty(Column) is not { } theirs) continue;
                    fk.SetProperties([.. fk.Properties, theirs], key);
                }
                entity.SetPrimaryKey(key.Properties);
                foreach (var id in generated)
                {
                    id.ValueGenerated = ValueGenerated.OnAdd;
                    id.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
                }
                if (!old.GetReferencingForeignKeys().Any()) entity.RemoveKey(old.Properties);
            }
            foreach (var index in entity.GetDeclaredIndexes().Where(i => i.IsUnique && !i.Properties.Contains(tenant)).ToList())
            {
                var (name, filter) = (index.GetDatabaseName(), index.GetFilter());
                entity.RemoveIndex(index);
                var widened = entity.AddIndex([tenant, .. index.Properties]);
                widened.IsUnique = true;
                widened.SetDatabaseName(name);
                if (filter is not null) widened.SetFilter(filter);
            }
        }
    }
}
