using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Notifications;

public sealed record MarkReadRequest(IReadOnlyList<long>? Ids);
public sealed record NotificationSettingsRequest(IReadOnlyDictionary<string, string>? Delivery);

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Member).WithTags("Notifications");
        api.MapGet("/notifications", List);
        api.MapPost("/notifications/read", MarkRead);
        api.MapGet("/me/notification-settings", Settings);
        api.MapPut("/me/notification-settings", SaveSettings);
        return app;
    }

    static async Task<ApiResult<Ok<NotificationListDto>, Problem.Invalid>> List(int? page, NotificationService n, CancellationToken ct) =>
        (await n.ListAsync(page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<NoContent, Problem.Invalid>> MarkRead(MarkReadRequest? request, NotificationService n, CancellationToken ct) =>
        (await n.MarkReadAsync(request?.Ids, ct)).ToHttpResult(_ => TypedResults.NoContent());

    static async Task<Ok<NotificationSettingsDto>> Settings(NotificationService n, CancellationToken ct) => TypedResults.Ok(await n.SettingsAsync(ct));

    static async Task<ApiResult<Ok<NotificationSettingsDto>, Problem.Invalid>> SaveSettings(
        NotificationSettingsRequest request, NotificationService n, CancellationToken ct) =>
        (await n.SaveSettingsAsync(request.Delivery, ct)).ToHttpResult();
}
