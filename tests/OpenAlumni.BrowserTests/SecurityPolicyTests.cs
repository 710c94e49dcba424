using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// The Content-Security-Policy in a real browser: the pages whose script the journeys do not reach (charts, the
/// print button) work under it, and an inline script is really refused and reported, so that a journey that
/// meets one fails (BrowserTest collects every violation).
/// </summary>
public sealed class SecurityPolicyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task AnalyticsCharts_AndThePrintButton_WorkUnderThePolicy()
    {
        var tenant = await App.CreateTenantAsync("Policy Network", "en");
        var admin = await tenant.AdminAsync();
        var page = await OpenAsync(tenant, "secretariat");
        // Headless Chromium has no print dialog: the button's click is recorded instead.
        await page.AddInitScriptAsync("window.print = () => document.documentElement.dataset.printed = 'yes';");
        await SignInAsync(page, UiText.For("en"), admin);

        await page.GotoAsync("/admin/analytics");
        await Expect(page.Locator("canvas").First).ToBeVisibleAsync();
        var dashboardCharts = await page.EvaluateAsync<int>("() => Object.keys(window.Chart?.instances ?? {}).length");
        await page.GotoAsync("/admin/analytics/report");
        await page.GetByTestId("print").ClickAsync();

        Assert.True(dashboardCharts > 0, "Chart.js drew no chart");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-printed", "yes");
    }

    [Fact]
    public async Task AnInlineScript_IsRefused_AndReported()
    {
        ExpectPolicyViolations();
        var tenant = await App.CreateTenantAsync("Policy Network", "en");
        var page = await OpenAsync(tenant, "visitor");
        await page.GotoAsync("/accounts/login");

        var ran = false;
        var report = await page.RunAndWaitForConsoleMessageAsync(async () =>
            ran = await page.EvaluateAsync<bool>("""
                () => { const s = document.createElement("script"); s.textContent = "window.ranInline = true"; document.body.appendChild(s); return window.ranInline === true; }
                """),
            new() { Predicate = m => m.Text.Contains("Content Security Policy") || m.Text.StartsWith("CSP violation") });

        Assert.False(ran);
        Assert.Equal("error", report.Type);
    }
}
