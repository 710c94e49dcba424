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
        api.MapGet("/notifications", List).Produces<NotificationListDto>().ProducesValidationProblem();
        api.MapPost("/notifications/read", MarkRead).Produces(204);
        api.MapGet("/me/notification-settings", Settings).Produces<NotificationSettingsDto>();
        api.MapPut("/me/notification-settings", SaveSettings).Produces<NotificationSettingsDto>().ProducesValidationProblem();
        return app;
    }

    static async Task<IResult> List(int? page, NotificationService n, CancellationToken ct) =>
        (await n.ListAsync(page ?? 1, ct)).ToHttpResult();

    static async Task<IResult> MarkRead(MarkReadRequest? request, NotificationService n, CancellationToken ct)
    {
        await n.MarkReadAsync(request?.Ids, ct);
        return TypedResults.NoContent();
    }

    static async Task<IResult> Settings(NotificationService n, CancellationToken ct) => TypedResults.Ok(await n.SettingsAsync(ct));

    static async Task<IResult> SaveSettings(NotificationSettingsRequest request, NotificationService n, CancellationToken ct) =>
        (await n.SaveSettingsAsync(request.Delivery, ct)).ToHttpResult();
}
