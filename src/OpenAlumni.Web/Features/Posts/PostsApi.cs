using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Posts;

public static class PostsApi
{
    public static IEndpointRouteBuilder MapPostsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/posts").RequireAuthorization(Policies.Member).WithTags("Posts");
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/{id:long}", Get);
        api.MapPatch("/{id:long}", Update);
        api.MapDelete("/{id:long}", Delete);
        api.MapPost("/{id:long}/publish", Publish);
        api.MapPost("/{id:long}/comments", AddComment);
        api.MapPost("/{id:long}/reactions", React);
        api.MapDelete("/{id:long}/reactions/{kind}", Unreact);
        api.MapPost("/{id:long}/interest", Interest);
        api.MapDelete("/{id:long}/interest", WithdrawInterest);
        api.MapPost("/{id:long}/reports", ReportPost);
        api.MapPost("/comments/{commentId:long}/reports", ReportComment);
        api.MapPost("/images", UploadImage).DisableAntiforgery();
        api.MapPost("/preview", Preview);
        // Volunteers moderate their scope (a space's moderators, the network's supporters); the rule is PostRules.Moderate.
        api.MapPost("/{id:long}/hide", (long id, ModerationInput? input, PostInteractionService s, CancellationToken ct) => SetHidden(ReportTarget.Post, id, true, input, s, ct));
        api.MapPost("/{id:long}/restore", (long id, PostInteractionService s, CancellationToken ct) => SetHidden(ReportTarget.Post, id, false, null, s, ct));
        api.MapPost("/comments/{commentId:long}/hide", (long commentId, ModerationInput? input, PostInteractionService s, CancellationToken ct) => SetHidden(ReportTarget.Comment, commentId, true, input, s, ct));
        api.MapPost("/comments/{commentId:long}/restore", (long commentId, PostInteractionService s, CancellationToken ct) => SetHidden(ReportTarget.Comment, commentId, false, null, s, ct));
        api.MapPost("/{id:long}/pin", (long id, PostInteractionService s, CancellationToken ct) => Pin(id, true, s, ct));
        api.MapDelete("/{id:long}/pin", (long id, PostInteractionService s, CancellationToken ct) => Pin(id, false, s, ct));

        var moderation = app.MapGroup("/api/v1/moderation").RequireAuthorization(Policies.Member).WithTags("Moderation");
        moderation.MapGet("/reports", ScopedReports);
        moderation.MapPost("/reports/{id:long}/hide", (long id, ModerationInput? input, PostInteractionService s, CancellationToken ct) => Decide(id, true, input, s, ct));
        moderation.MapPost("/reports/{id:long}/dismiss", (long id, ModerationInput? input, PostInteractionService s, CancellationToken ct) => Decide(id, false, input, s, ct));

        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(Policies.Admin).WithTags("Moderation");
        admin.MapPost("/posts/audience", Audience);
        admin.MapGet("/moderation-log", (int? page, PostInteractionService s, CancellationToken ct) => Log(page, s, ct));
        admin.MapGet("/reports", Reports);
        admin.MapPost("/reports/{id:long}/hide", (long id, ModerationInput? input, PostInteractionService s, CancellationToken ct) => Decide(id, true, input, s, ct));
        admin.MapPost("/reports/{id:long}/dismiss", (long id, ModerationInput? input, PostInteractionService s, CancellationToken ct) => Decide(id, false, input, s, ct));
        admin.MapPost("/posts/{id:long}/hide", (long id, ModerationInput? input, PostInteractionService s, CancellationToken ct) => SetHidden(ReportTarget.Post, id, true, input, s, ct));
        admin.MapPost("/posts/{id:long}/restore", (long id, PostInteractionService s, CancellationToken ct) => SetHidden(ReportTarget.Post, id, false, null, s, ct));
        admin.MapPost("/comments/{id:long}/hide", (long id, ModerationInput? input, PostInteractionService s, CancellationToken ct) => SetHidden(ReportTarget.Comment, id, true, input, s, ct));
        admin.MapPost("/comments/{id:long}/restore", (long id, PostInteractionService s, CancellationToken ct) => SetHidden(ReportTarget.Comment, id, false, null, s, ct));

        app.MapGet("/posts/attachments/{id:long}/{key}", Image).RequireAuthorization(Policies.Member).ExcludeFromDescription();
        return app;
    }

    public sealed record ImageDto(string Markdown);

    static async Task<ApiResult<Ok<FeedDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> List(
        string? room, string? category, string? q, string? mine, int? page, int? pageSize, long? spaceId, PostService posts, CancellationToken ct) =>
        (await posts.ListAsync(room, category, q, mine, page ?? 1, pageSize ?? 20, ct, spaceId)).ToHttpResult();

    static async Task<ApiResult<Created<PostDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Create(PostInput input, PostService posts, CancellationToken ct) =>
        (await posts.CreateAsync(input, ct)).ToHttpResult(p => TypedResults.Created($"/api/v1/posts/{p.Id}", p));

    static async Task<ApiResult<Ok<PostDetailDto>, Problem.NotFound>> Get(long id, PostService posts, CancellationToken ct) =>
        (await posts.GetAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<PostDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Update(
        long id, PostInput input, PostService posts, CancellationToken ct) =>
        (await posts.UpdateAsync(id, input, ct)).ToHttpResult();

    static async Task<ApiResult<NoContent, Problem.Forbidden, Problem.NotFound>> Delete(long id, PostService posts, CancellationToken ct) =>
        (await posts.DeleteAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent());

    static async Task<ApiResult<Ok<PostDto>, Problem.NotFound, Problem.Conflict>> Publish(long id, PostService posts, CancellationToken ct) =>
        (await posts.PublishAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Created<CommentDto>, Problem.Invalid, Problem.NotFound>> AddComment(
        long id, CommentInput input, PostInteractionService s, CancellationToken ct) =>
        (await s.CommentAsync(id, input, ct)).ToHttpResult(c => TypedResults.Created($"/api/v1/posts/{id}", c));

    static async Task<ApiResult<Ok<ReactionsDto>, Problem.Invalid, Problem.NotFound>> React(
        long id, ReactionInput input, PostInteractionService s, CancellationToken ct) =>
        (await s.ReactAsync(id, input.Kind, add: true, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<ReactionsDto>, Problem.Invalid, Problem.NotFound>> Unreact(long id, string kind, PostInteractionService s, CancellationToken ct) =>
        (await s.ReactAsync(id, kind, add: false, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<PostDto>, Problem.NotFound, Problem.Conflict>> Interest(long id, PostInteractionService s, CancellationToken ct) =>
        (await s.InterestAsync(id, add: true, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<PostDto>, Problem.NotFound, Problem.Conflict>> WithdrawInterest(long id, PostInteractionService s, CancellationToken ct) =>
        (await s.InterestAsync(id, add: false, ct)).ToHttpResult();

    static async Task<ApiResult<Created<ReportDto>, Problem.Invalid, Problem.NotFound>> ReportPost(
        long id, ReportInput input, PostInteractionService s, CancellationToken ct) =>
        (await s.ReportAsync(ReportTarget.Post, id, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/v1/admin/reports", r));

    static async Task<ApiResult<Created<ReportDto>, Problem.Invalid, Problem.NotFound>> ReportComment(
        long commentId, ReportInput input, PostInteractionService s, CancellationToken ct) =>
        (await s.ReportAsync(ReportTarget.Comment, commentId, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/v1/admin/reports", r));

    static async Task<ApiResult<Ok<PreviewDto>, Problem.Invalid>> Preview(PreviewInput input, PostService posts, CancellationToken ct) =>
        (await posts.PreviewAsync(input.Body, ct)).ToHttpResult();

    /// <summary>An image for a post, with its alt text (form field <c>alt</c>, optional, at most PostLimits.ImageAlt characters).</summary>
    static async Task<ApiResult<Created<ImageDto>, Problem.Invalid>> UploadImage(IFormFile? image, [Microsoft.AspNetCore.Mvc.FromForm] string? alt, PostInteractionService s, CancellationToken ct)
    {
        if (image is null) return ApiProblem.Invalid("image", "Validation.Required");
        await using var stream = image.OpenReadStream();
        return (await s.UploadImageAsync(stream, image.Length, ct, alt)).ToHttpResult(md => TypedResults.Created("/api/v1/posts", new ImageDto(md)));
    }

    static async Task<IResult> Image(long id, string key, PostInteractionService s, CancellationToken ct) =>
        await s.OpenImageAsync(id, key, ct) is { } stream ? TypedResults.Stream(stream, "image/jpeg") : TypedResults.NotFound();

    static async Task<ApiResult<Ok<AudienceDto>, Problem.Invalid>> Audience(SegmentInput input, PostService posts, CancellationToken ct) =>
        (await posts.AudienceAsync(input, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<PageDto<PostInteractionService.ModerationActionDto>>>> Log(int? page, PostInteractionService s, CancellationToken ct) =>
        (await s.ModerationLogAsync(page ?? 1, ct)).ToHttpResult();

    /// <summary>Reports in a volunteer's scope: <c>spaceId</c> (its moderators), or without it the network's own rooms (its supporters).</summary>
    static async Task<ApiResult<Ok<PageDto<ReportDto>>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> ScopedReports(
        long? spaceId, string? status, int? page, PostInteractionService s, CancellationToken ct) =>
        (await s.ReportsAsync(status, page ?? 1, ct, spaceId, network: spaceId is null)).ToHttpResult();

    static async Task<ApiResult<Ok<PostDto>, Problem.Forbidden, Problem.NotFound, Problem.Conflict>> Pin(long id, bool pinned, PostInteractionService s, CancellationToken ct) =>
        (await s.PinAsync(id, pinned, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<PageDto<ReportDto>>, Problem.Invalid>> Reports(string? status, int? page, PostInteractionService s, CancellationToken ct) =>
        (await s.ReportsAsync(status, page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<ReportDto>, Problem.Forbidden, Problem.Conflict>> Decide(long id, bool hide, ModerationInput? input, PostInteractionService s, CancellationToken ct) =>
        (await s.DecideReportAsync(id, hide, input ?? new ModerationInput(null), ct)).ToHttpResult();

    static async Task<ApiResult<NoContent, Problem.Forbidden, Problem.NotFound>> SetHidden(
        ReportTarget target, long id, bool hidden, ModerationInput? input, PostInteractionService s, CancellationToken ct) =>
        (await s.SetHiddenAsync(target, id, hidden, input ?? new ModerationInput(null), ct)).ToHttpResult(_ => TypedResults.NoContent());
}
