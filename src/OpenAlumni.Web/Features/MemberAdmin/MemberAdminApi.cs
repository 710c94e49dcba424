using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure.Localization;
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
        api.MapPost("/bulk", Bulk);
        api.MapPost("/export", ExportSelected).Produces(200, contentType: "text/csv");
        return app;
    }

    static async Task<IResult> List(string? kind, string? status, string? department, int? activeDays, int? inactiveDays, string? openTo, string? q,
        int? page, int? pageSize, string? format, MemberAdminService members, CancellationToken ct)
    {
        var filter = new MemberFilter(kind, status, department, activeDays, inactiveDays, openTo, q);
        if (format == "csv")
            return (await members.ExportAsync(filter, ct)).ToHttpResult(csv => TypedResults.File(csv, "text/csv; charset=utf-8", "members.csv"));
        return (await members.ListAsync(filter, page ?? 1, ct, pageSize ?? 50)).ToHttpResult();
    }

    /// <summary>Approves or suspends several members; each goes through the single action's rules and answers for itself.</summary>
    static async Task<ApiResult<Ok<BulkMembersResultDto>, Problem.Invalid>> Bulk(BulkMembersRequest request, MemberAdminService members,
        IStringLocalizer<ValidationTexts> texts, CancellationToken ct) =>
        (await members.BulkAsync(request, texts, ct)).ToHttpResult();

    /// <summary>The chosen members as the list's CSV (same columns as <c>GET ?format=csv</c>).</summary>
    static async Task<IResult> ExportSelected(ExportMembersRequest request, MemberAdminService members, CancellationToken ct) =>
        (await members.ExportAsync(new MemberFilter(), ct, request.MemberIds ?? [])).ToHttpResult(csv => TypedResults.File(csv, "text/csv; charset=utf-8", "members.csv"));

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
