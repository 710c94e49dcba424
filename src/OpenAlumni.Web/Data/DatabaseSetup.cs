using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Data;

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=App_Data/openalumni.db";

    public static bool IsPostgres(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Registers <see cref="AlumniDb"/> on SQLite (the embedded default) or PostgreSQL, by configuration.</summary>
    public static IHostApplicationBuilder AddAlumniDb(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var connection = config.GetConnectionString("Alumni");
        if (IsPostgres(config))
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Alumni is empty.");
            builder.Services.AddDbContext<AlumniDb, PostgresAlumniDb>(o => o.UseNpgsql(connection));
        }
        else
        {
            connection = string.IsNullOrWhiteSpace(connection) ? DefaultSqlite : connection;
            var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
            if (!Path.IsPathRooted(csb.DataSource) && csb.DataSource != ":memory:")
            {
                csb.DataSource = Path.Combine(builder.Environment.ContentRootPath, csb.DataSource);
                Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
            }
            // A busy timeout lets concurrent writers queue instead of failing with "database is locked".
            csb.DefaultTimeout = 30;
            builder.Services.AddDbContext<AlumniDb, SqliteAlumniDb>(o => o.UseSqlite(csb.ToString()));
        }
        return builder;
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
