using System.Text.Json;

namespace OpenAlumni.Tests.Infrastructure.Trust.Fuzz;

public enum BodyKind { None, Json, Multipart }

public sealed record FuzzParameter(string Name, string Type);

/// <summary>One operation of the OpenAPI document, with what it takes: path and query parameters and a body.</summary>
public sealed record FuzzOperation(string Method, string Path, IReadOnlyList<FuzzParameter> PathParameters,
    IReadOnlyList<FuzzParameter> QueryParameters, BodyKind Body, JsonElement? Schema)
{
    public string Name => $"{Method} {Path}";
    public bool Mutates => Method != "GET";
    /// <summary>The multipart field an upload endpoint reads its file from (the handler's IFormFile parameter).</summary>
    public string UploadField => Path switch
    {
        _ when Path.EndsWith("/photo", StringComparison.Ordinal) => "photo",
        _ when Path.EndsWith("/images", StringComparison.Ordinal) => "image",
        _ when Path.EndsWith("/logo", StringComparison.Ordinal) => "logo",
        _ when Path.EndsWith("/cover", StringComparison.Ordinal) => "cover",
        _ => "file",
    };
}

/// <summary>Reads the operations from /openapi/v1.json, so that a new endpoint is fuzzed without anyone listing it.</summary>
public static class FuzzOperations
{
    public static IReadOnlyList<FuzzOperation> Read(JsonElement document)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var operations = new List<FuzzOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                var parameters = op.Value.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [];
                FuzzParameter Parameter(JsonElement p) => new(p.GetProperty("name").GetString()!, TypeOf(p.TryGetProperty("schema", out var s) ? s : default));
                var body = BodyKind.None;
                JsonElement? schema = null;
                if (op.Value.TryGetProperty("requestBody", out var rb) && rb.TryGetProperty("content", out var content))
                {
                    if (content.TryGetProperty("multipart/form-data", out _)) body = BodyKind.Multipart;
                    else if (content.TryGetProperty("application/json", out var json))
                    {
                        body = BodyKind.Json;
                        schema = json.TryGetProperty("schema", out var s) ? Resolve(s, schemas) : null;
                    }
                }
                operations.Add(new FuzzOperation(op.Name.ToUpperInvariant(), path.Name,
                    parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(Parameter).ToList(),
                    parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(Parameter).ToList(), body, schema));
            }
        return operations;
    }

    /// <summary>Follows $ref and a nullable oneOf to the object schema behind it.</summary>
    public static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var i = 0; i < 8; i++)
        {
            if (schema.ValueKind != JsonValueKind.Object) return schema;
            if (schema.TryGetProperty("$ref", out var r)) schema = schemas.GetProperty(r.GetString()!.Split('/')[^1]);
            else if (schema.TryGetProperty("oneOf", out var one))
                schema = one.EnumerateArray().FirstOrDefault(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
            else return schema;
        }
        return schema;
    }

    /// <summary>The first non-null type of a schema ("string", "integer", "boolean", "array", "object").</summary>
    public static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return "string";
        if (schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("oneOf", out _)) return "object";
        if (!schema.TryGetProperty("type", out var type)) return "string";
        if (type.ValueKind == JsonValueKind.String) return type.GetString()!;
        return type.EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t != "null") ?? "string";
    }
}
