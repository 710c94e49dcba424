using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Scim;

public static class ScimApi
{
    public const string RateLimit = "scim";

    public static IEndpointRouteBuilder MapScimApi(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1/admin/scim-tokens").RequireAuthorization(Policies.Admin).WithTags("Admin");
        tokens.MapGet("/", ListTokens);
        tokens.MapPost("/", CreateToken);
        tokens.MapDelete("/{id:long}", RevokeToken);

        // SCIM 2.0 (RFC 7644) for the HR system. Its own bearer tokens (not a member's), its own media type and error shape;
        // not in the OpenAPI document of /api/v1, since SCIM clients read /ServiceProviderConfig instead.
        var scim = app.MapGroup("/scim/v2").AddEndpointFilter(Authenticate).RequireRateLimiting(RateLimit).DisableAntiforgery().ExcludeFromDescription();
        scim.MapGet("/ServiceProviderConfig", ServiceProviderConfig);
        scim.MapGet("/Users", List);
        scim.MapPost("/Users", Create);
        scim.MapGet("/Users/{id}", Get);
        scim.MapPut("/Users/{id}", Replace);
        scim.MapPatch("/Users/{id}", Patch);
        scim.MapDelete("/Users/{id}", Delete);
        return app;
    }

    static async Task<ApiResult<Ok<ScimTokenListDto>>> ListTokens(ScimTokenService s, CancellationToken ct) =>
        (await s.ListAsync(ct)).ToHttpResult();

    /// <remarks><c>{name?}</c>: 201 with <c>token</c> (shown this once; only its hash is kept) and <c>baseUrl</c>, the SCIM address to give the HR system.</remarks>
    static async Task<ApiResult<Created<CreatedScimTokenDto>, Problem.Invalid>> CreateToken(CreateScimTokenRequest? request, ScimTokenService s, CancellationToken ct) =>
        (await s.CreateAsync(request ?? new CreateScimTokenRequest(), ct)).ToHttpResult(t => TypedResults.Created($"/api/v1/admin/scim-tokens/{t.Id}", t));

    static async Task<ApiResult<NoContent, Problem.NotFound>> RevokeToken(long id, ScimTokenService s, CancellationToken ct) =>
        (await s.RevokeAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent());

    /// <summary>A SCIM request needs a live token of the host's network; anything else is 401 in SCIM's shape.</summary>
    static async ValueTask<object?> Authenticate(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tokens = http.RequestServices.GetRequiredService<ScimTokenService>();
        if (await tokens.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), http.RequestAborted)) return await next(context);
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"scim\"";
        return Error(http, new ScimError(401, null, "Scim.Unauthorized"));
    }

    static IResult ServiceProviderConfig(AppLinks links) => Scim(new JsonObject
    {
        ["schemas"] = new JsonArray(ScimUrns.ServiceProviderConfig),
        ["documentationUri"] = links.To("/admin/scim"),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ScimLimits.MaxPageSize },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = false },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken", ["name"] = "OAuth Bearer Token", ["primary"] = true,
            ["description"] = "A token made by the network's admin at /admin/scim, sent as Authorization: Bearer <token>.",
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = links.To("/scim/v2/ServiceProviderConfig") },
    }, 200);

    static async Task<IResult> List(HttpContext http, string? filter, ScimUserService users, CancellationToken ct)
    {
        // Numbers are read here, so that startIndex=abc is a SCIM 400 rather than the framework's.
        int? Number(string name)
        {
            var text = http.Request.Query[name].ToString();
            if (text.Length == 0) return null;
            return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? n : throw new ScimException(new ScimError(400, "invalidValue", "Scim.InvalidValue", name));
        }
        return await RunAsync(http, () => users.ListAsync(filter, Number("startIndex"), Number("count"), ct));
    }

    static Task<IResult> Create(HttpContext http, ScimUserService users, CancellationToken ct) =>
        WithBodyAsync(http, body => users.CreateAsync(body, ct));

    static Task<IResult> Get(HttpContext http, string id, ScimUserService users, CancellationToken ct) =>
        RunAsync(http, () => users.GetAsync(id, ct));

    static Task<IResult> Replace(HttpContext http, string id, ScimUserService users, CancellationToken ct) =>
        WithBodyAsync(http, body => users.ReplaceAsync(id, body, ct));

    static Task<IResult> Patch(HttpContext http, string id, ScimUserService users, CancellationToken ct) =>
        WithBodyAsync(http, body => users.PatchAsync(id, body, ct));

    static Task<IResult> Delete(HttpContext http, string id, ScimUserService users, CancellationToken ct) =>
        RunAsync(http, () => users.DeleteAsync(id, ct));

    static async Task<IResult> RunAsync(HttpContext http, Func<Task<ScimResult>> work)
    {
        try
        {
            var result = await work();
            if (result.Error is null && result.Body is null) return Results.StatusCode(result.Status);
            return result.Error is { } error ? Error(http, error) : Scim(result.Body!, result.Status, result.Status == 201 ? result.Body!["meta"]?["location"]?.GetValue<string>() : null);
        }
        catch (ScimException e) { return Error(http, e.Error); }
    }

    /// <summary>Reads the JSON body (application/scim+json or application/json, at most 64 KB) before anything else happens.</summary>
    static async Task<IResult> WithBodyAsync(HttpContext http, Func<JsonObject, Task<ScimResult>> work)
    {
        var type = http.Request.ContentType;
        if (type is null || !(type.StartsWith(ScimUrns.MediaType, StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)))
            return Error(http, new ScimError(415, null, "Scim.MediaType"));
        if (http.Request.ContentLength > ScimLimits.BodyBytes) return Error(http, new ScimError(413, null, "Validation.TooLarge"));
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ScimLimits.BodyBytes) return Error(http, new ScimError(413, null, "Validation.TooLarge"));
        }
        JsonObject? body;
        try
        {
            var text = new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            // PostgreSQL refuses NUL in text; SQLite would keep it: neither gets one.
            if (text.Contains("\\u0000", StringComparison.Ordinal) || text.Contains('\0')) return Error(http, new ScimError(400, "invalidValue", "Validation.NulCharacter"));
            body = JsonNode.Parse(text, new JsonNodeOptions { PropertyNameCaseInsensitive = true }, new JsonDocumentOptions { MaxDepth = 16 }) as JsonObject;
            // A JsonObject reads its members lazily, and two names differing only in case ("userName", "UserName") throw
            // only then: read them here, where the answer can still be SCIM's 400.
            _ = body?.Count;
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException or ArgumentException)
        {
            body = null;
        }
        if (body is null) return Error(http, new ScimError(400, "invalidSyntax", "Scim.InvalidJson"));
        return await RunAsync(http, () => work(body));
    }

    static IResult Scim(JsonObject body, int status, string? location = null) =>
        new ScimJsonResult(body, status, location);

    /// <summary>RFC 7644 §3.12: <c>{schemas: [Error], status: "400", scimType, detail}</c>, the detail in the caller's language.</summary>
    static IResult Error(HttpContext http, ScimError error)
    {
        var texts = http.RequestServices.GetRequiredService<IStringLocalizer<ValidationTexts>>();
        var message = texts[error.DetailKey, error.Args].Value;
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimUrns.Error),
            ["status"] = error.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["detail"] = error.Path is null ? message : $"{error.Path}: {message}",
        };
        if (error.ScimType is not null) body["scimType"] = error.ScimType;
        return new ScimJsonResult(body, error.Status, null);
    }

    sealed class ScimJsonResult(JsonObject body, int status, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            if (location is not null) http.Response.Headers.Location = location;
            http.Response.ContentType = ScimUrns.MediaType + "; charset=utf-8";
            await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
        }
    }
}
