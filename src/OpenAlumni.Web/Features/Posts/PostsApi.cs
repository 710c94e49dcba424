using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Posts;

public static class PostsApi
{
    public static IEndpointRouteBuilder MapPostsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/posts").RequireAuthorization(Policies.Member).WithTags("Posts");
        api.MapGet("/", List).Produces<FeedDto>().ProducesValidationProblem();
        api.MapPost("/", Create).Produces<PostDto>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapGet("/{id:long}", Get).Produces<PostDetailDto>().ProducesProblem(404);
        api.MapPatch("/{id:long}", Update).Produces<PostDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapDelete("/{id:long}", Delete).Produces(204).ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/{id:long}/publish", Publish).Produces<PostDto>().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:long}/comments", AddComment).Produces<CommentDto>(201).ProducesValidationProblem().ProducesProblem(404);
        api.MapPost("/{id:long}/reactions", React).Produces<ReactionsDto>().ProducesValidationProblem().ProducesProblem(404);
        api.MapDelete("/{id:long}/reactions/{kind}", Unreact).Produces<ReactionsDto>().ProducesValidationProblem().ProducesProblem(404);
        api.MapPost("/{id:long}/interest", Interest).Produces<PostDto>().ProducesProblem(404).ProducesProblem(409);
        api.MapDelete("/{id:long}/interest", WithdrawInterest).Produces<PostDto>().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:long}/reports", ReportPost).Produces<ReportDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/comments/{commentId:long}/reports", ReportComment).Produces<ReportDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/images", UploadImage).DisableAntiforgery().Produces<ImageDto>(201).ProducesValidationProblem();

        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(Policies.Admin).WithTags("Moderation");
        admin.MapPost("/posts/audience", Audience).Produces<AudienceDto>().ProducesValidationProblem();
        admin.MapGet("/moderation-log", (int? page, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) => Log(page, s, t, ct))
            .Produces<PageDto<PostInteractionService.ModerationActionDto>>();
        admin.MapGet("/reports", Reports).Produces<PageDto<ReportDto>>().ProducesValidationProblem();
        admin.MapPost("/reports/{id:long}/hide", (long id, ModerationInput? input, PostInteractionService s, HttpContext http, IStringLocalizer<ValidationTexts> t, CancellationToken ct) => Decide(id, true, input, s, http, t, ct)).Produces<ReportDto>().ProducesProblem(409);
        admin.MapPost("/reports/{id:long}/dismiss", (long id, ModerationInput? input, PostInteractionService s, HttpContext http, IStringLocalizer<ValidationTexts> t, CancellationToken ct) => Decide(id, false, input, s, http, t, ct)).Produces<ReportDto>().ProducesProblem(409);
        admin.MapPost("/posts/{id:long}/hide", (long id, ModerationInput? input, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) => SetHidden(ReportTarget.Post, id, true, input, s, t, ct)).Produces(204);
        admin.MapPost("/posts/{id:long}/restore", (long id, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) => SetHidden(ReportTarget.Post, id, false, null, s, t, ct)).Produces(204);
        admin.MapPost("/comments/{id:long}/hide", (long id, ModerationInput? input, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) => SetHidden(ReportTarget.Comment, id, true, input, s, t, ct)).Produces(204);
        admin.MapPost("/comments/{id:long}/restore", (long id, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) => SetHidden(ReportTarget.Comment, id, false, null, s, t, ct)).Produces(204);

        app.MapGet("/posts/attachments/{id:long}/{key}", Image).RequireAuthorization(Policies.Member).ExcludeFromDescription();
        return app;
    }

    public sealed record ImageDto(string Markdown);

    static async Task<IResult> List(string? room, string? category, string? q, string? mine, int? page, int? pageSize, PostService posts, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await posts.ListAsync(room, category, q, mine, page ?? 1, pageSize ?? 20, ct)).ToHttpResult(t);

    static async Task<IResult> Create(PostInput input, PostService posts, HttpContext http, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await posts.CreateAsync(input, AccountsApi.BaseUrl(http), ct)).ToHttpResult(t, p => TypedResults.Created($"/api/v1/posts/{p.Id}", p));

    static async Task<IResult> Get(long id, PostService posts, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await posts.GetAsync(id, ct)).ToHttpResult(t);

    static async Task<IResult> Update(long id, PostInput input, PostService posts, HttpContext http, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await posts.UpdateAsync(id, input, ct, AccountsApi.BaseUrl(http))).ToHttpResult(t);

    static async Task<IResult> Delete(long id, PostService posts, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await posts.DeleteAsync(id, ct)).ToHttpResult(t, _ => TypedResults.NoContent());

    static async Task<IResult> Publish(long id, PostService posts, HttpContext http, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await posts.PublishAsync(id, AccountsApi.BaseUrl(http), ct)).ToHttpResult(t);

    static async Task<IResult> AddComment(long id, CommentInput input, PostInteractionService s, HttpContext http, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await s.CommentAsync(id, input, AccountsApi.BaseUrl(http), ct)).ToHttpResult(t, c => TypedResults.Created($"/api/v1/posts/{id}", c));

    static async Task<IResult> React(long id, ReactionInput input, PostInteractionService s, HttpContext http, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await s.ReactAsync(id, input.Kind, add: true, AccountsApi.BaseUrl(http), ct)).ToHttpResult(t);

    static async Task<IResult> Unreact(long id, string kind, PostInteractionService s, HttpContext http, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await s.ReactAsync(id, kind, add: false, AccountsApi.BaseUrl(http), ct)).ToHttpResult(t);

    static async Task<IResult> Interest(long id, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await s.InterestAsync(id, add: true, ct)).ToHttpResult(t);

    static async Task<IResult> WithdrawInterest(long id, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await s.InterestAsync(id, add: false, ct)).ToHttpResult(t);

    static async Task<IResult> ReportPost(long id, ReportInput input, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await s.ReportAsync(ReportTarget.Post, id, input, ct)).ToHttpResult(t, r => TypedResults.Created($"/api/v1/admin/reports", r));

    static async Task<IResult> ReportComment(long commentId, ReportInput input, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await s.ReportAsync(ReportTarget.Comment, commentId, input, ct)).ToHttpResult(t, r => TypedResults.Created($"/api/v1/admin/reports", r));

    static async Task<IResult> UploadImage(IFormFile? image, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct)
    {
        if (image is null) return TypedResults.ValidationProblem(FieldErrors.Of("image", "Validation.Required").Localize(t), title: t["Validation.Title"]);
        await using var stream = image.OpenReadStream();
        return (await s.UploadImageAsync(stream, image.Length, ct)).ToHttpResult(t, md => TypedResults.Created("/api/v1/posts", new ImageDto(md)));
    }

    static async Task<IResult> Image(long id, string key, PostInteractionService s, CancellationToken ct) =>
        await s.OpenImageAsync(id, key, ct) is { } stream ? TypedResults.Stream(stream, "image/jpeg") : TypedResults.NotFound();

    static async Task<IResult> Audience(SegmentInput input, PostService posts, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await posts.AudienceAsync(input, ct)).ToHttpResult(t);

    static async Task<IResult> Log(int? page, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await s.ModerationLogAsync(page ?? 1, ct)).ToHttpResult(t);

    static async Task<IResult> Reports(string? status, int? page, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await s.ReportsAsync(status, page ?? 1, ct)).ToHttpResult(t);

    static async Task<IResult> Decide(long id, bool hide, ModerationInput? input, PostInteractionService s, HttpContext http, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await s.DecideReportAsync(id, hide, input ?? new ModerationInput(null), AccountsApi.BaseUrl(http), ct)).ToHttpResult(t);

    static async Task<IResult> SetHidden(ReportTarget target, long id, bool hidden, ModerationInput? input, PostInteractionService s, IStringLocalizer<ValidationTexts> t, CancellationToken ct) =>
        (await s.SetHiddenAsync(target, id, hidden, input ?? new ModerationInput(null), ct)).ToHttpResult(t, _ => TypedResults.NoContent());
}
