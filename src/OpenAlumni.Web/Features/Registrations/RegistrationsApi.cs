using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Registrations;

public static class RegistrationsApi
{
    public static IEndpointRouteBuilder MapRegistrationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/registrations").RequireAuthorization(Policies.Admin).WithTags("Admin");
        api.MapGet("/", List);
        api.MapPost("/{id:long}/approve", Approve);
        api.MapPost("/{id:long}/reject", Reject);
        return app;
    }

    static async Task<ApiResult<Ok<PageDto<PendingRegistrationDto>>, Problem.Invalid>> List(
        string? status, int? page, RegistrationService registrations, CancellationToken ct) =>
        (await registrations.ListAsync(status, page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<PendingRegistrationDto>, Problem.Invalid, Problem.NotFound, Problem.Conflict>> Approve(
        long id, DecisionRequest? request, RegistrationService registrations, CancellationToken ct) =>
        (await registrations.ApproveAsync(id, request?.Reason, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<PendingRegistrationDto>, Problem.Invalid, Problem.NotFound, Problem.Conflict>> Reject(
        long id, DecisionRequest? request, RegistrationService registrations, CancellationToken ct) =>
        (await registrations.RejectAsync(id, request?.Reason, ct)).ToHttpResult();
}
