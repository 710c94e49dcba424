using System.Security.Cryptography;
using System.Text.Json;

namespace OpenAlumni.Web.Infrastructure.Backup;

/// <summary>
/// What a backup archive holds: the database dump and each uploaded file, with its size and SHA-256, so that a
/// restore refuses a damaged or tampered archive before it touches anything.
/// </summary>
public sealed record BackupManifest(int Format, string Provider, DateTimeOffset CreatedAt, string? LastMigration, IReadOnlyList<BackupEntry> Entries)
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Lists every file under <paramref name="staging"/> (the manifest excepted) with its checksum.</summary>
    public static BackupManifest Describe(string staging, string provider, DateTimeOffset createdAt, string? lastMigration) =>
        new(CurrentFormat, provider, createdAt, lastMigration, Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(staging, f).Replace('\\', '/'))
            .Where(p => p != FileName)
            .Order(StringComparer.Ordinal)
            .Select(p => new BackupEntry(p, new FileInfo(Path.Combine(staging, p)).Length, Sha256(Path.Combine(staging, p))))
            .ToList());

    public void WriteTo(string staging) => File.WriteAllText(Path.Combine(staging, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>Reads the manifest of an unpacked archive, or says why it is not a usable backup.</summary>
    public static (BackupManifest? Manifest, string? Problem) Read(string unpacked)
    {
        var path = Path.Combine(unpacked, FileName);
        if (!File.Exists(path)) return (null, "not an OpenAlumni backup (no manifest).");
        BackupManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json); }
        catch (JsonException) { return (null, "the manifest is damaged."); }
        if (manifest?.Entries is null) return (null, "the manifest is damaged.");
        if (manifest.Format != CurrentFormat) return (null, $"backup format {manifest.Format} is not supported (this version reads {CurrentFormat}).");
        foreach (var entry in manifest.Entries)
        {
            var file = Path.Combine(unpacked, entry.Path);
            if (!File.Exists(file)) return (null, $"'{entry.Path}' is missing from the archive.");
            if (new FileInfo(file).Length != entry.Size || Sha256(file) != entry.Sha256) return (null, $"'{entry.Path}' does not match its checksum: the archive is damaged.");
        }
        return (manifest, null);
    }

    static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

public sealed record BackupEntry(string Path, long Size, string Sha256);
