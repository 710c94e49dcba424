using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Newsletters;

public static class NewslettersApi
{
    public static IEndpointRouteBuilder MapNewslettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/newsletters").RequireAuthorization(Policies.Admin).WithTags("Admin");
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/blocks", Blocks);
        api.MapGet("/{id:long}", Get);
        api.MapPatch("/{id:long}", Update);
        api.MapDelete("/{id:long}", Delete);
        api.MapPost("/{id:long}/preview", Preview);
        api.MapPost("/{id:long}/test", Test);
        api.MapPost("/{id:long}/schedule", Schedule);
        api.MapPost("/{id:long}/unschedule", Unschedule);
        app.MapPost("/api/v1/mail/bounces", Bounce).AllowAnonymous().DisableAntiforgery().WithTags("Mail");
        return app;
    }

    /// <remarks>Newest first, each with its status and counts.</remarks>
    static async Task<ApiResult<Ok<NewsletterListDto>, Problem.Invalid, Problem.Forbidden>> List(NewsletterService s, CancellationToken ct, int page = 1) =>
        (await s.ListAsync(page, ct)).ToHttpResult();

    /// <remarks>
    /// <c>{subject, body (Markdown), blocks?: [{kind: event|job|project|story, id}], audience?: {kind: everyone|segment|spaces, segment?, spaceIds?}, sendAt?}</c>:
    /// a draft. <c>sendAt</c> is ISO 8601 with offset and must lie ahead.
    /// </remarks>
    static async Task<ApiResult<Created<NewsletterDto>, Problem.Invalid, Problem.Forbidden>> Create(NewsletterInput input, NewsletterService s, CancellationToken ct) =>
        (await s.CreateAsync(input, ct)).ToHttpResult(n => TypedResults.Created($"/api/v1/admin/newsletters/{n.Id}", n));

    /// <remarks>The items blocks may show: upcoming events, open job openings, open side projects, featured stories.</remarks>
    static async Task<ApiResult<Ok<IReadOnlyList<BlockChoiceDto>>, Problem.Forbidden>> Blocks(NewsletterService s, CurrentMember current, CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin) return ApiProblem.Of(Result<bool>.Forbidden());
        return TypedResults.Ok(await s.ChoicesAsync(ct));
    }

    /// <remarks>With <c>recipients, delivered, bounced, capped, withheld</c>.</remarks>
    static async Task<ApiResult<Ok<NewsletterDto>, Problem.Forbidden, Problem.NotFound>> Get(long id, NewsletterService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    /// <remarks>A draft only (409 otherwise); fields left out stay.</remarks>
    static async Task<ApiResult<Ok<NewsletterDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Update(long id, NewsletterInput input, NewsletterService s, CancellationToken ct) =>
        (await s.UpdateAsync(id, input, ct)).ToHttpResult();

    static async Task<ApiResult<NoContent, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Delete(long id, NewsletterService s, CancellationToken ct) =>
        (await s.DeleteAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent());

    /// <remarks><c>{memberId?}</c>: what that member (or the first of the audience) would get: <c>subject, html, text, inAudience</c>.</remarks>
    static async Task<ApiResult<Ok<NewsletterPreviewDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Preview(long id, NewsletterService s, CancellationToken ct,
        [FromBody] PreviewInput? input = null) =>
        (await s.PreviewAsync(id, input, ct)).ToHttpResult();

    /// <remarks>Sends it, marked as a test, to the admin's own address; it counts nowhere.</remarks>
    static async Task<ApiResult<Ok<NewsletterTestDto>, Problem.Forbidden, Problem.NotFound>> Test(long id, NewsletterService s, CancellationToken ct) =>
        (await s.TestAsync(id, ct)).ToHttpResult();

    /// <remarks><c>{sendAt?}</c> (else the saved one): draft → scheduled. It goes out at <c>sendAt</c>, once.</remarks>
    static async Task<ApiResult<Ok<NewsletterDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Schedule(long id, NewsletterService s, CancellationToken ct,
        [FromBody] NewsletterInput? input = null) =>
        (await s.ScheduleAsync(id, input, ct)).ToHttpResult();

    /// <remarks>Scheduled → draft, before it goes out (409 once it is sending or sent).</remarks>
    static async Task<ApiResult<Ok<NewsletterDto>, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Unschedule(long id, NewsletterService s, CancellationToken ct) =>
        (await s.UnscheduleAsync(id, ct)).ToHttpResult();

    /// <remarks>
    /// For the mail provider: <c>{address, messageId, reason?}</c> with the shared secret (<c>Newsletters:Bounces:Secret</c>) in
    /// <c>X-Bounce-Secret</c>. Marks the address undeliverable in the message's network and counts the bounce on its newsletter.
    /// 404 when no secret is configured, 403 on a wrong one.
    /// </remarks>
    static async Task<ApiResult<NoContent, Problem.Invalid, Problem.NotFound, Problem.Forbidden>> Bounce(BounceInput input, Bounces bounces, HttpRequest request, CancellationToken ct)
    {
        if (!bounces.Enabled) return ApiProblem.NotFound();
        if (!bounces.Authentic(request.Headers["X-Bounce-Secret"].FirstOrDefault())) return ApiProblem.Of(Result<bool>.Forbidden());
        return (await bounces.ReportAsync(input, ct)).ToHttpResult(_ => TypedResults.NoContent());
    }
}
