using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// Every page, taken from the app's own endpoints (so a new page cannot be forgotten), answers a form posted
/// with a valid antiforgery token but a handler it does not have with 404, never 500.
/// </summary>
public abstract class UnknownPageHandlerTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task EveryPage_PostWithAnUnknownOrMissingHandler_AnswersNotFound()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        // The session is held by hand (the client keeps no cookies), so that no page's answer (a sign-out) ends it.
        var browser = App.CreateClient(new() { BaseAddress = new Uri($"http://{tenant.Host}/"), AllowAutoRedirect = false, HandleCookies = false });
        var (cookies, token) = await SessionAsync(browser, tenant, admin);
        var pages = await PagesAsync();
        var wrong = new List<string>();

        foreach (var (path, hasPlainPost) in pages)
        {
            var bogus = await PostAsync(browser, path + "?handler=NoSuchHandler", cookies, token);
            if (bogus != HttpStatusCode.NotFound) wrong.Add($"POST {path}?handler=NoSuchHandler → {(int)bogus}");
            // A page with a plain OnPost handles a POST without a handler name; the others have none to run.
            if (hasPlainPost) continue;
            var none = await PostAsync(browser, path, cookies, token);
            if (none != HttpStatusCode.NotFound) wrong.Add($"POST {path} → {(int)none}");
        }

        Assert.True(pages.Count > 30, $"Only {pages.Count} pages found.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task AKnownHandler_StillRuns_AndAFailedPostStillGetsItsErrorPage()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, admin.Email, admin.Password);

        var page = await browser.GetAsync("/notifications", Ct);
        var export = await browser.GetAsync("/privacy/me?handler=Export", Ct);
        var readAll = await Forms.PostAsync(browser, "/notifications?handler=ReadAll", new Dictionary<string, string>(), "/notifications");
        // Refused by its handler: the error page shown in its place (the same POST, re-executed) keeps the 400.
        var refused = await Forms.PostAsync(browser, "/admin/roster?handler=Confirm", new Dictionary<string, string> { ["upload"] = "../x" }, "/admin/roster");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, readAll.StatusCode);
        Assert.True((int)readAll.StatusCode < 500);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<html", await refused.Content.ReadAsStringAsync(Ct));
    }

    static async Task<(string Cookies, string Token)> SessionAsync(HttpClient browser, TestTenant tenant, TestMember admin)
    {
        var auth = await Forms.SignInCookieAsync(tenant, admin.Email, admin.Password);
        var request = new HttpRequestMessage(HttpMethod.Get, "/accounts/security");
        request.Headers.Add("Cookie", auth);
        var page = await browser.SendAsync(request, Ct);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery"));
        return ($"{auth}; {antiforgery}", Forms.Token(await page.Content.ReadAsStringAsync(Ct)));
    }

    static async Task<HttpStatusCode> PostAsync(HttpClient browser, string path, string cookies, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", cookies);
        return (await browser.SendAsync(request, Ct)).StatusCode;
    }

    /// <summary>Each page's path (route parameters filled in) and whether it has a plain OnPost.</summary>
    async Task<List<(string Path, bool HasPlainPost)>> PagesAsync()
    {
        var loader = App.Services.GetRequiredService<PageLoader>();
        var pages = new List<(string, bool)>();
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor) continue;
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var plainPost = compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase) && h.Name is null);
            pages.Add((Path(endpoint.RoutePattern), plainPost));
        }
        return pages.DistinctBy(p => p.Item1).ToList();
    }

    static string Path(RoutePattern pattern)
    {
        var segments = pattern.PathSegments
            .Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart { IsOptional: true } => "",
                RoutePatternParameterPart => "1",
                _ => "",
            })))
            .Where(s => s.Length > 0);
        return "/" + string.Join('/', segments);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UnknownPageHandlerTestsOnSqlite(SqliteApp app) : UnknownPageHandlerTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UnknownPageHandlerTestsOnPostgres(PostgresApp app) : UnknownPageHandlerTests(app);
