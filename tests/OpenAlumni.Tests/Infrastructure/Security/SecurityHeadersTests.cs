using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure.Trust;
using OpenAlumni.Web.Infrastructure.Security;

namespace OpenAlumni.Tests.Infrastructure.Security;

/// <summary>
/// The browser's security headers (ASVS V3, V13, V14) on every kind of answer: pages, the API, uploaded and static
/// files, errors; and no inline script anywhere, so that the Content-Security-Policy can forbid it.
/// </summary>
public abstract partial class SecurityHeadersTests(AlumniApp app) : AppTest(app)
{
    static void AssertBrowserHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: no CSP");
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Assert.Single(csp));
        Assert.DoesNotContain("unsafe-inline", Assert.Single(csp).Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=(self)", Header(response, "Permissions-Policy"));
        Assert.Contains("microphone=()", Header(response, "Permissions-Policy"));
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.False(response.Headers.Contains("Server"), $"{what}: Server banner");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{what}: HSTS over plain HTTP");
    }

    static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
        : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : null;

    static bool NoStore(HttpResponseMessage response) => response.Headers.CacheControl?.NoStore == true;

    [Fact]
    public async Task AnonymousPage_HasEveryHeader()
    {
        var tenant = await App.CreateTenantAsync();

        var login = await tenant.Client().GetAsync("/accounts/login", Ct);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        AssertBrowserHeaders(login, "login page");
    }

    [Fact]
    public async Task ApiAnswer_HasEveryHeader_AndIsNeverStored()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ClientForAsync(await tenant.MemberAsync());

        var me = await member.GetAsync("/api/v1/members/me", Ct);
        var login = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = "x@example.com", password = "wrong-password-1" }, Ct);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        AssertBrowserHeaders(me, "API");
        Assert.True(NoStore(me), "a profile was cacheable");
        Assert.True(NoStore(login), "a login answer was cacheable");
    }

    [Fact]
    public async Task SignedInMembersPages_AreNeverStored()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);

        var directory = await browser.GetAsync("/members", Ct);

        Assert.Equal(HttpStatusCode.OK, directory.StatusCode);
        AssertBrowserHeaders(directory, "directory");
        Assert.True(NoStore(directory), "a signed-in page was cacheable");
    }

    [Fact]
    public async Task UploadedAndStaticFiles_AreNotSniffed_AndUploadsNotStored()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var upload = await member.PostAsync("/api/v1/posts/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(64, 64)), "image", "x.png" } }, Ct);
        var url = (await JsonAsync(upload)).GetProperty("markdown").GetString()![4..^1];

        var image = await member.GetAsync(url, Ct);
        var script = await tenant.Client().GetAsync("/js/print.js", Ct);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        AssertBrowserHeaders(image, "uploaded image");
        Assert.True(NoStore(image), "an uploaded image was cacheable");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        AssertBrowserHeaders(script, "static file");
        Assert.False(NoStore(script));
    }

    [Theory]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/members/me", HttpStatusCode.Unauthorized)]
    [InlineData("/admin/members", HttpStatusCode.Redirect)]
    public async Task Errors_HaveEveryHeader(string path, HttpStatusCode expected)
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().GetAsync(path, Ct);

        Assert.Equal(expected, response.StatusCode);
        AssertBrowserHeaders(response, path);
    }

    [Fact]
    public async Task MalformedJson_ProblemAnswer_HasEveryHeader()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().PostAsync("/api/v1/auth/login", new StringContent("{\"email\": [", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertBrowserHeaders(response, "malformed JSON");
        Assert.True(NoStore(response));
    }

    [Fact]
    public async Task CommunityWidget_KeepsItsOwnFrameAncestors()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/admin/community", new { enabled = true }, Ct)).StatusCode);

        var widget = await tenant.Client().GetAsync("/community/widget", Ct);
        var page = await tenant.Client().GetAsync("/community", Ct);

        var csp = Assert.Single(widget.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors *", csp);
        Assert.Equal("nosniff", Header(widget, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'self'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
    }

    /// <summary>
    /// Every page of the demo network, as its admin sees it, route parameters filled with the demo's ids: not one
    /// inline script, event handler attribute or javascript: link, which the CSP would block in the browser.
    /// (A JSON data block, &lt;script type="application/json"&gt;, is not run and is allowed.)
    /// </summary>
    [Fact]
    public async Task EveryPage_HasNoInlineScript()
    {
        var demo = await DemoTenant.SeedAsync(App);
        var api = await demo.AdminAsync();
        var browser = await demo.AdminBrowserAsync();
        var ids = new Dictionary<string, long?>
        {
            ["events"] = await FirstIdAsync(api, "/api/v1/events?when=all"),
            ["posts"] = await FirstIdAsync(api, "/api/v1/posts"),
            ["members"] = await FirstIdAsync(api, "/api/v1/members"),
            ["jobs"] = await FirstIdAsync(api, "/api/v1/jobs"),
            ["collaborations"] = await FirstIdAsync(api, "/api/v1/collaborations"),
            ["messages"] = await FirstIdAsync(api, "/api/v1/conversations"),
        };
        var paths = PagePaths(ids).Concat(
        [
            $"/events/edit?id={ids["events"]}", $"/events/checkin?id={ids["events"]}", $"/events/attendees?id={ids["events"]}",
            $"/posts/edit?id={ids["posts"]}", "/posts/edit", "/events/edit", "/members/edit", "/accounts/security",
        ]).Distinct().ToList();

        var offenders = new List<string>();
        var checkedPages = 0;
        foreach (var path in paths)
        {
            var response = await browser.GetAsync(path, Ct);
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync(Ct);
            checkedPages++;
            offenders.AddRange(InlineScript().Matches(html).Select(m => $"{path}: {m.Value}"));
            offenders.AddRange(EventHandler().Matches(html).Select(m => $"{path}: {m.Value}"));
        }

        TrustFigures.Report("Content-Security-Policy", $"{App.Provider}: {checkedPages} pages checked for inline script, {offenders.Count} found");
        Assert.True(checkedPages >= 40, $"only {checkedPages} pages checked");
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    static async Task<long?> FirstIdAsync(HttpClient api, string path)
    {
        var body = await api.GetFromJsonAsync<JsonElement>(path, Ct);
        var items = body.ValueKind == JsonValueKind.Array ? body : body.GetProperty("items");
        return items.GetArrayLength() > 0 ? items[0].GetProperty("id").GetInt64() : null;
    }

    /// <summary>The path of every page the app maps; a route parameter gets the id of its section's first item.</summary>
    IEnumerable<string> PagePaths(Dictionary<string, long?> ids)
    {
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null) continue;
            var segments = endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart { IsOptional: true } => "",
                RoutePatternParameterPart { Name: "code" } => "404",
                RoutePatternParameterPart { Name: "memberId" } => ids["members"]?.ToString() ?? "",
                RoutePatternParameterPart => "{id}",
                _ => "",
            }))).Where(s => s.Length > 0).ToList();
            var path = "/" + string.Join('/', segments);
            if (!path.Contains("{id}")) { yield return path; continue; }
            if (segments.Count > 0 && ids.TryGetValue(segments[0].ToLowerInvariant(), out var id) && id is not null)
                yield return path.Replace("{id}", id.ToString());
        }
    }

    [GeneratedRegex("<script\\b(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[a-z][^>]*\\s(on[a-z]+\\s*=|[a-z]+=\"\\s*javascript:)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}

[Collection(SqliteCollection.Name)]
public sealed class SecurityHeadersTestsOnSqlite(SqliteApp app) : SecurityHeadersTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SecurityHeadersTestsOnPostgres(PostgresApp app) : SecurityHeadersTests(app);
