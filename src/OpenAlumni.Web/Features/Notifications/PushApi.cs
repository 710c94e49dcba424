using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Notifications;

/// <summary>Web push: the key a browser subscribes with, and my subscribed browsers.</summary>
public static class PushApi
{
    public static IEndpointRouteBuilder MapPushApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Member).WithTags("Notifications");
        api.MapGet("/push/public-key", PublicKey);
        api.MapGet("/me/push-subscriptions", List);
        api.MapPost("/me/push-subscriptions", Subscribe);
        api.MapDelete("/me/push-subscriptions/{id:long}", Remove);
        return app;
    }

    static async Task<Ok<PushPublicKeyDto>> PublicKey(PushSubscriptionService s, CancellationToken ct) => TypedResults.Ok(await s.PublicKeyAsync(ct));

    static async Task<Ok<PushSubscriptionListDto>> List(PushSubscriptionService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct));

    static async Task<ApiResult<Created<PushSubscriptionDto>, Problem.Invalid>> Subscribe(PushSubscriptionInput? input, PushSubscriptionService s, CancellationToken ct) =>
        (await s.SubscribeAsync(input, ct)).ToHttpResult(d => TypedResults.Created($"/api/v1/me/push-subscriptions/{d.Id}", d));

    static async Task<ApiResult<NoContent, Problem.NotFound>> Remove(long id, PushSubscriptionService s, CancellationToken ct) =>
        (await s.RemoveAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent());
}
