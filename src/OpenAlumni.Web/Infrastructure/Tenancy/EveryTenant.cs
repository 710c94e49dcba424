using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Web.Infrastructure.Tenancy;

/// <summary>Background work that runs once per network: each in a scope of its own, set to that tenant, as a request would be.</summary>
public static class EveryTenant
{
    /// <param name="work">Gets the tenant's scope and the base URL of its first host (for links in mail).</param>
    public static async Task ForEachAsync(IServiceProvider services, IServiceScopeFactory scopes,
        Func<IServiceProvider, string, Task> work, CancellationToken ct)
    {
        var db = services.GetRequiredService<AlumniDb>();
        var tenants = await db.Tenants.AsNoTracking().Include(t => t.Hosts).ToListAsync(ct);
        foreach (var t in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            var info = TenantInfo.From(t);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(info);
            var baseUrl = info.Hosts.Count > 0 ? $"https://{info.Hosts[0]}" : "";
            await work(scope.ServiceProvider, baseUrl);
        }
    }
}
