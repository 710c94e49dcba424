using OpenAlumni.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Consultations;

public static class ConsultationsApi
{
    public static IEndpointRouteBuilder MapConsultationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/consultations").RequireAuthorization(Policies.Member).WithTags("Consultations").AddEndpointFilter(TenantFeatures.Require(TenantFeature.Consultations));
        api.MapPost("/", Create);
        api.MapGet("/", List);
        api.MapGet("/{id:long}", Get);
        api.MapPost("/{id:long}/accept", Accept);
        api.MapPost("/{id:long}/propose", Propose);
        api.MapPost("/{id:long}/decline", Decline);

        app.MapGet("/api/v1/admin/consultations/counts", Counts).RequireAuthorization(Policies.Admin).WithTags("Consultations");
        return app;
    }

    static async Task<ApiResult<Created<ConsultationDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Create(
        ConsultationInput input, ConsultationService s, CancellationToken ct) =>
        (await s.CreateAsync(input, ct)).ToHttpResult(c => TypedResults.Created($"/api/v1/consultations/{c.Id}", c));

    static async Task<ApiResult<Ok<ConsultationListDto>, Problem.Invalid>> List(string? box, int? page, ConsultationService s, CancellationToken ct) =>
        (await s.ListAsync(box ?? "received", page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<ConsultationDto>, Problem.NotFound>> Get(long id, ConsultationService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<ConsultationDto>, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Accept(
        long id, ConsultationService s, CancellationToken ct) =>
        (await s.AcceptAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<ConsultationDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Propose(
        long id, ProposeInput input, ConsultationService s, CancellationToken ct) =>
        (await s.ProposeAsync(id, input, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<ConsultationDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Decline(
        long id, DeclineInput? input, ConsultationService s, CancellationToken ct) =>
        (await s.DeclineAsync(id, input ?? new DeclineInput(null), ct)).ToHttpResult();

    static async Task<ApiResult<Ok<ConsultationCountsDto>>> Counts(ConsultationService s, CancellationToken ct) =>
        (await s.CountsAsync(ct)).ToHttpResult();
}
