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
            // Readable by the operator only: the archive holds password hashes, the data-protection keys and personal data.
            var mode = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            if (File.Exists(partial)) File.Delete(partial);
            await using (var output = new FileStream(partial, mode))
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
            var databaseFile = db.Database.IsNpgsql() ? DatabaseDump.PostgresFile : DatabaseDump.SqliteFile;
            if (!manifest.Entries.Any(e => e.Path == databaseFile))
                throw new BackupException($"'{archive}' holds no database ({databaseFile}).");
            var networks = await NetworkCountAsync(ct);
            if (networks > 0 && !force)
                throw new BackupException($"The database already holds {networks} network(s); restoring replaces all of them. Stop the app and add --force to go on.");

            // The files are staged inside the upload root before the database is touched: a full disk stops the restore here,
            // with nothing changed.
            var staged = StageFiles(Path.Combine(unpacked, FilesFolder));
            var connection = db.Database.GetConnectionString()!;
            try
            {
                if (db.Database.IsNpgsql()) await DatabaseDump.RestorePostgresAsync(Path.Combine(unpacked, databaseFile), connection, PostgresBin, ct);
                else DatabaseDump.RestoreSqlite(Path.Combine(unpacked, databaseFile), connection);
            }
            catch
            {
                Directory.Delete(staged, recursive: true);
                throw;
            }
            SwapFiles(staged);
            return manifest;
        }
        finally { Directory.Delete(unpacked, recursive: true); }
    }

    const string Incoming = ".restore-incoming", Previous = ".restore-previous";

    /// <summary>Copies the archive's uploads into a folder inside the upload root (same volume, so the swap is renames).</summary>
    string StageFiles(string restored)
    {
        var incoming = Path.Combine(files.Root, Incoming);
        try
        {
            if (Directory.Exists(incoming)) Directory.Delete(incoming, recursive: true);
            Directory.CreateDirectory(incoming);
            if (Directory.Exists(restored)) CopyTree(restored, incoming);
            return incoming;
        }
        catch (IOException e)
        {
            if (Directory.Exists(incoming)) Directory.Delete(incoming, recursive: true);
            throw new BackupException($"The uploaded files could not be staged under {files.Root} ({e.Message}); nothing was changed.");
        }
    }

    /// <summary>
    /// Moves today's uploads aside and the staged ones into place, entry by entry inside the root, so that a root that is
    /// a mount point works too. The database is already restored: a failure here says where the files are.
    /// </summary>
    void SwapFiles(string incoming)
    {
        var previous = Path.Combine(files.Root, Previous);
        try
        {
            if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
            Directory.CreateDirectory(previous);
            foreach (var entry in Directory.EnumerateFileSystemEntries(files.Root).Where(e => Path.GetFileName(e) is not (Incoming or Previous)).ToList())
                MoveEntry(entry, Path.Combine(previous, Path.GetFileName(entry)));
            foreach (var entry in Directory.EnumerateFileSystemEntries(incoming).ToList())
                MoveEntry(entry, Path.Combine(files.Root, Path.GetFileName(entry)));
            Directory.Delete(incoming, recursive: true);
            Directory.Delete(previous, recursive: true);
        }
        catch (IOException e)
        {
            throw new BackupException($"The database was restored, but the uploaded files could not be swapped in ({e.Message}): " +
                $"the backup's files are in {incoming}, the earlier ones in {previous}. Move them by hand, or run the restore again.");
        }
    }

    static void MoveEntry(string from, string to)
    {
        if (Directory.Exists(from)) Directory.Move(from, to); else File.Move(from, to);
    }

    static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            // What a cut-off restore left behind in the upload root is not part of the uploads.
            if (Path.GetRelativePath(from, file).StartsWith(".restore-", StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
