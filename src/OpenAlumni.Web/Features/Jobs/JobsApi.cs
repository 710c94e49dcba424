using OpenAlumni.Web.Infrastructure.Tenancy;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Jobs;

public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/jobs").RequireAuthorization(Policies.Member).WithTags("Jobs").AddEndpointFilter(TenantFeatures.Require(TenantFeature.Jobs));
        api.MapGet("/", List).Produces<JobListDto>().ProducesValidationProblem();
        api.MapPost("/", Create).Produces<JobDto>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapGet("/{id:long}", Get).Produces<JobDetailDto>().ProducesProblem(404);
        api.MapPatch("/{id:long}", Update).Produces<JobDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/{id:long}/interest", Interest).Produces<JobDetailDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapDelete("/{id:long}/interest", Withdraw).Produces<JobDetailDto>().ProducesProblem(404);
        api.MapPost("/{id:long}/referrals", Refer).Produces<ReferralDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        var admin = app.MapGroup("/api/v1/admin/recruiters").RequireAuthorization(Policies.Admin).WithTags("Jobs");
        admin.MapGet("/", Recruiters).Produces<IReadOnlyList<RecruiterDto>>();
        admin.MapPut("/{memberId:long}", (long memberId, RecruiterInput input, JobService s, CancellationToken ct) => SetRecruiter(memberId, input.Recruiter, s, ct))
            .Produces<RecruiterDto>().ProducesProblem(404);
        return app;
    }

    static async Task<IResult> List(string? department, string? location, string? remote, string? q, string? status, int? page, JobService s, CancellationToken ct) =>
        (await s.ListAsync(department, location, remote, q, status, page ?? 1, ct)).ToHttpResult();

    static async Task<IResult> Create(JobInput input, JobService s, CancellationToken ct) =>
        (await s.CreateAsync(input, ct)).ToHttpResult(j => TypedResults.Created($"/api/v1/jobs/{j.Id}", j));

    static async Task<IResult> Get(long id, JobService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    static async Task<IResult> Update(long id, JobInput input, JobService s, CancellationToken ct) =>
        (await s.UpdateAsync(id, input, ct)).ToHttpResult();

    static async Task<IResult> Interest(long id, InterestInput? input, JobService s, CancellationToken ct) =>
        (await s.InterestAsync(id, input ?? new InterestInput(), ct)).ToHttpResult();

    static async Task<IResult> Withdraw(long id, JobService s, CancellationToken ct) =>
        (await s.WithdrawInterestAsync(id, ct)).ToHttpResult();

    static async Task<IResult> Refer(long id, ReferralInput input, JobService s, CancellationToken ct) =>
        (await s.ReferAsync(id, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/v1/jobs/{id}", r));

    static async Task<IResult> Recruiters(JobService s, CancellationToken ct) =>
        (await s.RecruitersAsync(ct)).ToHttpResult();

    static async Task<IResult> SetRecruiter(long memberId, bool recruiter, JobService s, CancellationToken ct) =>
        (await s.SetRecruiterAsync(memberId, recruiter, ct)).ToHttpResult();
}
