using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
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
        // A refusal may say why (a block between two members), in the detail; most say nothing more than the title.
        ResultStatus.Forbidden => TypedResults.Problem(statusCode: 403, title: texts["Validation.Forbidden"],
            detail: errors is { Any: true } ? texts[errors.Items[0].Key].Value : null),
        _ => TypedResults.Problem(statusCode: 404, title: texts["Validation.NotFound"]),
    };
}

/// <summary>A problem an endpoint declares it may answer, as a type argument of <see cref="ApiResult{TSuccess, P1}"/>.</summary>
public interface IProblemStatus
{
    static abstract int StatusCode { get; }
}

/// <summary>The problems of the API, named for OpenAPI: <c>ApiResult&lt;Ok&lt;EventDto&gt;, Problem.NotFound&gt;</c>.</summary>
public static class Problem
{
    /// <summary>400: a message per invalid field (<see cref="HttpValidationProblemDetails"/>).</summary>
    public sealed class Invalid : IProblemStatus { public static int StatusCode => StatusCodes.Status400BadRequest; }
    public sealed class Forbidden : IProblemStatus { public static int StatusCode => StatusCodes.Status403Forbidden; }
    public sealed class NotFound : IProblemStatus { public static int StatusCode => StatusCodes.Status404NotFound; }
    /// <summary>409: a state conflict; the detail and <c>errors</c> say which.</summary>
    public sealed class Conflict : IProblemStatus { public static int StatusCode => StatusCodes.Status409Conflict; }

    internal static void Describe<P>(EndpointBuilder builder) where P : IProblemStatus =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(P.StatusCode,
            P.StatusCode == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), ["application/problem+json"]));
}
