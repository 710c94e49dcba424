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
        api.MapGet("/{id:long}", Get).Produces<AdminMemberDto>().ProducesProblem(404);
        api.MapPatch("/{id:long}", Change).Produces<AdminMemberDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:long}/suspend", Suspend).Produces<AdminMemberDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:long}/reinstate", Reinstate).Produces<AdminMemberDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:long}/merge", Merge).Produces<AdminMemberDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
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

    static async Task<IResult> Get(long id, MemberAdminService members, CancellationToken ct) =>
        (await members.GetAsync(id, ct)).ToHttpResult();

    static async Task<IResult> Change(long id, ChangeMemberRequest request, MemberAdminService members, CancellationToken ct) =>
        (await members.ChangeAsync(id, request, ct)).ToHttpResult();

    static async Task<IResult> Suspend(long id, SuspendRequest? request, MemberAdminService members, CancellationToken ct) =>
        (await members.SuspendAsync(id, request?.Reason, ct)).ToHttpResult();

    static async Task<IResult> Reinstate(long id, SuspendRequest? request, MemberAdminService members, CancellationToken ct) =>
        (await members.ReinstateAsync(id, request?.Reason, ct)).ToHttpResult();

    static async Task<IResult> Merge(long id, MergeRequest request, MemberAdminService members, CancellationToken ct) =>
        (await members.MergeAsync(id, request.DuplicateId, ct)).ToHttpResult();
}
