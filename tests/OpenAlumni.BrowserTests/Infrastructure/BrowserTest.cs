using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests.Infrastructure;

/// <summary>
/// Base of the browser tests: skips (or, under CI, fails) without Chromium, opens a browser profile per
/// person, and on failure leaves a screenshot of every open page in the output folder's failures/.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest : IAsyncLifetime
{
    readonly List<(string Who, IBrowserContext Context)> contexts = [];
    readonly List<string> policyViolations = [];

    /// <summary>
    /// Reports each Content-Security-Policy violation on the console, where <see cref="WatchPolicy"/> collects it:
    /// Chromium logs a blocked inline script or handler itself, and this event also names blocked fetches, styles and
    /// images. Playwright runs init scripts outside the page's policy.
    /// </summary>
    const string ReportViolations = """
        document.addEventListener("securitypolicyviolation", e =>
          console.error("CSP violation: " + e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));
        """;

    static BrowserTest()
    {
        // Generous for a 2-core machine; the assertions retry until then, so a fast run does not wait.
        SetDefaultExpectTimeout(15_000);
    }

    protected BrowserTest(BrowserApp app)
    {
        App = app;
        if (app.SkipReason is { } reason)
        {
            if (BrowserApp.BrowserRequired) Assert.Fail(reason + " OPENALUMNI_REQUIRE_BROWSER=1 forbids skipping.");
            Assert.Skip(reason);
        }
    }

    protected BrowserApp App { get; }

    /// <summary>The output folder's screenshots/, where the tests leave the pictures they take on purpose.</summary>
    protected static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>A full-page picture of a step, in the output folder's screenshots/, to look at after a run.</summary>
    protected static Task SnapAsync(IPage page, string culture, string step)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        return page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{culture}-{step}.png"), FullPage = true });
    }

    /// <summary>A full-page picture from the top: after a redirect to an anchor (#comments) the sticky header would sit mid-picture.</summary>
    protected static async Task SnapTopAsync(IPage page, string culture, string step)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await SnapAsync(page, culture, step);
    }

    /// <summary>A browser profile of its own for one person, and a page in it.</summary>
    protected async Task<IPage> OpenAsync(BrowserTenant tenant, string who)
    {
        var context = await tenant.NewContextAsync();
        context.SetDefaultTimeout(20_000);
        await WatchPolicy(context, who);
        contexts.Add((who, context));
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login page, as a person would, and waits to leave it.</summary>
    protected static async Task SignInAsync(IPage page, UiText text, Person person)
    {
        await page.GotoAsync("/accounts/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = text.LoginTitle, Level = 1 })).ToBeVisibleAsync();
        await page.Locator("#Input_Email").FillAsync(person.Email);
        await page.Locator("#Input_Password").FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = text.LoginButton, Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/accounts/login"));
    }

    /// <summary>Any page that breaks the app's Content-Security-Policy fails the test (see DisposeAsync).</summary>
    async Task WatchPolicy(IBrowserContext context, string who)
    {
        await context.AddInitScriptAsync(ReportViolations);
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal)))
                lock (policyViolations) policyViolations.Add($"{who} on {message.Page?.Url}: {message.Text}");
        };
    }

    /// <summary>For the test that breaks the policy on purpose: its violations do not fail it.</summary>
    protected void ExpectPolicyViolations() => violationsExpected = true;

    bool violationsExpected;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        foreach (var (who, context) in contexts)
        {
            if (failed)
            {
                var dir = Path.Combine(AppContext.BaseDirectory, "failures");
                Directory.CreateDirectory(dir);
                var test = Regex.Replace(TestContext.Current.Test?.TestDisplayName ?? "test", @"[^\w\-]+", "_");
                var i = 0;
                foreach (var page in context.Pages)
                {
                    var file = Path.Combine(dir, $"{test}-{who}-{i++}.png");
                    try
                    {
                        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                        TestContext.Current.SendDiagnosticMessage($"Screenshot of {who}'s page {page.Url}: {file}");
                    }
                    catch (PlaywrightException) { }
                }
            }
            await context.CloseAsync();
        }
        GC.SuppressFinalize(this);
        lock (policyViolations)
            Assert.True(violationsExpected || policyViolations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", policyViolations));
    }
}
