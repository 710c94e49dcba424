using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OpenAlumni.Tests.Infrastructure.Trust.Fuzz;

/// <summary>One hostile request: what it targets, how to send it, and a description that reproduces it.</summary>
public sealed record FuzzInput(FuzzOperation Operation, string Url, Func<HttpContent?> Content, string Description);

/// <summary>
/// Generates hostile requests for an operation, deterministically from a seed: a plausible body (from the schema,
/// with real ids) with one field made hostile, or a hostile body, Content-Type, query value, path id or upload.
/// </summary>
public sealed class FuzzInputs(FuzzWorld world, int seed)
{
    public FuzzInput For(FuzzOperation op, int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var roll = random.Next(100);
        if (op.PathParameters.Count > 0 && roll < 12) return HostilePath(op, random);
        if (op.Body == BodyKind.Multipart) return roll < 25 && op.QueryParameters.Count > 0 ? HostileQuery(op, random) : FuzzUploads.For(op, Url(op, null), random);
        if (op.Body == BodyKind.Json && (op.QueryParameters.Count == 0 || roll < 70)) return HostileBody(op, random);
        if (op.QueryParameters.Count > 0) return HostileQuery(op, random);
        // Nothing to fill in but the body it ignores: send one with a hostile Content-Type.
        var type = Pick(random, HostileValues.ContentTypes);
        return new FuzzInput(op, Url(op, null), () => Raw(Encoding.UTF8.GetBytes("{\"x\":\"\\u0000\"}"), type), $"ignored body, Content-Type: {type}");
    }

    FuzzInput HostilePath(FuzzOperation op, Random random)
    {
        var bad = op.PathParameters[random.Next(op.PathParameters.Count)].Name;
        var value = Pick(random, HostileValues.PathIds);
        var body = op.Body == BodyKind.Json ? Plausible(op.Schema, random).ToJsonString() : null;
        return new FuzzInput(op, Url(op, (bad, value)), () => body is null ? null : Json(body), $"path {bad} = {value}");
    }

    FuzzInput HostileQuery(FuzzOperation op, Random random)
    {
        var query = op.QueryParameters[random.Next(op.QueryParameters.Count)];
        var (name, value) = DateLike(query.Name) && random.Next(2) == 0
            ? Pick(random, HostileValues.Query.Where(q => q.Name.Contains("year", StringComparison.Ordinal) || q.Name.Contains("February", StringComparison.Ordinal)).ToList())
            : Pick(random, HostileValues.Query);
        return new FuzzInput(op, $"{Url(op, null)}?{query.Name}={value}", () => null, $"query {query.Name} = {name} ({Short(value)})");
    }

    FuzzInput HostileBody(FuzzOperation op, Random random)
    {
        var url = Url(op, null);
        var plausible = Plausible(op.Schema, random);
        var fields = plausible.Fields.Keys.ToList();
        switch (random.Next(20))
        {
            case < 12 when fields.Count > 0:
                var field = fields[random.Next(fields.Count)];
                var (name, json) = random.Next(4) == 0 && plausible.Types[field] == "array"
                    ? ("array of " + Pick(random, HostileValues.Json).Name, "[" + Pick(random, HostileValues.Json).Json + "]")
                    : DateLike(field) && random.Next(2) == 0 ? Pick(random, FarDates) : Pick(random, HostileValues.Json);
                plausible.Fields[field] = json;
                var body = plausible.ToJsonString();
                return new FuzzInput(op, url, () => Json(body), $"field {field} = {name}; body {Short(body)}");
            case < 14:
                var text = plausible.ToJsonString();
                var cut = text[..random.Next(text.Length)];
                return new FuzzInput(op, url, () => Json(cut), $"truncated JSON {Short(cut)}");
            case 14 when fields.Count > 0:
                var twice = fields[random.Next(fields.Count)];
                var duplicated = plausible.ToJsonString(extra: (twice, Pick(random, HostileValues.Json).Json));
                return new FuzzInput(op, url, () => Json(duplicated), $"duplicated key {twice}: {Short(duplicated)}");
            case 15:
                var type = Pick(random, HostileValues.ContentTypes);
                var valid = plausible.ToJsonString();
                return new FuzzInput(op, url, () => Raw(Encoding.UTF8.GetBytes(valid), type), $"Content-Type: {type}; body {Short(valid)}");
            case 16:
                byte[] invalid = [.. Encoding.UTF8.GetBytes("{\"" + (fields.FirstOrDefault() ?? "x") + "\":\"a"), 0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80, .. "\"}"u8.ToArray()];
                return new FuzzInput(op, url, () => Raw(invalid, "application/json"), "invalid UTF-8 in a string");
            default:
                var (whole, wholeJson) = Pick(random, HostileValues.Json);
                return new FuzzInput(op, url, () => Json(wholeJson), $"whole body = {whole}");
        }
    }

    /// <summary>The operation's URL with real ids, or one parameter hostile.</summary>
    string Url(FuzzOperation op, (string Name, string Value)? hostile)
    {
        var path = op.Path;
        foreach (var p in op.PathParameters)
        {
            var value = hostile is { } h && h.Name == p.Name ? h.Value
                : p.Name == "kind" ? "like" : p.Name == "chart" ? "members" : world.IdFor(op.Path, p.Name).ToString();
            path = path.Replace("{" + p.Name + "}", value, StringComparison.Ordinal);
        }
        return path;
    }

    /// <summary>A body the schema would accept, more or less: every property with a likely value.</summary>
    PlausibleBody Plausible(JsonElement? schema, Random random)
    {
        var body = new PlausibleBody();
        if (schema is not { ValueKind: JsonValueKind.Object } s || !s.TryGetProperty("properties", out var properties)) return body;
        foreach (var p in properties.EnumerateObject())
        {
            // Leave out some optional properties, so that both their absence and their presence are tried.
            if (random.Next(5) == 0) continue;
            var type = FuzzOperations.TypeOf(p.Value);
            body.Types[p.Name] = type;
            body.Fields[p.Name] = Likely(p.Name, type, p.Value);
        }
        return body;
    }

    string Likely(string name, string type, JsonElement schema)
    {
        var lower = name.ToLowerInvariant();
        return type switch
        {
            // Merging away a caller would end the run's sign-in: the duplicate is the pending applicant.
            "integer" or "number" when lower == "duplicateid" => world.Ids["pending"].ToString(),
            "integer" or "number" => lower.EndsWith("id", StringComparison.Ordinal) ? world.Ids["member"].ToString()
                : lower.Contains("year", StringComparison.Ordinal) ? "2010" : lower.Contains("capacity", StringComparison.Ordinal) ? "10" : "1",
            "boolean" => "false",
            "array" => schema.TryGetProperty("items", out var items) && FuzzOperations.TypeOf(items) == "integer"
                ? $"[{world.Ids[lower.Contains("roster", StringComparison.Ordinal) ? "member" : lower == "ids" ? "notification" : "member"]}]"
                : FuzzOperations.TypeOf(schema.TryGetProperty("items", out var i) ? i : default) == "string" ? "[\"テスト\"]" : "[]",
            "object" => "{}",
            _ => HostileValues.Str(lower switch
            {
                "room" => "updates", "kind" => "meetup", "format" => "offline", "stage" => "idea", "remote" => "hybrid",
                "audience" => "all", "status" => "open", "reason" => "spam", "lang" => "ja",
                _ when lower.Contains("email", StringComparison.Ordinal) => "fuzz@example.com",
                _ when lower.Contains("password", StringComparison.Ordinal) => "correct-horse-battery-42",
                _ when lower.Contains("url", StringComparison.Ordinal) => "https://example.com/room",
                _ when lower.EndsWith("at", StringComparison.Ordinal) || lower.Contains("until", StringComparison.Ordinal)
                    || lower.Contains("deadline", StringComparison.Ordinal) => DateTimeOffset.UtcNow.AddDays(12).ToString("o"),
                _ => "テスト",
            }),
        };
    }

    static readonly List<(string Name, string Json)> FarDates = HostileValues.Json
        .Where(v => v.Name.Contains("year", StringComparison.Ordinal) || v.Name.Contains("date", StringComparison.Ordinal) || v.Name.Contains("February", StringComparison.Ordinal)).ToList();

    /// <summary>Dates get far dates more often than their share: the databases' ranges differ from .NET's.</summary>
    static bool DateLike(string name) =>
        name is "from" or "to" or "after" or "before" || name.EndsWith("At", StringComparison.Ordinal) || name.Contains("Until", StringComparison.Ordinal)
        || name.Contains("Deadline", StringComparison.Ordinal) || name.Contains("date", StringComparison.OrdinalIgnoreCase) || name.Contains("Year", StringComparison.Ordinal);

    static HttpContent Json(string body) => Raw(Encoding.UTF8.GetBytes(body), "application/json");

    static HttpContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string Short(string text) => text.Length <= 300 ? text : $"{text[..200]}…({text.Length} chars)…{text[^60..]}";

    sealed class PlausibleBody
    {
        public Dictionary<string, string> Fields { get; } = [];
        public Dictionary<string, string> Types { get; } = [];

        public string ToJsonString((string Name, string Json)? extra = null) =>
            "{" + string.Join(",", Fields.Select(f => $"{HostileValues.Str(f.Key)}:{f.Value}")
                .Concat(extra is { } e ? [$"{HostileValues.Str(e.Name)}:{e.Json}"] : [])) + "}";
    }
}
