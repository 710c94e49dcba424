using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Audit;

public static class AuditSetup
{
    /// <summary>The append-only log of admin actions, which every feature writes through <see cref="AuditLog"/>.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Audit", Policies.Admin));
        return builder;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app) => app.MapAuditApi();
}
