using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Infrastructure.Errors;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a number where a string belongs, a form
/// too large) into a 400 problem with the offending field, in the user's language, instead of a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems, IStringLocalizer<ValidationTexts> texts) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var field = (bad.InnerException as JsonException)?.Path?.TrimStart('$', '.') ?? "";
        var message = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? texts["Validation.TooLarge"] :
            bad.InnerException is JsonException ? texts["Validation.MalformedJson"] : texts["Validation.BadRequest"];
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = texts["Validation.Title"],
                Detail = message,
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
            },
            Exception = exception,
        });
    }
}

public static class ErrorPages
{
    /// <summary>The API (and the hub, health and OpenAPI) answers problem+json; pages get a page in the user's language.</summary>
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api => { api.UseExceptionHandler(); api.UseStatusCodePages(); });
        app.UseWhen(http => !IsApi(http), pages =>
        {
            pages.UseExceptionHandler("/error/500");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    internal static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/openapi")
        || http.Request.Path.StartsWithSegments(Features.Messages.MessagesHub.Path);
}
