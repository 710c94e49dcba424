using System.Text;

namespace OpenAlumni.Tests.Infrastructure.Trust.Fuzz;

/// <summary>
/// The hostile values, as JSON text (so that what no serializer would write can be sent: lone surrogates, 1e309,
/// duplicated keys) and as raw strings for query strings and paths. Each has a short name for the failure report.
/// </summary>
public static class HostileValues
{
    public const int Huge = 1 << 20;
    static readonly string HugeText = new('あ', Huge / 3);

    /// <summary>Deep Markdown: Markdig's nesting limit is 128; a 140-level list.</summary>
    public static readonly string[] DeepMarkdown =
    [
        new string('[', 128), new string('>', 128) + " quoted", string.Concat(Enumerable.Repeat("- ", 140)) + "item",
        string.Concat(Enumerable.Repeat("*", 500)) + "x" + string.Concat(Enumerable.Repeat("*", 500)),
    ];

    /// <summary>A value for any field: (name, JSON text).</summary>
    public static readonly (string Name, string Json)[] Json =
    [
        ("integer", "123"), ("true", "true"), ("object", "{\"a\":1}"), ("empty object", "{}"), ("empty array", "[]"), ("null", "null"),
        ("array of numbers", "[1,2,3]"), ("array of strings", "[\"a\",\"b\"]"), ("empty string", "\"\""), ("spaces", "\"   \""),
        ("1 MB string", "\"" + new string('a', Huge) + "\""), ("1 MB of Japanese", "\"" + HugeText + "\""),
        ("100k-element array", "[" + string.Join(',', Enumerable.Repeat("1", 100_000)) + "]"),
        ("20k strings array", "[" + string.Join(',', Enumerable.Repeat("\"x\"", 20_000)) + "]"),
        ("array nested 5000 deep", new string('[', 5000) + new string(']', 5000)),
        ("object nested 1000 deep", string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000)),
        ("array nested 60 deep", new string('[', 60) + new string(']', 60)),
        ("NUL inside", "\"a\\u0000b\""), ("only NUL", "\"\\u0000\""), ("raw control characters", "\"\\u0001\\u001b[31m\\u007f\""),
        ("lone high surrogate", "\"\\ud800\""), ("lone low surrogate", "\"x\\udfffy\""), ("reversed surrogates", "\"\\udc00\\ud800\""),
        ("1e309", "1e309"), ("-1e309", "-1e309"), ("2^63", "9223372036854775808"), ("-2^63-1", "-9223372036854775809"),
        ("2^31", "2147483648"), ("-0", "-0"), ("-1", "-1"), ("0", "0"), ("1.5", "1.5"), ("1e-400", "1e-400"),
        ("\"NaN\"", "\"NaN\""), ("\"Infinity\"", "\"Infinity\""), ("\"-Infinity\"", "\"-Infinity\""), ("number string", "\"9223372036854775808\""),
        ("year 0001", "\"0001-01-01T00:00:00Z\""), ("year 9999", "\"9999-12-31T23:59:59Z\""), ("year 10000", "\"+010000-01-01T00:00:00Z\""),
        ("negative year", "\"-0001-01-01T00:00:00Z\""), ("date 0001", "\"0001-01-01\""), ("date 9999", "\"9999-12-31\""),
        ("date 10000", "\"10000-01-01\""), ("February 30", "\"2026-02-30\""), ("offset +99:00", "\"2026-01-01T00:00:00+99:00\""),
        ("unknown enum", "\"nonexistent\""), ("enum number", "\"99\""), ("enum as number", "7"), ("enum Admin", "\"Admin\""),
        ("script", "\"<script>alert(1)</script>\""), ("emoji ZWJ", "\"👩‍👩‍👧‍👦\\u200d\\u202e\""), ("formula", "\"=HYPERLINK(\\\"x\\\")\""),
        ("SQL quote", "\"' OR 1=1 --\""), ("path traversal", "\"../../etc/passwd\""),
        ("deep [", Str(DeepMarkdown[0])), ("deep >", Str(DeepMarkdown[1])), ("deep list", Str(DeepMarkdown[2])), ("deep emphasis", Str(DeepMarkdown[3])),
    ];

    /// <summary>A value for a query-string parameter: (name, already percent-encoded).</summary>
    public static readonly (string Name, string Encoded)[] Query =
    [
        ("empty", ""), ("text", "abc"), ("NUL", "%00"), ("NUL inside", "a%00b"), ("lone surrogate", "%ED%A0%80"), ("invalid UTF-8", "%FF%FE"),
        ("bad percent", "%ZZ%"), ("64 KB", new string('a', 65_536)), ("1e309", "1e309"), ("2^63", "9223372036854775808"),
        ("-2^63-1", "-9223372036854775809"), ("-1", "-1"), ("0", "0"), ("2^31", "2147483648"), ("NaN", "NaN"), ("-0", "-0"),
        ("year 0001", "0001-01-01"), ("year 9999", "9999-12-31"), ("year 10000", "10000-01-01"), ("negative year", "-0001-01-01"),
        ("time 0001", "0001-01-01T00%3A00%3A00Z"), ("February 30", "2026-02-30"), ("unknown enum", "nonexistent"), ("enum number", "99"),
        ("duplicated parameter", "a&page=-1&page=2"), ("script", "%3Cscript%3E"), ("LIKE wildcards", "%25_%25"), ("deep [", new string('[', 128)),
    ];

    /// <summary>
    /// A hostile path segment where an id belongs. No %00: Kestrel refuses it with 400 before the app sees it, and
    /// the test server throws instead.
    /// </summary>
    public static readonly string[] PathIds =
    [
        "abc", "-1", "0", "9223372036854775807", "9223372036854775808", "1e309", "%ED%A0%80", "%FF", "1%2F2", "..", "NaN", "1.5",
        new string('9', 400),
    ];

    /// <summary>Content-Type headers a JSON endpoint might be sent.</summary>
    public static readonly string[] ContentTypes =
    [
        "application/json; charset=klingon", "application/json; charset=utf-16", "application/json; charset=utf-32", "application/json; charset=iso-8859-1",
        "application/json; charset=\"\"", "application/json; charset=x-unknown; boundary=z", "text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz", "application/json; charset=shift_jis", "*/*", "application/merge-patch+json",
    ];

    public static string Str(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
