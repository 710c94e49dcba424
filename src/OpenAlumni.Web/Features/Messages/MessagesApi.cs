using OpenAlumni.Web.Infrastructure.Tenancy;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Messages;

public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Member).WithTags("Messages").AddEndpointFilter(TenantFeatures.Require(TenantFeature.Messages));
        api.MapGet("/conversations", List).Produces<ConversationListDto>().ProducesValidationProblem();
        api.MapPost("/conversations", Start).Produces<ConversationCreatedDto>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapGet("/conversations/{id:long}", Get).Produces<ConversationDto>().ProducesProblem(404);
        api.MapGet("/conversations/{id:long}/messages", Messages).Produces<MessageListDto>().ProducesProblem(404);
        api.MapPost("/conversations/{id:long}/messages", Send).Produces<MessageDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/messages/unread", async (MessageService s, CancellationToken ct) => TypedResults.Ok(new UnreadDto(await s.UnreadCountAsync(ct)))).Produces<UnreadDto>();
        api.MapPost("/messages/{id:long}/reports", Report).Produces<MessageReportDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapGet("/me/blocks", async (BlockService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct))).Produces<IReadOnlyList<BlockDto>>();
        api.MapPost("/me/blocks", Block).Produces<BlockDto>(201).ProducesValidationProblem().ProducesProblem(404);
        api.MapDelete("/me/blocks/{memberId:long}", Unblock).Produces(204).ProducesProblem(404);

        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(Policies.Admin).WithTags("Messages");
        admin.MapGet("/message-reports", Reports).Produces<MessageReportListDto>().ProducesValidationProblem();
        admin.MapPost("/message-reports/{id:long}/close", Close).Produces<MessageReportDto>().ProducesProblem(404).ProducesProblem(409);

        // A connection ends with its sign-in (a bearer token's hour): it does not go on receiving after that.
        app.MapHub<MessagesHub>(MessagesHub.Path, o => o.CloseOnAuthenticationExpiration = true);
        return app;
    }

    static async Task<IResult> List(int? page, MessageService s, CancellationToken ct) =>
        (await s.ListAsync(page ?? 1, ct)).ToHttpResult();

    static async Task<IResult> Start(StartConversationInput input, MessageService s, CancellationToken ct) =>
        (await s.StartAsync(input, ct)).ToHttpResult(c => TypedResults.Created($"/api/v1/conversations/{c.Id}", c));

    static async Task<IResult> Get(long id, MessageService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    static async Task<IResult> Messages(long id, long? after, MessageService s, CancellationToken ct) =>
        (await s.MessagesAsync(id, after ?? 0, ct)).ToHttpResult();

    static async Task<IResult> Send(long id, MessageInput input, MessageService s, CancellationToken ct) =>
        (await s.SendAsync(id, input, ct)).ToHttpResult(m => TypedResults.Created($"/api/v1/conversations/{id}/messages", m));

    static async Task<IResult> Report(long id, MessageReportInput input, MessageReportService s, CancellationToken ct) =>
        (await s.ReportAsync(id, input, ct)).ToHttpResult(r => TypedResults.Created("/api/v1/admin/message-reports", r));

    static async Task<IResult> Block(BlockInput input, BlockService s, CancellationToken ct) =>
        (await s.BlockAsync(input.MemberId, ct)).ToHttpResult(b => TypedResults.Created("/api/v1/me/blocks", b));

    static async Task<IResult> Unblock(long memberId, BlockService s, CancellationToken ct) =>
        (await s.UnblockAsync(memberId, ct)).ToHttpResult(_ => TypedResults.NoContent());

    static async Task<IResult> Reports(string? status, int? page, MessageReportService s, CancellationToken ct) =>
        (await s.ListAsync(status, page ?? 1, ct)).ToHttpResult();

    static async Task<IResult> Close(long id, CloseReportInput? input, MessageReportService s, CancellationToken ct) =>
        (await s.CloseAsync(id, input ?? new CloseReportInput(null), ct)).ToHttpResult();
}
