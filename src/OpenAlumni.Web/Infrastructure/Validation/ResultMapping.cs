using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>Maps a service <see cref="Result{T}"/> to HTTP (API) or to ModelState (pages), in the request's language.</summary>
public static class ResultMapping
{
    public static IDictionary<string, string[]> Localize(this FieldErrors errors, IStringLocalizer<ValidationTexts> texts) =>
        errors.Items.GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => texts[e.Key, e.Args].Value).Distinct().ToArray());

    public static IResult ToHttpResult<T>(this Result<T> result, IStringLocalizer<ValidationTexts> texts, Func<T, IResult> onOk) =>
        result.Status switch
        {
            ResultStatus.Ok => onOk(result.Value!),
            ResultStatus.Invalid => TypedResults.ValidationProblem(result.Errors!.Localize(texts), title: texts["Validation.Title"]),
            ResultStatus.Conflict => TypedResults.Problem(statusCode: 409, title: texts["Validation.ConflictTitle"],
                detail: texts[result.Errors!.Items[0].Key], extensions: new Dictionary<string, object?> { ["errors"] = result.Errors.Localize(texts) }),
            ResultStatus.Forbidden => TypedResults.Problem(statusCode: 403, title: texts["Validation.Forbidden"]),
            _ => TypedResults.Problem(statusCode: 404, title: texts["Validation.NotFound"]),
        };

    public static IResult ToHttpResult<T>(this Result<T> result, IStringLocalizer<ValidationTexts> texts) =>
        result.ToHttpResult(texts, v => TypedResults.Ok(v));

    /// <summary>Puts each error under its form field (prefix + Pascal-cased field) so the page shows it by the input.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, FieldErrors errors, IStringLocalizer<ValidationTexts> texts, string prefix = "Input")
    {
        foreach (var e in errors.Items)
        {
            var pascal = string.Join('.', e.Field.Split('.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            var name = pascal.Length == 0 ? "" : prefix.Length == 0 ? pascal : prefix + "." + pascal;
            modelState.AddModelError(name, texts[e.Key, e.Args]);
        }
    }
}
