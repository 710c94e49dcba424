using OpenAlumni.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Jobs;

public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/jobs").RequireAuthorization(Policies.Member).WithTags("Jobs").AddEndpointFilter(TenantFeatures.Require(TenantFeature.Jobs));
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/{id:long}", Get);
        api.MapPatch("/{id:long}", Update);
        api.MapPost("/{id:long}/interest", Interest);
        api.MapDelete("/{id:long}/interest", Withdraw);
        api.MapPost("/{id:long}/referrals", Refer);

        var admin = app.MapGroup("/api/v1/admin/recruiters").RequireAuthorization(Policies.Admin).WithTags("Jobs");
        admin.MapGet("/", Recruiters);
        admin.MapPut("/{memberId:long}", (long memberId, RecruiterInput input, JobService s, CancellationToken ct) => SetRecruiter(memberId, input.Recruiter, s, ct));
        return app;
    }

    static async Task<ApiResult<Ok<JobListDto>, Problem.Invalid>> List(
        string? department, string? location, string? remote, string? q, string? status, int? page, JobService s, CancellationToken ct) =>
        (await s.ListAsync(department, location, remote, q, status, page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Created<JobDto>, Problem.Invalid, Problem.Forbidden>> Create(JobInput input, JobService s, CancellationToken ct) =>
        (await s.CreateAsync(input, ct)).ToHttpResult(j => TypedResults.Created($"/api/v1/jobs/{j.Id}", j));

    static async Task<ApiResult<Ok<JobDetailDto>, Problem.NotFound>> Get(long id, JobService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<JobDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Update(long id, JobInput input, JobService s, CancellationToken ct) =>
        (await s.UpdateAsync(id, input, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<JobDetailDto>, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Interest(
        long id, InterestInput? input, JobService s, CancellationToken ct) =>
        (await s.InterestAsync(id, input ?? new InterestInput(), ct)).ToHttpResult();

    static async Task<ApiResult<Ok<JobDetailDto>, Problem.NotFound>> Withdraw(long id, JobService s, CancellationToken ct) =>
        (await s.WithdrawInterestAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Created<ReferralDto>, Problem.Invalid, Problem.NotFound, Problem.Conflict>> Refer(
        long id, ReferralInput input, JobService s, CancellationToken ct) =>
        (await s.ReferAsync(id, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/v1/jobs/{id}", r));

    static async Task<ApiResult<Ok<IReadOnlyList<RecruiterDto>>>> Recruiters(JobService s, CancellationToken ct) =>
        (await s.RecruitersAsync(ct)).ToHttpResult();

    static async Task<ApiResult<Ok<RecruiterDto>, Problem.NotFound>> SetRecruiter(long memberId, bool recruiter, JobService s, CancellationToken ct) =>
        (await s.SetRecruiterAsync(memberId, recruiter, ct)).ToHttpResult();
}
