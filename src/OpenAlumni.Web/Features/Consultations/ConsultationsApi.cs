using OpenAlumni.Web.Infrastructure.Tenancy;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Consultations;

public static class ConsultationsApi
{
    public static IEndpointRouteBuilder MapConsultationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/consultations").RequireAuthorization(Policies.Member).WithTags("Consultations").AddEndpointFilter(TenantFeatures.Require(TenantFeature.Consultations));
        api.MapPost("/", Create).Produces<ConsultationDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapGet("/", List).Produces<ConsultationListDto>().ProducesValidationProblem();
        api.MapGet("/{id:long}", Get).Produces<ConsultationDto>().ProducesProblem(404);
        api.MapPost("/{id:long}/accept", Accept).Produces<ConsultationDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:long}/propose", Propose).Produces<ConsultationDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:long}/decline", Decline).Produces<ConsultationDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        app.MapGet("/api/v1/admin/consultations/counts", Counts).RequireAuthorization(Policies.Admin).WithTags("Consultations").Produces<ConsultationCountsDto>();
        return app;
    }

    static async Task<IResult> Create(ConsultationInput input, ConsultationService s, CancellationToken ct) =>
        (await s.CreateAsync(input, ct)).ToHttpResult(c => TypedResults.Created($"/api/v1/consultations/{c.Id}", c));

    static async Task<IResult> List(string? box, int? page, ConsultationService s, CancellationToken ct) =>
        (await s.ListAsync(box ?? "received", page ?? 1, ct)).ToHttpResult();

    static async Task<IResult> Get(long id, ConsultationService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    static async Task<IResult> Accept(long id, ConsultationService s, CancellationToken ct) =>
        (await s.AcceptAsync(id, ct)).ToHttpResult();

    static async Task<IResult> Propose(long id, ProposeInput input, ConsultationService s, CancellationToken ct) =>
        (await s.ProposeAsync(id, input, ct)).ToHttpResult();

    static async Task<IResult> Decline(long id, DeclineInput? input, ConsultationService s, CancellationToken ct) =>
        (await s.DeclineAsync(id, input ?? new DeclineInput(null), ct)).ToHttpResult();

    static async Task<IResult> Counts(ConsultationService s, CancellationToken ct) =>
        (await s.CountsAsync(ct)).ToHttpResult();
}
