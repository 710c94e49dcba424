using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Infrastructure.Storage;

public sealed class StorageOptions
{
    /// <summary>
    /// <c>Disk</c> (the default): files under <see cref="Root"/> on this machine. <c>Database</c>: in the database's
    /// <c>StoredFiles</c> table, so that every node behind a load balancer serves every file without a shared disk.
    /// </summary>
    public string Provider { get; set; } = "Disk";

    public string Root { get; set; } = "App_Data/files";

    public bool InDatabase => string.Equals(Provider, "Database", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Stores uploaded files (already validated and re-encoded) under a tenant folder, on local disk or in the database
/// (<see cref="StorageOptions.Provider"/>). A file is named by its path, <c>{tenant}/{folder}/{guid}.{ext}</c>, in
/// both; callers keep that path on their row. Files are written at once, outside the caller's unit of work, as
/// files on disk always were: a row that fails to save leaves an unreferenced file, never a row without its file.
/// </summary>
public sealed class FileStore(IOptions<StorageOptions> options, IHostEnvironment env, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Where uploads live on disk (backups copy this folder). Unused when the files are in the database.</summary>
    public string Root => Path.IsPathRooted(options.Value.Root) ? options.Value.Root : Path.Combine(env.ContentRootPath, options.Value.Root);

    public bool InDatabase => options.Value.InDatabase;

    public async Task<string> SaveAsync(long tenantId, string folder, string extension, byte[] content, CancellationToken ct)
    {
        var relative = $"{tenantId}/{folder}/{Guid.NewGuid():N}{extension}";
        if (InDatabase)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AlumniDb>();
            db.Set<StoredFile>().Add(new StoredFile { TenantId = tenantId, Path = relative, Content = content, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            return relative;
        }
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, ct);
        return relative;
    }

    public async Task<Stream?> OpenAsync(string relative, CancellationToken ct)
    {
        if (InDatabase)
        {
            if (TenantOf(relative) is not { } tenantId) return null;
            await using var scope = scopes.CreateAsyncScope();
            var content = await scope.ServiceProvider.GetRequiredService<AlumniDb>().Set<StoredFile>()
                .Where(f => f.TenantId == tenantId && f.Path == relative).Select(f => f.Content).FirstOrDefaultAsync(ct);
            return content is null ? null : new MemoryStream(content, writable: false);
        }
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!full.StartsWith(Path.GetFullPath(Root), StringComparison.Ordinal) || !File.Exists(full)) return null;
        return File.OpenRead(full);
    }

    public async Task DeleteAsync(string? relative, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(relative)) return;
        if (InDatabase)
        {
            if (TenantOf(relative) is not { } tenantId) return;
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AlumniDb>().Set<StoredFile>()
                .Where(f => f.TenantId == tenantId && f.Path == relative).ExecuteDeleteAsync(ct);
            return;
        }
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (full.StartsWith(Path.GetFullPath(Root), StringComparison.Ordinal) && File.Exists(full)) File.Delete(full);
    }

    /// <summary>
    /// Copies every file under <see cref="Root"/> into the database, for an installation that moves to
    /// <c>Storage:Provider=Database</c> (more than one node): run it before the switch, and again after it, with the
    /// app stopped in between or not; a file already in the database is left as it is, so running it twice copies nothing.
    /// Files of a network that no longer exists are skipped.
    /// </summary>
    public async Task<(int Copied, int Present, int Skipped)> CopyDiskToDatabaseAsync(CancellationToken ct)
    {
        int copied = 0, present = 0, skipped = 0;
        if (!Directory.Exists(Root)) return (0, 0, 0);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlumniDb>();
        var tenants = (await db.Tenants.Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        foreach (var full in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Root, full).Replace('\\', '/');
            if (TenantOf(relative) is not { } tenantId || !tenants.Contains(tenantId) || relative.EndsWith(".tmp", StringComparison.Ordinal)) { skipped++; continue; }
            if (await db.Set<StoredFile>().AnyAsync(f => f.TenantId == tenantId && f.Path == relative, ct)) { present++; continue; }
            db.Set<StoredFile>().Add(new StoredFile { TenantId = tenantId, Path = relative, Content = await File.ReadAllBytesAsync(full, ct), CreatedAt = File.GetLastWriteTimeUtc(full) });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            copied++;
        }
        return (copied, present, skipped);
    }

    /// <summary>The tenant a path was saved under (its first segment), which the table is keyed by.</summary>
    static long? TenantOf(string relative) =>
        long.TryParse(relative.AsSpan(0, Math.Max(0, relative.IndexOf('/'))), out var id) ? id : null;
}

/// <summary>An uploaded file kept in the database (<c>Storage:Provider=Database</c>).</summary>
public sealed class StoredFile
{
    public long TenantId { get; set; }
    public string Path { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        // Keyed by tenant first, as every tenant-owned table is to be (distribution by tenant, docs/scaling.md).
        b.HasKey(f => new { f.TenantId, f.Path });
        b.Property(f => f.Path).HasMaxLength(300);
        b.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
