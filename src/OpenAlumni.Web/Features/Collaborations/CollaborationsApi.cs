using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Collaborations;

public static class CollaborationsApi
{
    public static IEndpointRouteBuilder MapCollaborationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/collaborations").RequireAuthorization(Policies.Member).WithTags("Collaborations");
        api.MapGet("/", List).Produces<CollaborationListDto>().ProducesValidationProblem();
        api.MapPost("/", Create).Produces<CollaborationDetailDto>(201).ProducesValidationProblem();
        api.MapGet("/{id:long}", Get).Produces<CollaborationDetailDto>().ProducesProblem(404);
        api.MapPatch("/{id:long}", Update).Produces<CollaborationDetailDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/{id:long}/accept", (long id, CollaborationService s, CancellationToken ct) => Decide(id, true, s, ct))
            .Produces<CollaborationDetailDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:long}/decline", (long id, CollaborationService s, CancellationToken ct) => Decide(id, false, s, ct))
            .Produces<CollaborationDetailDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    static async Task<IResult> List(string? stage, string? status, int? page, CollaborationService s, CancellationToken ct) =>
        (await s.ListAsync(stage, status, page ?? 1, ct)).ToHttpResult();

    static async Task<IResult> Create(CollaborationInput input, CollaborationService s, CancellationToken ct) =>
        (await s.CreateAsync(input, ct)).ToHttpResult(c => TypedResults.Created($"/api/v1/collaborations/{c.Collaboration.Id}", c));

    static async Task<IResult> Get(long id, CollaborationService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    static async Task<IResult> Update(long id, CollaborationInput input, CollaborationService s, CancellationToken ct) =>
        (await s.UpdateAsync(id, input, ct)).ToHttpResult();

    static async Task<IResult> Decide(long id, bool accept, CollaborationService s, CancellationToken ct) =>
        (await s.DecideAsync(id, accept, ct)).ToHttpResult();
}
