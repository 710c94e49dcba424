using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace OpenAlumni.Tests.Infrastructure.Trust;

/// <summary>
/// Calls every operation and page as every caller, with ids of the caller's own, another member's and another
/// network's objects, and compares each answer with <see cref="AccessTable"/>: a refused caller never gets a 2xx
/// and gets the refusal the table names; nobody gets a 5xx; no body on one network's host holds the other's marker.
/// </summary>
public sealed partial class AccessMatrix(AlumniApp app, MatrixNetwork here, MatrixNetwork other)
{
    /// <summary>Refused callers first and the admin last, so that an allowed change does not decide a refusal.</summary>
    static readonly Caller[] Order =
    [
        Caller.Anonymous, Caller.OtherMemberHere, Caller.OtherAdminHere, Caller.Suspended, Caller.Pending, Caller.Employee,
        Caller.Recruiter, Caller.OtherMemberAtHome, Caller.OtherAdminAtHome, Caller.Member, Caller.Admin,
    ];
    static readonly string[] Literals = ["chart", "kind", "code", "token", "key", "file"];

    public int Calls { get; private set; }
    /// <summary>Calls the table refuses (each answered with a refusal, or listed in <see cref="Wrong"/>).</summary>
    public int Refused { get; private set; }
    public List<string> Wrong { get; } = [];
    /// <summary>Operations and pages that answered 2xx to at least one caller the table allows.</summary>
    public HashSet<string> Answered { get; } = [];
    public int CallerCount => Order.Length;

    public async Task RunPagesAsync(IEnumerable<PageRoute> pages, CancellationToken ct)
    {
        foreach (var page in pages)
        {
            var rule = AccessTable.Pages[page.Path];
            foreach (var caller in Order)
                foreach (var whose in Variants(page.Path, rule, caller))
                    await CallAsync(page.Path, HttpMethod.Get, page.Path, rule, caller, whose, Surface.Page, ct);
        }
    }

    /// <summary>
    /// Every read without an id, asked four times at once by a member who never asked before: what a read makes on
    /// first use (a calendar feed, settings) must not break when two tabs or a page and an app ask together.
    /// </summary>
    public async Task RunFirstReadsAtOnceAsync(IEnumerable<ApiOperation> operations, CancellationToken ct)
    {
        var (token, _) = here.SignIns[Caller.Employee];
        using var client = app.CreateClient(new() { BaseAddress = new Uri($"http://{here.Tenant.Host}/"), AllowAutoRedirect = false, HandleCookies = false });
        foreach (var op in operations.Where(o => o.IsRead && !ParameterPattern().IsMatch(o.Path)))
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, op.Path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(request, ct);
                return (int)response.StatusCode;
            }));
            Calls += answers.Length;
            foreach (var status in answers.Where(s => s >= 500)) Wrong.Add($"GET {op.Path} as Employee, four at once → {status}: a server error");
        }
    }

    public async Task RunApiAsync(IEnumerable<ApiOperation> operations, CancellationToken ct)
    {
        // Reads, then changes, then the changes that take an object away (deleting, cancelling, hiding, suspending).
        foreach (var op in operations.OrderBy(o => AccessTable.Api[o.Key].Destructive).ThenBy(o => o.IsRead ? 0 : 1))
        {
            var rule = AccessTable.Api[op.Key];
            foreach (var caller in Order)
                foreach (var whose in Variants(op.Path, rule, caller))
                    await CallAsync(op.Key, new HttpMethod(op.Method), op.Path, rule, caller, whose, Surface.Api, ct);
        }
    }

    /// <summary>The endpoints outside the OpenAPI document, as a browser opens them (with the cookie); the hub with the bearer token.</summary>
    public async Task RunOtherAsync(IEnumerable<ApiOperation> endpoints, CancellationToken ct)
    {
        foreach (var op in endpoints)
        {
            var rule = AccessTable.Other[op.Key];
            foreach (var caller in Order)
                foreach (var whose in Variants(op.Path, rule, caller))
                    await CallAsync(op.Key, new HttpMethod(op.Method), op.Path, rule, caller, whose, Surface.Other, ct);
        }
    }

    async Task CallAsync(string name, HttpMethod method, string template, AccessRule rule, Caller caller, Whose whose, Surface surface, CancellationToken ct)
    {
        var atHome = caller is Caller.OtherMemberAtHome or Caller.OtherAdminAtHome;
        var network = atHome ? other : here;
        var signIn = caller switch
        {
            Caller.Anonymous => ((string, string)?)null,
            Caller.OtherMemberHere or Caller.OtherMemberAtHome => other.SignIns[Caller.Member],
            Caller.OtherAdminHere or Caller.OtherAdminAtHome => other.SignIns[Caller.Admin],
            _ => here.SignIns[caller],
        };
        var path = Fill(template, whose) + (rule.QueryId is { } kind ? "?id=" + Id(kind, whose) : "");
        var request = new HttpRequestMessage(method, path);
        request.Headers.AcceptLanguage.ParseAdd("en");
        if (signIn is var (token, cookie))
        {
            if (surface == Surface.Api || template.StartsWith("/hubs/", StringComparison.Ordinal)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            else request.Headers.Add("Cookie", cookie);
        }
        if (surface == Surface.Api && rule.Body is { } body && method != HttpMethod.Get) request.Content = body is AccessTable.Upload upload ? MatrixNetwork.Image(upload.Field) : JsonContent.Create(body);

        using var client = app.CreateClient(new() { BaseAddress = new Uri($"http://{network.Tenant.Host}/"), AllowAutoRedirect = false, HandleCookies = false });
        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Calls++;

        var status = (int)response.StatusCode;
        var allowed = caller switch
        {
            Caller.OtherMemberHere or Caller.OtherAdminHere => rule.Allows(Caller.Anonymous, whose),
            Caller.OtherMemberAtHome => rule.Allows(Caller.Employee, whose == Whose.None ? whose : Whose.Foreign),
            Caller.OtherAdminAtHome => rule.Allows(Caller.Admin, whose == Whose.None ? whose : Whose.Foreign),
            _ => rule.Allows(caller, whose),
        };
        var call = $"{method} {path} as {caller} ({whose}) → {status}";
        if (!allowed) Refused++;
        if (status >= 500) Wrong.Add($"{call}: a server error");
        else if (!allowed && status is >= 200 and < 300) Wrong.Add($"{call}: the table refuses it");
        // SCIM takes only its own token: to everyone else it answers 401, whatever their role.
        else if (!allowed && (rule.Who == Who.HrSystem ? status != 401 : !AccessRule.Refusals(caller, surface, atHome ? Whose.Foreign : whose).Contains(status))) Wrong.Add($"{call}: not the refusal the table names");
        // A refusal by redirect goes to the login or the access-denied page, nowhere else.
        else if (!allowed && status == 302 && !ToSignInOrDenied(response.Headers.Location)) Wrong.Add($"{call}: redirected to {response.Headers.Location}");
        else if (allowed && (status is >= 200 and < 300 || (surface == Surface.Page && status is >= 300 and < 400))) Answered.Add(name);
        var foreignMarker = atHome ? here.Marker : other.Marker;
        if (text.Contains(foreignMarker, StringComparison.Ordinal)) Wrong.Add($"{call}: the body holds another network's data");
    }

    static bool ToSignInOrDenied(Uri? to) => to?.OriginalString is { } s
        && (s.Contains("/accounts/login", StringComparison.OrdinalIgnoreCase) || s.Contains("/accounts/accessdenied", StringComparison.OrdinalIgnoreCase));

    /// <summary>With an id: another network's object, another member's, then the caller's own. At home, the other network's callers get this network's.</summary>
    static IEnumerable<Whose> Variants(string template, AccessRule rule, Caller caller)
    {
        // The calendar feed's token is its key: the member's own, another's, another network's.
        var takesId = rule.QueryId is not null || template.StartsWith("/calendar/", StringComparison.Ordinal) || ParameterPattern().Matches(template).Any(m => !Literals.Contains(m.Groups[1].Value));
        if (!takesId) return [Whose.None];
        return caller is Caller.OtherMemberAtHome or Caller.OtherAdminAtHome ? [Whose.Theirs, Whose.Mine] : [Whose.Foreign, Whose.Theirs, Whose.Mine];
    }

    string Fill(string template, Whose whose)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var m = ParameterPattern().Match(segments[i]);
            if (!m.Success) continue;
            var value = m.Groups[1].Value switch
            {
                "token" when template.StartsWith("/calendar/", StringComparison.Ordinal) =>
                    whose switch { Whose.Mine => here.FeedTokens[0], Whose.Theirs => here.FeedTokens[1], _ => other.FeedTokens[0] },
                "chart" => "members", "kind" => "like", "code" => "404", "token" => "no-such-token", "key" => "no-such-file.jpg",
                "file" => "icon-192.png",
                _ => Id(Kind(template, segments, i), whose).ToString(),
            };
            segments[i] = segments[i].Replace(m.Value, value);
        }
        return string.Join('/', segments);
    }

    /// <summary>The kind of object a route parameter names, from the segment before it.</summary>
    static string Kind(string template, string[] segments, int i)
    {
        var before = segments[i - 1];
        if (before is "edit" or "new") before = before == "new" ? "people" : segments[i - 2];
        var api = template.StartsWith("/api/", StringComparison.Ordinal);
        return before switch
        {
            "events" when template.Contains("/pitches/") => "pitchnight",
            "members" when template.StartsWith("/api/v1/admin/", StringComparison.Ordinal) => "admin/members",
            "members" or "blocks" or "requests" or "moderators" or "invitations" or "supporters" or "suggestions" => "people",
            "recruiters" => "admin/members",
            "attachments" => "posts",
            "messages" when !api => "conversations",
            _ => before,
        };
    }

    long Id(string kind, Whose whose) => whose switch
    {
        Whose.Mine => here.Ids[kind][0],
        Whose.Theirs => here.Ids[kind][1],
        _ => other.Ids[kind][0],
    };


    [GeneratedRegex(@"\{([A-Za-z]+)\??\}")]
    private static partial Regex ParameterPattern();
}
