namespace OpenAlumni.Web.Infrastructure.Tenancy;

public sealed class TenancyOptions
{
    /// <summary>Slug of the tenant served for a host that no tenant claims (single-company deployments).</summary>
    public string? DefaultTenant { get; set; }
}

/// <summary>
/// Resolves the tenant from the request's host name once, before anything else runs. The Host header is
/// trusted because the deployment's reverse proxy only forwards the host names it serves; a host that no
/// tenant claims gets 404 unless a default tenant is configured.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    static readonly string[] TenantFreePaths = ["/health", "/openapi", "/css", "/js", "/lib", "/favicon.ico", "/img"];

    public async Task InvokeAsync(HttpContext http, TenantContext context, TenantDirectory directory)
    {
        // The error page of a database outage is shown without its network: the network cannot be read either.
        if (Errors.DatabaseOutage.IsShowing(http))
        {
            await next(http);
            return;
        }
        var tenant = await directory.ResolveAsync(http.Request.Host.Host, http.RequestAborted);

        if (tenant is not null)
            context.Set(tenant);
        else if (!TenantFreePaths.Any(p => http.Request.Path.StartsWithSegments(p)))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            if (http.Request.Path.StartsWithSegments("/api"))
                await Results.Problem(statusCode: 404, title: "No network is served at this address.").ExecuteAsync(http);
            else
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync("<!doctype html><html lang=\"ja\"><meta charset=\"utf-8\"><title>OpenAlumni</title><body style=\"font-family:sans-serif;padding:3rem\"><h1>このアドレスにはネットワークがありません</h1><p>No network is served at this address.</p></body></html>");
            }
            return;
        }
        await next(http);
    }
}
