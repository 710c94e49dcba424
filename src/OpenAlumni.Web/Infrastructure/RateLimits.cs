using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>
/// Fixed-window limits per client address and tenant (so one network's traffic does not spend another's).
/// Configured under RateLimiting:*; RateLimiting:Enabled=false switches them off for load tests.
/// </summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Registration = "registration";

    public static IServiceCollection AddAlumniRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddRateLimiter(o =>
        {
            // Read here, when the options are first used, so late configuration (tests) applies.
            var section = config.GetSection("RateLimiting");
            var enabled = section.GetValue("Enabled", true);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var texts = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ValidationTexts>>();
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                    await TypedResults.Problem(statusCode: 429, title: texts["Validation.TooManyRequests"]).ExecuteAsync(ctx.HttpContext);
                else
                {
                    ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                    await ctx.HttpContext.Response.WriteAsync(texts["Validation.TooManyRequests"], ct);
                }
            };
            Add(o, Login, section.GetValue("Login:PermitLimit", 10), section.GetValue("Login:WindowSeconds", 60), enabled);
            Add(o, Registration, section.GetValue("Registration:PermitLimit", 5), section.GetValue("Registration:WindowSeconds", 300), enabled);
        });
        return services;
    }

    static void Add(RateLimiterOptions o, string name, int permits, int seconds, bool enabled) =>
        o.AddPolicy(name, http =>
        {
            if (!enabled || HttpMethods.IsGet(http.Request.Method)) return RateLimitPartition.GetNoLimiter("off");
            // The tenant, not the raw Host header: "ACME.example" and "acme.example" are one bucket.
            var tenant = http.RequestServices.GetService<Infrastructure.Tenancy.ITenantContext>()?.TenantId ?? 0;
            var key = $"{tenant}|{http.Connection.RemoteIpAddress}";
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = TimeSpan.FromSeconds(seconds), QueueLimit = 0,
            });
        });
}
