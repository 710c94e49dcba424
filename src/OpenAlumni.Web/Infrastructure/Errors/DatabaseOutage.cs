using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Infrastructure.Errors;

/// <summary>
/// The database cannot be reached, or kept failing transiently until the execution strategy gave up: the answer is
/// 503 with Retry-After, which tells clients and proxies to come back shortly, not 500, which reads as a bug.
/// The API gets problem details in the user's language; a page gets the error page with 503 (the page pipeline
/// re-executes the error page, which keeps this status and shows its texts).
/// </summary>
public sealed class DatabaseOutage(IProblemDetailsService problems, IStringLocalizer<SharedTexts> texts) : IExceptionHandler
{
    /// <summary>Seconds a client should wait: about what a restart or failover of PostgreSQL takes.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Whether this request is the error page re-executed for an outage: nothing in it should ask the database again.</summary>
    public static bool IsShowing(HttpContext http) =>
        http.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && DbErrors.IsOutage(error);

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!DbErrors.IsOutage(exception)) return false;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!ErrorPages.IsApi(http)) return false;
        // The exception left the localization middleware's scope (or came before it, from the tenant's look-up).
        var tenant = http.RequestServices.GetService<ITenantContext>()?.Tenant;
        using var _ = Cultures.Use(await Cultures.OfRequestAsync(http, tenant?.DefaultCulture));
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = texts["Error503Title"], Detail = texts["Error503Text"] },
            Exception = exception,
        });
    }
}
