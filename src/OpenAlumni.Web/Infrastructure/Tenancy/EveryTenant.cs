using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Web.Infrastructure.Tenancy;

/// <summary>
/// The one way background work reaches the networks: once per network, each in a scope of its own set to
/// that tenant, as a request would be. So a job uses the same services, tenant filter, write guard and
/// links as a page does, and never needs <c>IgnoreQueryFilters</c>. The price is one (indexed) query per
/// network per round, which is small beside what the round sends.
/// </summary>
public static class EveryTenant
{
    /// <param name="work">Gets the tenant's scope; links in its mail come from that scope's <see cref="Links.AppLinks"/>.</param>
    public static async Task ForEachAsync(IServiceProvider services, Func<IServiceProvider, Task> work, CancellationToken ct)
    {
        var db = services.GetRequiredService<AlumniDb>();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var tenants = await db.Tenants.AsNoTracking().Include(t => t.Hosts).ToListAsync(ct);
        foreach (var t in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(TenantInfo.From(t));
            await work(scope.ServiceProvider);
        }
    }
}
