using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Data;

/// <summary>
/// The one DbContext. Every <see cref="ITenantOwned"/> entity is filtered by the current tenant, and a
/// tenant-owned row can only be written inside its own tenant. Logins (Identity users) are global: one
/// login may hold memberships in several tenants.
/// Two subclasses exist only so that each provider keeps its own migrations (EF binds migrations to a
/// context type): <see cref="SqliteAlumniDb"/> and <see cref="PostgresAlumniDb"/>.
/// </summary>
public abstract class AlumniDb(DbContextOptions options, ITenantContext tenant) : IdentityDbContext<AppUser>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies, tokens and mailed links: in the database, so every instance and restart shares them.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Member> Members => Set<Member>();

    /// <summary>Read by the query filters on every query, so it follows the scope's tenant.</summary>
    public long CurrentTenantId => tenant.TenantId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AlumniDb).Assembly, t => t.Namespace?.StartsWith("OpenAlumni.Web") == true);
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.PreferredCulture).HasMaxLength(8);
            // Identity's email index is not unique; two registrations racing for one address must not both win.
            b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        });
        if (Database.IsNpgsql())
        {
            MemberConfiguration.ConfigurePostgres(builder);
            Features.Posts.PostConfiguration.ConfigurePostgres(builder);
        }
        else
        {
            MemberConfiguration.ConfigureSqlite(builder);
            Features.Posts.PostConfiguration.ConfigureSqlite(builder);
        }

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            var method = typeof(AlumniDb).GetMethod(nameof(TenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type.ClrType);
            builder.Entity(type.ClrType).HasQueryFilter((LambdaExpression)method.Invoke(this, null)!);
        }
        if (Database.IsNpgsql()) DistributionByTenant.Apply(builder.Model);
    }

    Expression<Func<T, bool>> TenantFilter<T>() where T : ITenantOwned => e => e.TenantId == CurrentTenantId;

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        StampTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    void StampTenant()
    {
        // The audit log is append-only; the migrations add triggers that refuse the same below the app.
        if (ChangeTracker.Entries<Features.Audit.AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit entries are append-only.");
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.TenantId == 0)
                entry.Entity.TenantId = CurrentTenantId;
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && (CurrentTenantId == 0 || entry.Entity.TenantId != CurrentTenantId))
                throw new InvalidOperationException($"Refusing to write {entry.Metadata.ClrType.Name} outside its tenant.");
        }
    }
}

public sealed class SqliteAlumniDb(DbContextOptions<SqliteAlumniDb> options, ITenantContext tenant) : AlumniDb(options, tenant)
{
    /// <summary>SQLite has no date type: stored as UTC ticks so that ordering and comparing happen in SQL.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAlumniDb(DbContextOptions<PostgresAlumniDb> options, ITenantContext tenant) : AlumniDb(options, tenant);
