using Microsoft.AspNetCore.Http.HttpResults;
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
            ;
        return app;
    }

    static async Task<ApiResult<Ok<PageDto<AuditEntryDto>>, Problem.Invalid>> List(
        string? action, long? actor, string? targetType, string? targetId, DateOnly? from, DateOnly? to, int? page,
        AuditLog audit, CancellationToken ct) =>
        (await audit.ListAsync(new AuditQuery(action, actor, targetType, targetId, from, to, page ?? 1), ct)).ToHttpResult();
}
