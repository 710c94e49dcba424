using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>200 with the value, or the problem (localized when written: the handler needs no localizer).</summary>
    public static ApiResult<Ok<T>> ToHttpResult<T>(this Result<T> result) => result.ToHttpResult(TypedResults.Ok);

    /// <summary>Another answer for OK (<c>TypedResults.Created</c>, <c>NoContent</c>, a file), else the problem.</summary>
    public static ApiResult<TSuccess> ToHttpResult<T, TSuccess>(this Result<T> result, Func<T, TSuccess> onOk) where TSuccess : IResult =>
        result.IsOk ? onOk(result.Value!) : new ApiProblem(result.Status, result.Errors);

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
