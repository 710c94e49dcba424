using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Audit;

/// <summary>Read-only by design: the log has no endpoint that writes, edits or deletes an entry.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/audit", List).RequireAuthorization(Policies.Admin).WithTags("Admin")
            .Produces<PageDto<AuditEntryDto>>().ProducesValidationProblem();
        return app;
    }

    static async Task<IResult> List(string? action, long? actor, string? targetType, string? targetId, DateOnly? from, DateOnly? to, int? page,
        AuditLog audit, CancellationToken ct) =>
        (await audit.ListAsync(new AuditQuery(action, actor, targetType, targetId, from, to, page ?? 1), ct)).ToHttpResult();
}
