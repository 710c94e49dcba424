using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Registrations;

public static class RegistrationsApi
{
    public static IEndpointRouteBuilder MapRegistrationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/registrations").RequireAuthorization(Policies.Admin).WithTags("Admin");
        api.MapGet("/", List).Produces<PageDto<PendingRegistrationDto>>().ProducesValidationProblem();
        api.MapPost("/{id:long}/approve", Approve).Produces<PendingRegistrationDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:long}/reject", Reject).Produces<PendingRegistrationDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    static async Task<IResult> List(string? status, int? page, RegistrationService registrations, CancellationToken ct) =>
        (await registrations.ListAsync(status, page ?? 1, ct)).ToHttpResult();

    static async Task<IResult> Approve(long id, DecisionRequest? request, RegistrationService registrations, CancellationToken ct) =>
        (await registrations.ApproveAsync(id, request?.Reason, ct)).ToHttpResult();

    static async Task<IResult> Reject(long id, DecisionRequest? request, RegistrationService registrations, CancellationToken ct) =>
        (await registrations.RejectAsync(id, request?.Reason, ct)).ToHttpResult();
}
