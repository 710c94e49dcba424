using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Channels;

public static class ChannelsApi
{
    public static IEndpointRouteBuilder MapChannelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/channels").RequireAuthorization(Policies.Admin).WithTags("Admin");
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/{id:long}", Get);
        api.MapPatch("/{id:long}", Update);
        api.MapDelete("/{id:long}", Delete);
        api.MapPost("/{id:long}/test", Test);
        return app;
    }

    /// <remarks>Each channel with its webhook's host and a masked tail (never the URL) and how its deliveries went.</remarks>
    static async Task<ApiResult<Ok<ChannelListDto>, Problem.Forbidden>> List(ChannelService s, CancellationToken ct) =>
        (await s.ListAsync(ct)).ToHttpResult();

    /// <remarks>
    /// <c>{kind: slack|teams|lineworks, url, language?: ja|en, events: [announcement, event, project, job], spaceId?}</c>. The URL must be
    /// https on the service's own host (hooks.slack.com; *.webhook.office.com, *.logic.azure.com or *.environment.api.powerplatform.com;
    /// webhook.worksmobile.com); it is stored encrypted and never returned.
    /// </remarks>
    static async Task<ApiResult<Created<ChannelDto>, Problem.Invalid, Problem.Forbidden>> Create(ChannelInput input, ChannelService s, CancellationToken ct) =>
        (await s.CreateAsync(input, ct)).ToHttpResult(c => TypedResults.Created($"/api/v1/admin/channels/{c.Id}", c));

    static async Task<ApiResult<Ok<ChannelDto>, Problem.Forbidden, Problem.NotFound>> Get(long id, ChannelService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    /// <remarks><c>{paused?, events?, language?, url?}</c>: pause or resume, change what it hears or its language, replace the URL.</remarks>
    static async Task<ApiResult<Ok<ChannelDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Update(long id, ChannelInput input, ChannelService s, CancellationToken ct) =>
        (await s.UpdateAsync(id, input, ct)).ToHttpResult();

    static async Task<ApiResult<NoContent, Problem.Forbidden, Problem.NotFound>> Delete(long id, ChannelService s, CancellationToken ct) =>
        (await s.DeleteAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent());

    /// <remarks>
    /// Posts a test message at once, in the channel's language: 200 <c>{delivered: true, receiverStatus}</c>; when the receiver refuses
    /// it or cannot be reached, 400 with the reason on <c>url</c> (its HTTP status, or that it did not answer).
    /// </remarks>
    static async Task<ApiResult<Ok<ChannelTestDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Test(long id, ChannelService s, CancellationToken ct) =>
        (await s.TestAsync(id, ct)).ToHttpResult();
}
