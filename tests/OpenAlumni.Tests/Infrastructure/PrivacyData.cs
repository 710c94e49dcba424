using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>Searches the whole database, every table and every text column, for a string (as a DPO would after an erasure).</summary>
public static class PrivacyData
{
    public static async Task<List<string>> TablesContainingAsync(AlumniDb db, string needle)
    {
        var hits = new List<string>();
        var postgres = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var table = entity.GetTableName()!;
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var type = property.GetRelationalTypeMapping().StoreType.ToLowerInvariant();
                if (!(type.Contains("text") || type.Contains("char") || type.Contains("tsvector"))) continue;
                var column = property.GetColumnName(store);
                if (column is null) continue;
                await using var cmd = connection.CreateCommand();
                // Case-insensitive: an address may have been stored normalised (upper case) by Identity.
                cmd.CommandText = postgres
                    ? $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\"::text ILIKE @p"
                    : $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" LIKE @p";
                var p = cmd.CreateParameter();
                p.ParameterName = "@p";
                p.Value = "%" + needle + "%";
                cmd.Parameters.Add(p);
                if (Convert.ToInt64(await cmd.ExecuteScalarAsync()) > 0) hits.Add($"{table}.{column}");
            }
        }
        return hits;
    }
}
