using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure.Errors;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Infrastructure.Validation;

/// <summary>
/// Refuses API input no feature can store, before any handler reads it: a charset no one can decode (the JSON
/// reader would throw, a 500) gets 415, and a NUL character in a JSON string or a query value gets 400 naming the
/// field. PostgreSQL refuses NUL in text outright; SQLite would keep it and cut names short in C code that reads them.
/// </summary>
public sealed class UnreadableInputGuard(RequestDelegate next)
{
    // The largest JSON body scanned for NUL; larger ones are refused by the handlers' own limits or the server's.
    const int ScanLimit = 4 << 20;

    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems, IStringLocalizer<ValidationTexts> texts)
    {
        if (!ErrorPages.IsApi(http)) { await next(http); return; }
        var request = http.Request;
        if (request.ContentType is { } type && !CharsetIsKnown(type))
        {
            await RefuseAsync(http, problems, texts, StatusCodes.Status415UnsupportedMediaType, "", "Validation.UnknownCharset");
            return;
        }
        foreach (var (name, values) in request.Query)
            if (values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                await RefuseAsync(http, problems, texts, StatusCodes.Status400BadRequest, name, "Validation.NulCharacter");
                return;
            }
        if (request.HasJsonContentType() && request.ContentLength is null or <= ScanLimit
            && await NulFieldAsync(request, http.RequestAborted) is { } field)
        {
            await RefuseAsync(http, problems, texts, StatusCodes.Status400BadRequest, field, "Validation.NulCharacter");
            return;
        }
        await next(http);
    }

    static bool CharsetIsKnown(string contentType)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.Charset.HasValue) return true;
        try { _ = Encoding.GetEncoding(media.Charset.Value!.Trim('"')); return true; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>The field of the first string holding a NUL character, or null. The body stays readable for the handler.</summary>
    static async Task<string?> NulFieldAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        request.Body.Position = 0;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        // Only "\u0000" in any case can put a NUL into a JSON string; most bodies are done after this search.
        if (bytes.IndexOf("\\u0000"u8) < 0 && bytes.IndexOf("\\U0000"u8) < 0) return null;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
            var property = "";
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String)) continue;
                var text = reader.GetString() ?? "";
                if (text.Contains('\0', StringComparison.Ordinal)) return reader.TokenType == JsonTokenType.PropertyName ? text.Replace("\0", "", StringComparison.Ordinal) : property;
                if (reader.TokenType == JsonTokenType.PropertyName) property = text;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that cannot be decoded: the handler's binding answers 400 for it.
        }
        return null;
    }

    static async Task RefuseAsync(HttpContext http, IProblemDetailsService problems, IStringLocalizer<ValidationTexts> texts, int status, string field, string key)
    {
        var message = texts[key].Value;
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = status,
                Title = texts["Validation.Title"],
                Detail = message,
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
            },
        });
    }
}
