using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Data;

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=App_Data/openalumni.db";

    public static bool IsPostgres(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Registers <see cref="AlumniDb"/> on SQLite (the embedded default) or PostgreSQL, by configuration.
    /// Both context types are registered and the choice is made when AlumniDb is resolved, so that
    /// configuration added late (tests, environment) is honoured.
    /// </summary>
    public static IHostApplicationBuilder AddAlumniDb(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddDbContext<PostgresAlumniDb>((sp, o) =>
        {
            var connection = sp.GetRequiredService<IConfiguration>().GetConnectionString("Alumni");
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Alumni is empty.");
            // A transient failure (a dropped connection, a restart, a failover) is retried a few times within about
            // two seconds (no wait, then up to 1 s twice), so that a blip passes unnoticed while a request never hangs
            // long when the server is really gone (then 503, DatabaseOutage). Explicit transactions go through
            // Transactions.InTransactionAsync, which the strategy can repeat as a whole.
            o.UseNpgsql(connection, npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null));
        });
        builder.Services.AddDbContext<SqliteAlumniDb>((sp, o) => o.UseSqlite(SqliteConnection(sp.GetRequiredService<IConfiguration>(), contentRoot))
            .AddInterceptors(SqliteSecureDelete.Instance));
        builder.Services.AddScoped<AlumniDb>(sp => IsPostgres(sp.GetRequiredService<IConfiguration>())
            ? sp.GetRequiredService<PostgresAlumniDb>()
            : sp.GetRequiredService<SqliteAlumniDb>());
        return builder;
    }

    static string SqliteConnection(IConfiguration config, string contentRoot)
    {
        var connection = config.GetConnectionString("Alumni");
        var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connection) ? DefaultSqlite : connection);
        if (!Path.IsPathRooted(csb.DataSource) && csb.DataSource != ":memory:")
        {
            csb.DataSource = Path.Combine(contentRoot, csb.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        // A busy timeout lets concurrent writers queue instead of failing with "database is locked".
        csb.DefaultTimeout = 30;
        return csb.ToString();
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlumniDb>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer writes; set once, it sticks to the file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// SQLite plans without statistics until ANALYZE runs, and then walks every member through a correlated subquery
    /// for the skill filter (a minute at 50,000 members; 0.15 s with statistics). Run at each start, after the
    /// migrations and the demo seed; analysis_limit keeps it to a sample, so it costs milliseconds.
    /// </summary>
    public static async Task RefreshStatisticsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlumniDb>();
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", ct);
    }

    /// <summary>
    /// After an erasure on SQLite: copies the write-ahead log into the database file and empties it, since the
    /// log's frames still hold the rows as they were (secure_delete zeroes them in the pages, not in old frames).
    /// Waits for a writer to finish; with a reader on an older snapshot the log is emptied by a later checkpoint.
    /// </summary>
    public static async Task FlushErasedAsync(AlumniDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        // The directory's FTS5 index keeps a deleted member's name grams in its segments until they are merged:
        // merge them now (rewrites the index; an erasure is rare), then empty the write-ahead log.
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "MemberSearchFts" ("MemberSearchFts") VALUES ('optimize');""", ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }
}

/// <summary>
/// Turns on secure_delete on each SQLite connection (it is a per-connection setting): deleted rows are
/// overwritten with zeros instead of staying readable in the file's free pages, so that "delete me" leaves
/// no copy of the member's address or name behind. Costs a little more writing on deletes.
/// </summary>
public sealed class SqliteSecureDelete : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Lets `dotnet ef migrations add X --context SqliteAlumniDb` build the model without the app.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAlumniDb>
{
    public SqliteAlumniDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAlumniDb>().UseSqlite("Data Source=design.db").Options, new TenantContext());
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresAlumniDb>
{
    public PostgresAlumniDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAlumniDb>().UseNpgsql("Host=localhost;Database=design").Options, new TenantContext());
}
