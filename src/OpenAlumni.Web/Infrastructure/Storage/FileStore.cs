namespace OpenAlumni.Web.Infrastructure.Storage;

public sealed class StorageOptions
{
    public string Root { get; set; } = "App_Data/files";
}

/// <summary>Stores uploaded files (already validated and re-encoded) on local disk under a tenant folder.</summary>
public sealed class FileStore(Microsoft.Extensions.Options.IOptions<StorageOptions> options, IHostEnvironment env)
{
    /// <summary>Where uploads live on disk (backups copy this folder).</summary>
    public string Root => Path.IsPathRooted(options.Value.Root) ? options.Value.Root : Path.Combine(env.ContentRootPath, options.Value.Root);

    public async Task<string> SaveAsync(long tenantId, string folder, string extension, byte[] content, CancellationToken ct)
    {
        var relative = Path.Combine(tenantId.ToString(), folder, Guid.NewGuid().ToString("N") + extension);
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, ct);
        return relative.Replace('\\', '/');
    }

    public Stream? Open(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!full.StartsWith(Path.GetFullPath(Root), StringComparison.Ordinal) || !File.Exists(full)) return null;
        return File.OpenRead(full);
    }

    public void Delete(string? relative)
    {
        if (string.IsNullOrEmpty(relative)) return;
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (full.StartsWith(Path.GetFullPath(Root), StringComparison.Ordinal) && File.Exists(full)) File.Delete(full);
    }
}
