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
        if (request.ContentType is { } type && !CharsetIsKnown(type, request.HasJsonContentType()))
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
        if (request.HasJsonContentType())
        {
            // No JSON body of this API comes near the limit; one past it is refused rather than left unscanned.
            if (request.ContentLength > ScanLimit)
            {
                await RefuseAsync(http, problems, texts, StatusCodes.Status413PayloadTooLarge, "", "Validation.TooLarge");
                return;
            }
            var (tooLarge, field) = await NulFieldAsync(request, http.RequestAborted);
            if (tooLarge || field is not null)
            {
                await RefuseAsync(http, problems, texts, tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                    field ?? "", tooLarge ? "Validation.TooLarge" : "Validation.NulCharacter");
                return;
            }
        }
        await next(http);
    }

    /// <summary>Any charset .NET can decode; for JSON only UTF-8 (RFC 8259), so that the NUL scan reads what the handler will.</summary>
    static bool CharsetIsKnown(string contentType, bool json)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.Charset.HasValue) return true;
        try
        {
            var encoding = Encoding.GetEncoding(media.Charset.Value!.Trim('"'));
            return !json || encoding.CodePage == Encoding.UTF8.CodePage;
        }
        catch (ArgumentException) { return false; }
    }

    /// <summary>
    /// Whether the body is past the limit (a body without Content-Length is read up to it), else the field of the first
    /// string holding a NUL character, or null. The body stays readable for the handler.
    /// </summary>
    static async Task<(bool TooLarge, string? Field)> NulFieldAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ScanLimit) return (true, null);
        }
        request.Body.Position = 0;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        // The deserializer accepts a UTF-8 byte order mark; the reader below does not.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        // Only "\u0000" in any case can put a NUL into a JSON string; most bodies are done after this search.
        if (bytes.IndexOf("\\u0000"u8) < 0 && bytes.IndexOf("\\U0000"u8) < 0) return (false, null);
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
            var property = "";
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String)) continue;
                var text = reader.GetString() ?? "";
                if (text.Contains('\0', StringComparison.Ordinal))
                    return (false, reader.TokenType == JsonTokenType.PropertyName ? text.Replace("\0", "", StringComparison.Ordinal) : property);
                if (reader.TokenType == JsonTokenType.PropertyName) property = text;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that cannot be decoded: the handler's binding answers 400 for it.
        }
        return (false, null);
    }

    static async Task RefuseAsync(HttpContext http, IProblemDetailsService problems, IStringLocalizer<ValidationTexts> texts, int status, string field, string key)
    {
        var message = texts[key].Value;
        http.Response.StatusCode = status;
        // TryWrite: a client that accepts no JSON (Accept: text/html) gets the status alone rather than a 500.
        await problems.TryWriteAsync(new ProblemDetailsContext
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
