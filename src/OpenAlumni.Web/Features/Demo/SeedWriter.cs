using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// Writes batches of generated members (each with its login, career and tags) straight to the database,
/// one transaction per batch: if anything fails, nothing of that batch is left behind. This bypasses
/// <see cref="AlumniDb.SaveChangesAsync(bool, CancellationToken)"/> and with it the tenant stamping and
/// check, so the same check is made here: every row must already carry the current tenant's id.
/// Column lists and stored values come from <see cref="SeedTables"/>.
/// </summary>
internal abstract class SeedWriter(AlumniDb db)
{
    protected AlumniDb Db => db;

    public static SeedWriter For(AlumniDb db) => db.Database.IsNpgsql() ? new PostgresSeedWriter(db) : new SqliteSeedWriter(db);

    /// <summary>How many batches may be written at once; each concurrent call has its own connection.</summary>
    public virtual int Parallelism => 1;

    public Task WriteAsync(IReadOnlyList<Member> batch, CancellationToken ct)
    {
        CheckTenant(batch);
        return WriteBatchAsync(batch, ct);
    }

    /// <summary>Writes the users, members, career entries and tags of a batch in one transaction.</summary>
    protected abstract Task WriteBatchAsync(IReadOnlyList<Member> batch, CancellationToken ct);

    /// <summary>Gives a member its id, and its career entries and tags the id to point to.</summary>
    protected static void SetId(Member m, long id)
    {
        m.Id = id;
        foreach (var c in m.Career) c.MemberId = id;
        foreach (var t in m.Tags) t.MemberId = id;
    }

    void CheckTenant(IReadOnlyList<Member> batch)
    {
        var tenantId = db.CurrentTenantId;
        if (tenantId == 0
            || batch.Any(m => m.TenantId != tenantId || m.Career.Any(c => c.TenantId != tenantId) || m.Tags.Any(t => t.TenantId != tenantId)))
            throw new InvalidOperationException("Refusing to write members outside their tenant.");
    }
}
