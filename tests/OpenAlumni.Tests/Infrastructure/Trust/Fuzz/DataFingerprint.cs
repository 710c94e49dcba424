using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Tests.Infrastructure.Trust.Fuzz;

/// <summary>
/// What a network holds, per table: the number of rows and a hash of their contents. Taken with one batch of
/// SELECTs on one connection (a few milliseconds), so it can be taken after every call: the rows of every
/// tenant-owned table of one network, its Tenants row, and, when asked, the tables no network owns (logins).
/// </summary>
public sealed record DataFingerprint(IReadOnlyDictionary<string, (int Rows, string Hash)> Tables)
{
    /// <summary>The tables whose rows differ, with their row counts before and after; empty when nothing changed.</summary>
    public IReadOnlyList<string> Differences(DataFingerprint after) =>
        Tables.Keys.Union(after.Tables.Keys)
            .Where(t => Tables.GetValueOrDefault(t) != after.Tables.GetValueOrDefault(t))
            .Select(t => $"{t} ({Tables.GetValueOrDefault(t).Rows} → {after.Tables.GetValueOrDefault(t).Rows} rows)")
            .ToList();

    // Keys the app writes for itself, whatever the requests: not the network's data.
    static readonly HashSet<string> Ignored = ["DataProtectionKeys", "__EFMigrationsHistory"];

    // A refused sign-in or password change counts toward the lockout, and must: that is the one change a rejected call
    // is meant to make. (The concurrency stamp changes with it.)
    static readonly HashSet<string> LockoutColumns = ["AccessFailedCount", "LockoutEnd", "ConcurrencyStamp"];

    public static async Task<DataFingerprint> TakeAsync(AlumniApp app, long tenantId, bool withSharedTables)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AlumniDb>();
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is { } name && !Ignored.Contains(name) && e.GetViewName() is null)
            .GroupBy(e => e.GetTableName()!)
            .Select(g => (Table: g.Key, TenantColumn: g.Any(e => e.FindProperty("TenantId") is not null) ? "TenantId"
                : g.Key == "Tenants" ? "Id" : null))
            .Where(t => t.TenantColumn is not null || withSharedTables)
            .OrderBy(t => t.Table, StringComparer.Ordinal)
            .ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(AppTest.Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(";\n", tables.Select(t =>
            $"SELECT * FROM \"{t.Table}\"" + (t.TenantColumn is null ? "" : $" WHERE \"{t.TenantColumn}\" = @tenant")));
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenantId;
        command.Parameters.Add(parameter);
        var result = new Dictionary<string, (int, string)>();
        await using var reader = await command.ExecuteReaderAsync(AppTest.Ct);
        foreach (var (table, _) in tables)
        {
            result[table] = await HashAsync(reader);
            await reader.NextResultAsync(AppTest.Ct);
        }
        return new DataFingerprint(result);
    }

    static async Task<(int, string)> HashAsync(DbDataReader reader)
    {
        var rows = new List<string>();
        var row = new StringBuilder();
        while (await reader.ReadAsync(AppTest.Ct))
        {
            row.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
                if (!LockoutColumns.Contains(reader.GetName(i))) row.Append(Text(reader.GetValue(i))).Append('\u001f');
            rows.Add(row.ToString());
        }
        rows.Sort(StringComparer.Ordinal);
        return (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))))[..16]);
    }

    static string Text(object value) => value switch
    {
        DBNull => "∅",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime d => d.ToString("o", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("o", CultureInfo.InvariantCulture),
        string s => s,
        System.Collections.IEnumerable items => string.Join('\u001d', items.Cast<object>().Select(Text)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
