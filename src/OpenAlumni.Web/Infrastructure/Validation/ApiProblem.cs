using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>
/// A problem+json answer whose texts are looked up only when it is written, from the request's services
/// (<see cref="IStringLocalizer{ValidationTexts}"/>, in the request's culture): a handler needs no localizer
/// to answer one.
/// </summary>
public sealed class ApiProblem : IResult
{
    readonly ResultStatus status;
    readonly FieldErrors? errors;

    internal ApiProblem(ResultStatus status, FieldErrors? errors)
    {
        if (status == ResultStatus.Ok) throw new ArgumentException("An OK result is not a problem.", nameof(status));
        this.status = status;
        this.errors = errors;
    }

    /// <summary>400 with a message per invalid field.</summary>
    public static ApiProblem Invalid(string field, string key, params object[] args) => new(ResultStatus.Invalid, FieldErrors.Of(field, key, args));

    public static ApiProblem NotFound() => new(ResultStatus.NotFound, null);

    /// <summary>The problem of a service result that is not OK.</summary>
    public static ApiProblem Of<T>(Result<T> failed) => new(failed.Status, failed.Errors);

    public Task ExecuteAsync(HttpContext httpContext) =>
        Localized(httpContext.RequestServices.GetRequiredService<IStringLocalizer<ValidationTexts>>()).ExecuteAsync(httpContext);

    IResult Localized(IStringLocalizer<ValidationTexts> texts) => status switch
    {
        ResultStatus.Invalid => TypedResults.ValidationProblem(errors!.Localize(texts), title: texts["Validation.Title"]),
        ResultStatus.Conflict => TypedResults.Problem(statusCode: 409, title: texts["Validation.ConflictTitle"],
            detail: texts[errors!.Items[0].Key], extensions: new Dictionary<string, object?> { ["errors"] = errors.Localize(texts) }),
        ResultStatus.Forbidden => TypedResults.Problem(statusCode: 403, title: texts["Validation.Forbidden"]),
        _ => TypedResults.Problem(statusCode: 404, title: texts["Validation.NotFound"]),
    };
}
