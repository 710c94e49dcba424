using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Collaborations;

public static class CollaborationsApi
{
    public static IEndpointRouteBuilder MapCollaborationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/collaborations").RequireAuthorization(Policies.Member).WithTags("Collaborations");
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/{id:long}", Get);
        api.MapPatch("/{id:long}", Update);
        api.MapPost("/{id:long}/accept", (long id, CollaborationService s, CancellationToken ct) => Decide(id, true, s, ct));
        api.MapPost("/{id:long}/decline", (long id, CollaborationService s, CancellationToken ct) => Decide(id, false, s, ct));
        return app;
    }

    static async Task<ApiResult<Ok<CollaborationListDto>, Problem.Invalid>> List(
        string? stage, string? status, int? page, CollaborationService s, CancellationToken ct) =>
        (await s.ListAsync(stage, status, page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Created<CollaborationDetailDto>, Problem.Invalid>> Create(CollaborationInput input, CollaborationService s, CancellationToken ct) =>
        (await s.CreateAsync(input, ct)).ToHttpResult(c => TypedResults.Created($"/api/v1/collaborations/{c.Collaboration.Id}", c));

    static async Task<ApiResult<Ok<CollaborationDetailDto>, Problem.NotFound>> Get(long id, CollaborationService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<CollaborationDetailDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Update(
        long id, CollaborationInput input, CollaborationService s, CancellationToken ct) =>
        (await s.UpdateAsync(id, input, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<CollaborationDetailDto>, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Decide(
        long id, bool accept, CollaborationService s, CancellationToken ct) =>
        (await s.DecideAsync(id, accept, ct)).ToHttpResult();
}
