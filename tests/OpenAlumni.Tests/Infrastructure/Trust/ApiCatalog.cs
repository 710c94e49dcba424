using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace OpenAlumni.Tests.Infrastructure.Trust;

/// <summary>One API operation as the OpenAPI document names it: "POST /api/v1/events/{id}/rsvp".</summary>
public sealed record ApiOperation(string Method, string Path)
{
    public string Key => $"{Method} {Path}";
    public bool IsRead => Method is "GET" or "HEAD";
    public override string ToString() => Key;
}

/// <summary>One Razor page by its route template ("/events/{id}") and the handlers it has.</summary>
public sealed record PageRoute(string Path, IReadOnlyList<string> Handlers)
{
    public override string ToString() => Path;
}

/// <summary>
/// What the app says it serves, read from the app itself so that nothing new can be left out of the matrix: the
/// operations of /openapi/v1.json and the pages of the endpoint data source.
/// </summary>
public static class ApiCatalog
{
    public static async Task<IReadOnlyList<ApiOperation>> OperationsAsync(AlumniApp app, CancellationToken ct)
    {
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", ct);
        return doc.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "post" or "put" or "patch" or "delete" or "head")
                .Select(op => new ApiOperation(op.Name.ToUpperInvariant(), path.Name)))
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .ToList();
    }

    public static IReadOnlyList<PageRoute> Pages(AlumniApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => Template(e.RoutePattern))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new PageRoute(p, []))
            .ToList();

    /// <summary>
    /// The other endpoints the app routes (files, the calendar feed, the hub, the language switch, health), which the
    /// OpenAPI document leaves out: "GET /members/{id}/photo".
    /// </summary>
    public static IReadOnlyList<ApiOperation> Unlisted(AlumniApp app, IReadOnlyList<ApiOperation> described)
    {
        var listed = described.Select(o => o.Key).ToHashSet();
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new ApiOperation(m, Template(e.RoutePattern))))
            .Where(o => o.Method != "OPTIONS" && !listed.Contains(o.Key) && !o.Path.StartsWith("/openapi/", StringComparison.Ordinal))
            .DistinctBy(o => o.Key)
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The route as written, lower-case, parameters by name and without constraints: "/events/{id}".</summary>
    static string Template(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content.ToLowerInvariant(),
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + (parameter.IsOptional ? "?" : "") + "}",
            _ => "",
        }))));
}
