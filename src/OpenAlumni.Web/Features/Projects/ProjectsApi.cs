using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Projects;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects").RequireAuthorization(Policies.Member).WithTags("Projects").AddEndpointFilter(TenantFeatures.Require(TenantFeature.Projects));
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/{id:long}", Get);
        api.MapPatch("/{id:long}", Update);
        api.MapPost("/{id:long}/applications", Apply);
        api.MapDelete("/{id:long}/applications/mine", Withdraw);
        api.MapGet("/{id:long}/applications", Applications);
        api.MapPatch("/{id:long}/applications/{appId:long}", Decide);
        api.MapPost("/{id:long}/applications/{appId:long}/engage", Engage);
        return app;
    }

    /// <remarks>Open projects (<c>status=closed</c>: past ones; <c>mine=true</c>: those I posted, drafts too); a member open to side projects gets those matching their skills first.</remarks>
    static async Task<ApiResult<Ok<ProjectListDto>, Problem.Invalid>> List(string? q, string? remote, string? status, bool? mine, int? page, ProjectService s, CancellationToken ct) =>
        (await s.ListAsync(q, remote, status, mine ?? false, page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Created<ProjectDto>, Problem.Invalid>> Create(ProjectInput input, ProjectService s, CancellationToken ct) =>
        (await s.CreateAsync(input, ct)).ToHttpResult(p => TypedResults.Created($"/api/v1/projects/{p.Id}", p));

    static async Task<ApiResult<Ok<ProjectDto>, Problem.NotFound>> Get(long id, ProjectService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<ProjectDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Update(long id, ProjectInput input, ProjectService s, CancellationToken ct) =>
        (await s.UpdateAsync(id, input, ct)).ToHttpResult();

    /// <remarks>Once per member, while the project is open (409 after); not by its poster (403). The poster is mailed.</remarks>
    static async Task<ApiResult<Created<MyApplicationDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Apply(
        long id, ApplicationInput input, ProjectService s, CancellationToken ct) =>
        (await s.ApplyAsync(id, input, ct)).ToHttpResult(a => TypedResults.Created($"/api/v1/projects/{id}", a));

    static async Task<ApiResult<Ok<MyApplicationDto>, Problem.NotFound, Problem.Conflict>> Withdraw(long id, ProjectService s, CancellationToken ct) =>
        (await s.WithdrawAsync(id, ct)).ToHttpResult();

    /// <remarks>For the poster and the secretariat.</remarks>
    static async Task<ApiResult<Ok<IReadOnlyList<ApplicationDto>>, Problem.Forbidden, Problem.NotFound>> Applications(long id, ProjectService s, CancellationToken ct) =>
        (await s.ApplicationsAsync(id, ct)).ToHttpResult();

    /// <remarks><c>{status: shortlisted|declined, answer}</c>; the applicant is mailed. A decided application is 409.</remarks>
    static async Task<ApiResult<Ok<ApplicationDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Decide(
        long id, long appId, DecisionInput input, ProjectService s, CancellationToken ct) =>
        (await s.DecideAsync(id, appId, input, ct)).ToHttpResult();

    /// <remarks>Engages the applicant and records the engagement in the outcome ledger (a side project from this project); <c>{valueYen?}</c>.</remarks>
    static async Task<ApiResult<Ok<ApplicationDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Engage(
        long id, long appId, EngageInput? input, ProjectService s, CancellationToken ct) =>
        (await s.EngageAsync(id, appId, input ?? new EngageInput(), ct)).ToHttpResult();
}
