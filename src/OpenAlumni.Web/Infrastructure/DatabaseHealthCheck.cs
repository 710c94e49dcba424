using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>/health is 200 only when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(AlumniDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            // Tenants are not tenant-filtered, so this works without a tenant in the request.
            await db.Tenants.AsNoTracking().AnyAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("database unavailable", e);
        }
    }
}
