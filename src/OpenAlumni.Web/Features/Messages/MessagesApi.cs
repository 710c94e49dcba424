using OpenAlumni.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Messages;

public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Member).WithTags("Messages").AddEndpointFilter(TenantFeatures.Require(TenantFeature.Messages));
        api.MapGet("/conversations", List);
        api.MapPost("/conversations", Start);
        api.MapGet("/conversations/{id:long}", Get);
        api.MapGet("/conversations/{id:long}/messages", Messages);
        api.MapPost("/conversations/{id:long}/messages", Send);
        api.MapGet("/messages/unread", async (MessageService s, CancellationToken ct) => TypedResults.Ok(new UnreadDto(await s.UnreadCountAsync(ct))));
        api.MapPost("/messages/{id:long}/reports", Report);
        api.MapGet("/me/blocks", async (BlockService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)));
        api.MapPost("/me/blocks", Block);
        api.MapDelete("/me/blocks/{memberId:long}", Unblock);

        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(Policies.Admin).WithTags("Messages");
        admin.MapGet("/message-reports", Reports);
        admin.MapPost("/message-reports/{id:long}/close", Close);

        // A connection ends with its sign-in (a bearer token's hour): it does not go on receiving after that.
        app.MapHub<MessagesHub>(MessagesHub.Path, o => o.CloseOnAuthenticationExpiration = true);
        return app;
    }

    static async Task<ApiResult<Ok<ConversationListDto>, Problem.Invalid>> List(int? page, MessageService s, CancellationToken ct) =>
        (await s.ListAsync(page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Created<ConversationCreatedDto>, Problem.Invalid, Problem.Forbidden>> Start(
        StartConversationInput input, MessageService s, CancellationToken ct) =>
        (await s.StartAsync(input, ct)).ToHttpResult(c => TypedResults.Created($"/api/v1/conversations/{c.Id}", c));

    static async Task<ApiResult<Ok<ConversationDto>, Problem.NotFound>> Get(long id, MessageService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<MessageListDto>, Problem.NotFound>> Messages(long id, long? after, MessageService s, CancellationToken ct) =>
        (await s.MessagesAsync(id, after ?? 0, ct)).ToHttpResult();

    static async Task<ApiResult<Created<MessageDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Send(
        long id, MessageInput input, MessageService s, CancellationToken ct) =>
        (await s.SendAsync(id, input, ct)).ToHttpResult(m => TypedResults.Created($"/api/v1/conversations/{id}/messages", m));

    static async Task<ApiResult<Created<MessageReportDto>, Problem.Invalid, Problem.NotFound, Problem.Conflict>> Report(
        long id, MessageReportInput input, MessageReportService s, CancellationToken ct) =>
        (await s.ReportAsync(id, input, ct)).ToHttpResult(r => TypedResults.Created("/api/v1/admin/message-reports", r));

    static async Task<ApiResult<Created<BlockDto>, Problem.Invalid, Problem.NotFound>> Block(BlockInput input, BlockService s, CancellationToken ct) =>
        (await s.BlockAsync(input.MemberId, ct)).ToHttpResult(b => TypedResults.Created("/api/v1/me/blocks", b));

    static async Task<ApiResult<NoContent, Problem.NotFound>> Unblock(long memberId, BlockService s, CancellationToken ct) =>
        (await s.UnblockAsync(memberId, ct)).ToHttpResult(_ => TypedResults.NoContent());

    static async Task<ApiResult<Ok<MessageReportListDto>, Problem.Invalid>> Reports(string? status, int? page, MessageReportService s, CancellationToken ct) =>
        (await s.ListAsync(status, page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<MessageReportDto>, Problem.NotFound, Problem.Conflict>> Close(
        long id, CloseReportInput? input, MessageReportService s, CancellationToken ct) =>
        (await s.CloseAsync(id, input ?? new CloseReportInput(null), ct)).ToHttpResult();
}
