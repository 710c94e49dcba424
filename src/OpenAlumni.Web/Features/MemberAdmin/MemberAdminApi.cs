using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.MemberAdmin;

public static class MemberAdminApi
{
    public static IEndpointRouteBuilder MapMemberAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/members").RequireAuthorization(Policies.Admin).WithTags("Admin");
        api.MapGet("/", List).Produces<PageDto<AdminMemberDto>>().Produces(200, contentType: "text/csv").ProducesValidationProblem();
        api.MapGet("/{id:long}", Get);
        api.MapPatch("/{id:long}", Change);
        api.MapPost("/{id:long}/suspend", Suspend);
        api.MapPost("/{id:long}/reinstate", Reinstate);
        api.MapPost("/{id:long}/merge", Merge);
        return app;
    }

    static async Task<IResult> List(string? kind, string? status, string? department, int? activeDays, int? inactiveDays, string? openTo, string? q,
        int? page, string? format, MemberAdminService members, CancellationToken ct)
    {
        var filter = new MemberFilter(kind, status, department, activeDays, inactiveDays, openTo, q);
        if (format == "csv")
            return (await members.ExportAsync(filter, ct)).ToHttpResult(csv => TypedResults.File(csv, "text/csv; charset=utf-8", "members.csv"));
        return (await members.ListAsync(filter, page ?? 1, ct)).ToHttpResult();
    }

    static async Task<ApiResult<Ok<AdminMemberDto>, Problem.NotFound>> Get(long id, MemberAdminService members, CancellationToken ct) =>
        (await members.GetAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<AdminMemberDto>, Problem.Invalid, Problem.NotFound, Problem.Conflict>> Change(
        long id, ChangeMemberRequest request, MemberAdminService members, CancellationToken ct) =>
        (await members.ChangeAsync(id, request, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<AdminMemberDto>, Problem.Invalid, Problem.NotFound, Problem.Conflict>> Suspend(
        long id, SuspendRequest? request, MemberAdminService members, CancellationToken ct) =>
        (await members.SuspendAsync(id, request?.Reason, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<AdminMemberDto>, Problem.Invalid, Problem.NotFound, Problem.Conflict>> Reinstate(
        long id, SuspendRequest? request, MemberAdminService members, CancellationToken ct) =>
        (await members.ReinstateAsync(id, request?.Reason, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<AdminMemberDto>, Problem.Invalid, Problem.NotFound, Problem.Conflict>> Merge(
        long id, MergeRequest request, MemberAdminService members, CancellationToken ct) =>
        (await members.MergeAsync(id, request.DuplicateId, ct)).ToHttpResult();
}
