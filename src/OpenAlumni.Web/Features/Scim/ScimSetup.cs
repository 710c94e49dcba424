using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Web.Features.Scim;

public static class ScimSetup
{
    /// <summary>Leavers from the HR system over SCIM 2.0: tokens, /scim/v2/Users into the roster, and the last-day invitation.</summary>
    public static WebApplicationBuilder AddScim(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ScimTokenService>();
        builder.Services.AddScoped<ScimUserService>();
        builder.Services.AddScoped<LeaverInvitations>();
        builder.Services.AddSingleton<IPeriodicJob, LeaverInvitationJob>();
        var config = builder.Configuration;
        // An HR system's first sync sends every leaver at once (Entra ID: a few requests a second per app), so the limit is per
        // network and generous; it stops a leaked token from flooding the roster, not a sync.
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(ScimApi.RateLimit, http =>
        {
            var section = config.GetSection("RateLimiting");
            if (!section.GetValue("Enabled", true)) return RateLimitPartition.GetNoLimiter("off");
            var tenant = http.RequestServices.GetService<Infrastructure.Tenancy.ITenantContext>()?.TenantId ?? 0;
            return RateLimitPartition.GetFixedWindowLimiter("scim|" + tenant, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = section.GetValue("Scim:PermitLimit", 1200), Window = TimeSpan.FromSeconds(section.GetValue("Scim:WindowSeconds", 60)), QueueLimit = 0,
            });
        }));
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Scim", Policies.Admin));
        return builder;
    }

    public static IEndpointRouteBuilder MapScim(this IEndpointRouteBuilder app) => app.MapScimApi();
}
