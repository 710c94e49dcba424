using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>
/// A service's errors as pages show them, in the request's language: one line for the alert at the top of a
/// page or a flash, and a field's messages read back from ModelState (<see cref="ResultMapping.AddErrors"/>
/// puts them there, by their fields).
/// </summary>
public static class FormErrors
{
    /// <summary>Every message once, in one line.</summary>
    public static string Message(this FieldErrors errors, IStringLocalizer<ValidationTexts> texts) =>
        string.Join(" ", errors.Items.Select(e => texts[e.Key, e.Args].Value).Distinct());

    /// <summary>Why a service said no, in one line: its errors, or the refusal itself when it gave none.</summary>
    public static string Message(ResultStatus status, FieldErrors? errors, IStringLocalizer<ValidationTexts> texts) =>
        errors is not null ? errors.Message(texts) : status switch
        {
            ResultStatus.Forbidden => texts["Validation.Forbidden"],
            ResultStatus.NotFound => texts["Validation.NotFound"],
            _ => "",
        };

    /// <inheritdoc cref="Message(ResultStatus, FieldErrors?, IStringLocalizer{ValidationTexts})"/>
    public static string Message<T>(this Result<T> result, IStringLocalizer<ValidationTexts> texts) =>
        Message(result.Status, result.Errors, texts);

    /// <summary>The messages of one form field (its ModelState key, e.g. "Input.Title"), or null when it has none.</summary>
    public static string? ErrorFor(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
