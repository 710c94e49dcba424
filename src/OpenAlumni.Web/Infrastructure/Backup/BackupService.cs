using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Storage;

namespace OpenAlumni.Web.Infrastructure.Backup;

/// <summary>
/// One archive (tar.gz) holds the whole installation: every network's database rows, the data-protection keys that
/// live among them, and the uploaded files. Restore checks the archive before it changes anything, and refuses to
/// overwrite a database that holds networks unless told to (<c>--force</c>).
/// </summary>
public sealed class BackupService(AlumniDb db, FileStore files, IConfiguration config, TimeProvider clock)
{
    const string FilesFolder = "files";
    string? PostgresBin => config["Backup:PostgresBin"];
    string Provider => db.Database.IsNpgsql() ? "Postgres" : "Sqlite";

    public async Task<BackupManifest> BackupAsync(string archive, CancellationToken ct)
    {
        if (File.Exists(archive)) throw new BackupException($"'{archive}' already exists; choose a new file name.");
        var staging = Directory.CreateTempSubdirectory("openalumni-backup").FullName;
        try
        {
            var connection = db.Database.GetConnectionString()!;
            if (db.Database.IsNpgsql()) await DatabaseDump.BackupPostgresAsync(connection, Path.Combine(staging, DatabaseDump.PostgresFile), PostgresBin, ct);
            else DatabaseDump.BackupSqlite(connection, Path.Combine(staging, DatabaseDump.SqliteFile));
            if (Directory.Exists(files.Root)) CopyTree(files.Root, Path.Combine(staging, FilesFolder));
            var migrations = await db.Database.GetAppliedMigrationsAsync(ct);
            var manifest = BackupManifest.Describe(staging, Provider, clock.GetUtcNow(), migrations.LastOrDefault());
            manifest.WriteTo(staging);
            // Written beside the target and moved into place, so that a cut-off run leaves no half archive under its name.
            var partial = archive + ".partial";
            await using (var output = File.Create(partial))
            await using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
                await TarFile.CreateFromDirectoryAsync(staging, gzip, includeBaseDirectory: false, ct);
            File.Move(partial, archive);
            return manifest;
        }
        finally { Directory.Delete(staging, recursive: true); }
    }

    /// <summary>How many networks the database holds now: a restore over them needs --force.</summary>
    public Task<int> NetworkCountAsync(CancellationToken ct) => db.Tenants.CountAsync(ct);

    public async Task<BackupManifest> RestoreAsync(string archive, bool force, CancellationToken ct)
    {
        if (!File.Exists(archive)) throw new BackupException($"'{archive}' not found.");
        var unpacked = Directory.CreateTempSubdirectory("openalumni-restore").FullName;
        try
        {
            try
            {
                await using var input = File.OpenRead(archive);
                await using var gzip = new GZipStream(input, CompressionMode.Decompress);
                // ExtractToDirectory refuses entries that would land outside the folder (../, absolute paths, links out).
                await TarFile.ExtractToDirectoryAsync(gzip, unpacked, overwriteFiles: false, ct);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or FormatException or UnauthorizedAccessException)
            {
                throw new BackupException($"'{archive}' is not a readable backup archive ({e.Message}).");
            }
            var (manifest, problem) = BackupManifest.Read(unpacked);
            if (manifest is null) throw new BackupException($"'{archive}': {problem}");
            if (manifest.Provider != Provider)
                throw new BackupException($"'{archive}' holds a {manifest.Provider} database; this installation runs on {Provider}.");
            var networks = await NetworkCountAsync(ct);
            if (networks > 0 && !force)
                throw new BackupException($"The database already holds {networks} network(s); restoring replaces all of them. Stop the app and add --force to go on.");

            var connection = db.Database.GetConnectionString()!;
            if (db.Database.IsNpgsql()) await DatabaseDump.RestorePostgresAsync(Path.Combine(unpacked, DatabaseDump.PostgresFile), connection, PostgresBin, ct);
            else DatabaseDump.RestoreSqlite(Path.Combine(unpacked, DatabaseDump.SqliteFile), connection);
            ReplaceFiles(Path.Combine(unpacked, FilesFolder));
            return manifest;
        }
        finally { Directory.Delete(unpacked, recursive: true); }
    }

    /// <summary>Swaps the upload folder for the archive's: the new tree is built beside it and renamed into place.</summary>
    void ReplaceFiles(string restored)
    {
        var root = Path.GetFullPath(files.Root).TrimEnd(Path.DirectorySeparatorChar);
        var incoming = root + ".restoring";
        var previous = root + ".before-restore";
        if (Directory.Exists(incoming)) Directory.Delete(incoming, recursive: true);
        if (Directory.Exists(restored)) CopyTree(restored, incoming); else Directory.CreateDirectory(incoming);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        if (Directory.Exists(root)) Directory.Move(root, previous);
        Directory.Move(incoming, root);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
    }

    static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
