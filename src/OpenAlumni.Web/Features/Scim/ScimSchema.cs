using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenAlumni.Web.Features.Scim;

/// <summary>The URNs and media type of SCIM 2.0 (RFC 7643, RFC 7644) that this server speaks.</summary>
public static class ScimUrns
{
    public const string MediaType = "application/scim+json";
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /// <summary>
    /// OpenAlumni's own extension: the last day, the year of joining and the name's reading (kana), which the core schema lacks.
    /// Under <c>urn:ietf:params:scim:schemas:extension:</c> because Entra ID's attribute mapping accepts custom attributes only there.
    /// </summary>
    public const string Leaver = "urn:ietf:params:scim:schemas:extension:openalumni:2.0:User";
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
}

/// <summary>A refusal in SCIM's shape (RFC 7644 §3.12): the HTTP status, a <c>scimType</c> for 400 and 409, and a detail for people.</summary>
/// <remarks><see cref="DetailKey"/> is a key of ValidationTexts, told in the caller's language; <see cref="Path"/> names the attribute.</remarks>
public sealed class ScimError(int status, string? scimType, string detailKey, params object[] args)
{
    public int Status { get; } = status;
    public string? ScimType { get; } = scimType;
    public string DetailKey { get; } = detailKey;
    public object[] Args { get; } = args;
    public string? Path { get; init; }
}

/// <summary>
/// What OpenAlumni keeps of a SCIM User, in SCIM's terms, so that a POST, a PUT and each PATCH operation edit one model and are
/// checked once (<see cref="ScimUserService"/>) before anything is written.
/// </summary>
public sealed partial class ScimUser
{
    public string? UserName { get; set; }
    public string? ExternalId { get; set; }
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    /// <summary>name.formatted or displayName: used for the name when the parts are not sent.</summary>
    public string? Formatted { get; set; }
    public string? WorkEmail { get; set; }
    /// <summary>Where the invitation goes: an email of type home or other (or the extension's personalEmail).</summary>
    public string? PersonalEmail { get; set; }
    public bool Active { get; set; } = true;
    public string? PreferredLanguage { get; set; }
    public string? EmployeeNumber { get; set; }
    public string? Department { get; set; }
    public string? LastDay { get; set; }
    public string? JoinedYear { get; set; }
    public string? FamilyNameKana { get; set; }
    public string? GivenNameKana { get; set; }

    /// <summary>Reads a whole resource (POST, PUT). Attribute names are case-insensitive (RFC 7643 §2.1); unknown ones are ignored.</summary>
    public static ScimUser Read(JsonObject body, Func<string, ScimError> invalid)
    {
        var u = new ScimUser();
        foreach (var (name, value) in body) u.Set(name, value, invalid);
        return u;
    }

    /// <summary>
    /// Sets one attribute by its path (a PATCH operation's, or a top-level name): <c>active</c>, <c>name.givenName</c>,
    /// <c>emails[type eq "work"].value</c>, <c>urn:...:enterprise:2.0:User:department</c>, or a complex value
    /// (<c>name</c>, <c>emails</c>, an extension) as a whole. <paramref name="value"/> null removes it.
    /// </summary>
    public void Set(string path, JsonNode? value, Func<string, ScimError> invalid)
    {
        var p = path.Trim();
        // An extension's attribute in full ("urn:...:enterprise:2.0:User:department"), or the extension object itself.
        foreach (var urn in new[] { ScimUrns.Enterprise, ScimUrns.Leaver, ScimUrns.User })
        {
            if (p.Equals(urn, StringComparison.OrdinalIgnoreCase))
            {
                if (urn == ScimUrns.User) { if (value is JsonObject core) foreach (var (n, v) in core) Set(n, v, invalid); return; }
                if (value is null) { SetExtension(urn, null, null, invalid, clearAll: true); return; }
                if (value is not JsonObject ext) throw new ScimException(invalid(p));
                foreach (var (n, v) in ext) SetExtension(urn, n, v, invalid);
                return;
            }
            if (p.StartsWith(urn + ":", StringComparison.OrdinalIgnoreCase))
            {
                var rest = p[(urn.Length + 1)..];
                if (urn == ScimUrns.User) Set(rest, value, invalid);
                else SetExtension(urn, rest, value, invalid);
                return;
            }
        }
        var emailMatch = EmailPath().Match(p);
        if (emailMatch.Success)
        {
            var type = emailMatch.Groups["type"].Value.ToLowerInvariant();
            var sub = emailMatch.Groups["sub"].Success ? emailMatch.Groups["sub"].Value : null;
            if (sub is not null && !sub.Equals("value", StringComparison.OrdinalIgnoreCase)) return; // primary, display: nothing kept
            var address = sub is null ? Str(value is JsonObject o ? Field(o, "value") : value, p, invalid) : Str(value, p, invalid);
            if (type == "work") WorkEmail = address; else PersonalEmail = address;
            return;
        }
        switch (p.ToLowerInvariant())
        {
            case "schemas": case "id": case "meta": case "groups": case "password": return;
            case "username": UserName = Str(value, p, invalid); return;
            case "externalid": ExternalId = Str(value, p, invalid); return;
            case "displayname": case "name.formatted": Formatted = Str(value, p, invalid); return;
            case "name.familyname": FamilyName = Str(value, p, invalid); return;
            case "name.givenname": GivenName = Str(value, p, invalid); return;
            case "name.middlename": case "name.honorificprefix": case "name.honorificsuffix": case "nickname": case "title": case "usertype":
            case "locale": case "timezone": case "profileurl": case "phonenumbers": case "addresses": case "ims": case "photos": case "x509certificates":
            case "entitlements": case "roles":
                return;
            case "preferredlanguage": PreferredLanguage = Str(value, p, invalid); return;
            case "active": Active = value is null ? true : Bool(value, p, invalid); return;
            case "name":
                if (value is null) { FamilyName = GivenName = Formatted = null; return; }
                if (value is not JsonObject name) throw new ScimException(invalid(p));
                foreach (var (n, v) in name) Set("name." + n, v, invalid);
                return;
            case "emails":
                if (value is null) { WorkEmail = PersonalEmail = null; return; }
                var items = value is JsonArray a ? a.ToList() : [value];
                foreach (var item in items)
                {
                    if (item is not JsonObject email) throw new ScimException(invalid(p));
                    var type = Str(Field(email, "type"), p, invalid)?.ToLowerInvariant();
                    var address = Str(Field(email, "value"), p, invalid);
                    // A work address (or one without a type: Entra's default mapping sends the mailbox as "work").
                    if (type is "home" or "other") PersonalEmail = address;
                    else if (type is null or "work") WorkEmail = address;
                    else throw new ScimException(invalid(p));
                }
                return;
            default:
                // A sub-attribute of name we do not know, or any other attribute of the core schema: ignored, as SCIM allows.
                if (p.StartsWith("name.", StringComparison.OrdinalIgnoreCase) || Regex.IsMatch(p, "^[A-Za-z][A-Za-z0-9_-]*$")) return;
                throw new ScimException(new ScimError(400, "invalidPath", "Scim.InvalidPath", p));
        }
    }

    void SetExtension(string urn, string? name, JsonNode? value, Func<string, ScimError> invalid, bool clearAll = false)
    {
        if (clearAll)
        {
            if (urn == ScimUrns.Enterprise) EmployeeNumber = Department = null;
            else LastDay = JoinedYear = FamilyNameKana = GivenNameKana = null;
            return;
        }
        var path = urn + ":" + name;
        switch ((urn, name!.ToLowerInvariant()))
        {
            case (ScimUrns.Enterprise, "employeenumber"): EmployeeNumber = Str(value, path, invalid); return;
            case (ScimUrns.Enterprise, "department"): Department = Str(value, path, invalid); return;
            case (ScimUrns.Leaver, "lastday"): LastDay = Str(value, path, invalid); return;
            case (ScimUrns.Leaver, "joinedyear"): JoinedYear = value is JsonValue v && v.TryGetValue<int>(out var year) ? year.ToString(CultureInfo.InvariantCulture) : Str(value, path, invalid); return;
            case (ScimUrns.Leaver, "familynamekana"): FamilyNameKana = Str(value, path, invalid); return;
            case (ScimUrns.Leaver, "givennamekana"): GivenNameKana = Str(value, path, invalid); return;
            case (ScimUrns.Leaver, "personalemail"): PersonalEmail = Str(value, path, invalid); return;
            case (ScimUrns.Enterprise, _): return; // manager, costCenter, organization, division: not kept
            default: throw new ScimException(new ScimError(400, "invalidPath", "Scim.InvalidPath", path));
        }
    }

    static JsonNode? Field(JsonObject o, string name) =>
        o.FirstOrDefault(kv => kv.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    static string? Str(JsonNode? node, string path, Func<string, ScimError> invalid)
    {
        if (node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var s = v.GetValue<string>().Trim();
            return s.Length == 0 ? null : s;
        }
        if (node is JsonValue n && n.GetValueKind() == JsonValueKind.Number) return n.ToJsonString();
        throw new ScimException(invalid(path));
    }

    /// <summary>A boolean, or its text: Entra ID sends <c>"False"</c> in PATCH operations.</summary>
    static bool Bool(JsonNode node, string path, Func<string, ScimError> invalid)
    {
        if (node is JsonValue v)
        {
            if (v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v.GetValue<bool>();
            if (v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>().Trim(), out var b)) return b;
        }
        throw new ScimException(invalid(path));
    }

    [GeneratedRegex("""^emails\[\s*type\s+eq\s+"(?<type>work|home|other)"\s*\](?:\.(?<sub>[A-Za-z]+))?$""", RegexOptions.IgnoreCase)]
    private static partial Regex EmailPath();
}

/// <summary>Stops reading or applying a request at the first bad part; caught by the endpoint and answered as SCIM error.</summary>
public sealed class ScimException(ScimError error) : Exception(error.DetailKey)
{
    public ScimError Error { get; } = error;
}

/// <summary>
/// A SCIM filter of the forms Entra ID and Okta send: <c>userName eq "x"</c>, <c>externalId eq "x"</c> (and <c>id eq</c>).
/// This is a deliberate subset of RFC 7644 §3.4.2.2, read by one strict pattern (no SCIM filter library is kept for .NET):
/// anything else, and/or included, is refused with <c>invalidFilter</c> rather than half understood.
/// </summary>
public static partial class ScimFilter
{
    public static (string Attribute, string Value)? Parse(string filter)
    {
        var m = Eq().Match(filter);
        if (!m.Success) return null;
        string value;
        try { value = JsonSerializer.Deserialize<string>("\"" + m.Groups["value"].Value + "\"")!; }
        catch (JsonException) { return null; }
        return (m.Groups["attr"].Value.ToLowerInvariant(), value);
    }

    [GeneratedRegex("""^\s*(?:urn:ietf:params:scim:schemas:core:2\.0:User:)?(?<attr>userName|externalId|id)\s+eq\s+"(?<value>(?:[^"\\]|\\.)*)"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex Eq();
}
