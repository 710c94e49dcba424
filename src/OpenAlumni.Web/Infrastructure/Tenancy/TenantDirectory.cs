using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Web.Infrastructure.Tenancy;

/// <summary>Finds and creates tenants. Operator-level: tenants and hosts are not tenant-owned.</summary>
public sealed class TenantDirectory(AlumniDb db, IMemoryCache cache, Cluster.ClusterSignals cluster, TimeProvider clock, IOptions<TenancyOptions> options)
{
    static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The network a request to this host is for: the tenant that claims the host, else the configured
    /// default tenant, else none. The one rule for requests (the middleware) and hub calls alike.
    /// </summary>
    public async Task<TenantInfo?> ResolveAsync(string host, CancellationToken ct) =>
        await FindByHostAsync(host, ct)
        ?? (options.Value.DefaultTenant is { Length: > 0 } slug ? await FindBySlugAsync(slug, ct) : null);

    public Task<TenantInfo?> FindByHostAsync(string host, CancellationToken ct) =>
        cache.GetOrCreateAsync("tenant-host:" + host.ToLowerInvariant(), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            var h = host.ToLowerInvariant();
            var tenant = await db.Tenants.AsNoTracking().Include(t => t.Hosts)
                .Where(t => t.Hosts.Any(x => x.Host == h))
                .FirstOrDefaultAsync(ct);
            return tenant is null ? null : TenantInfo.From(tenant);
        });

    public Task<TenantInfo?> FindBySlugAsync(string slug, CancellationToken ct) =>
        cache.GetOrCreateAsync("tenant-slug:" + slug.ToLowerInvariant(), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            var s = slug.ToLowerInvariant();
            var tenant = await db.Tenants.AsNoTracking().Include(t => t.Hosts).FirstOrDefaultAsync(t => t.Slug == s, ct);
            return tenant is null ? null : TenantInfo.From(tenant);
        });

    /// <summary>Drops a tenant's cached info after its settings change, on every node, so the next request sees them.</summary>
    public void Forget(Tenant t) => cluster.Evict([.. t.Hosts.Select(h => "tenant-host:" + h.Host), "tenant-slug:" + t.Slug]);

    public async Task<Result<TenantInfo>> CreateAsync(string slug, string name, IEnumerable<string> hosts, string? employeeDomains, CancellationToken ct,
        string? timeZone = null, string? language = null)
    {
        var errors = new FieldErrors();
        slug = (slug ?? "").Trim().ToLowerInvariant();
        name = (name ?? "").Trim();
        var hostList = hosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Distinct().ToList();

        if (!System.Text.RegularExpressions.Regex.IsMatch(slug, "^[a-z0-9][a-z0-9-]{1,39}$"))
            errors.Add("slug", "Validation.SlugInvalid");
        else if (await db.Tenants.AnyAsync(t => t.Slug == slug, ct))
            errors.Add("slug", "Validation.SlugTaken");
        if (name.Length == 0) errors.Add("name", "Validation.Required");
        else if (name.Length > 200) errors.Add("name", "Validation.TooLong", 200);
        var domainList = (employeeDomains ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => d.ToLowerInvariant()).Distinct().ToList();
        if (domainList.Any(d => Uri.CheckHostName(d) != UriHostNameType.Dns) || string.Join(',', domainList).Length > 1000)
            errors.Add("employeeDomains", "Validation.HostInvalid");
        timeZone = string.IsNullOrWhiteSpace(timeZone) ? "Asia/Tokyo" : timeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)) errors.Add("timeZone", "Validation.TimeZoneInvalid");
        language = string.IsNullOrWhiteSpace(language) ? "ja" : language.Trim().ToLowerInvariant();
        if (language is not ("ja" or "en")) errors.Add("language", "Validation.OneOf", "ja, en");
        foreach (var h in hostList)
        {
            if (Uri.CheckHostName(h) == UriHostNameType.Unknown)
                errors.Add("host", "Validation.HostInvalid");
            else if (await db.Set<TenantHost>().AnyAsync(x => x.Host == h, ct))
                errors.Add("host", "Validation.HostTaken");
        }
        if (errors.Any) return errors;

        var tenant = new Tenant
        {
            Slug = slug, Name = name, CreatedAt = clock.GetUtcNow(), TimeZone = timeZone, DefaultCulture = language,
            EmployeeDomains = string.Join(',', domainList),
            Hosts = hostList.Select(h => new TenantHost { Host = h }).ToList(),
        };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);
        // A host may have been asked for (and remembered as unknown, on any node) before this tenant claimed it.
        cluster.Evict([.. hostList.Select(h => "tenant-host:" + h), "tenant-slug:" + slug]);
        return TenantInfo.From(tenant);
    }
}
