using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>
/// Answers 301 to the lower-case address when a GET or HEAD names a route's fixed words in another casing.
/// </summary>
/// <remarks>
/// Routes used to be mixed case (/Accounts/Login, /Members/12, /Events/3). Links to them live on in mails already sent,
/// bookmarks and stored Markdown mentions ([@Name](/Members/12)); routing is case-insensitive so they still work, but one
/// page should have one address (search engines, the nav's active tab, analytics by path). Only the pattern's literal
/// segments are lowered: a parameter (an invitation token, a name) is case-sensitive data and is kept exactly as sent,
/// and so is the query string. POSTs are not redirected: a 301 would turn them into GETs and lose the form; routing
/// still matches them. Runs after UseRouting, which is what tells a literal segment from a parameter.
/// </remarks>
public sealed class LowercaseRedirectMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // SCIM's paths are mixed case by its RFC (/scim/v2/Users), and HR systems do not follow a redirect: left as they are.
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Path.StartsWithSegments("/scim", StringComparison.OrdinalIgnoreCase)
            && context.GetEndpoint() is RouteEndpoint endpoint
            && LowerLiterals(request.Path, endpoint.RoutePattern) is { } lower)
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = UriHelper.BuildRelative(request.PathBase, lower, request.QueryString);
            return Task.CompletedTask;
        }
        return next(context);
    }

    /// <summary>The path with the pattern's literal segments in lower case, or null when it is already so.</summary>
    internal static PathString? LowerLiterals(PathString path, RoutePattern pattern)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || !value.Any(char.IsAsciiLetterUpper)) return null;
        var segments = value.Split('/');
        var changed = false;
        // segments[0] is the empty string before the leading slash; pattern segment i is path segment i + 1.
        for (var i = 0; i < pattern.PathSegments.Count && i + 1 < segments.Length; i++)
        {
            var parts = pattern.PathSegments[i].Parts;
            if (parts.Any(p => p is RoutePatternParameterPart { IsCatchAll: true })) break;
            // Only a segment that is one literal word; a complex one ("{name}.{ext}") mixes data in, so it is left alone.
            if (parts is not [RoutePatternLiteralPart]) continue;
            var lowered = segments[i + 1].ToLowerInvariant();
            if (lowered == segments[i + 1]) continue;
            segments[i + 1] = lowered;
            changed = true;
        }
        // Not "changed ? new PathString(...) : null": string's implicit conversion would make that null an empty path.
        if (!changed) return null;
        return new PathString(string.Join('/', segments));
    }
}
