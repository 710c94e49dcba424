using System.Text.Json;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// The browser half of web push. Headless Chromium has no push service to subscribe with, so the test delivers a
/// push into the app's service worker through the DevTools protocol (ServiceWorker.deliverPushMessage), as the push
/// service would, and checks that the notification is shown with the server's title.
/// </summary>
public sealed class PushTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task SettingsPage_OffersPush_AndThePushReachesTheServiceWorker_AsANotification()
    {
        var tenant = await App.CreateTenantAsync("Push Network", "en");
        var member = await tenant.MemberAsync(MemberKind.Alumni, "山田", "花子");
        var page = await OpenAsync(tenant, "member");
        await page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = tenant.BaseUrl });
        await SignInAsync(page, UiText.For("en"), member);

        await page.GotoAsync("/notifications/settings");
        await Expect(page.GetByTestId("delivery-message-push")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("push-enable")).ToHaveTextAsync("Get notifications on this device");
        await page.GetByTestId("push-enable").ClickAsync();
        // Subscribing needs a push service, which headless Chromium lacks: the page says either outcome, never nothing.
        await Expect(page.Locator("[data-push-status]")).Not.ToBeEmptyAsync();

        var session = await page.Context.NewCDPSessionAsync(page);
        // Registrations as DevTools reports them, deleted ones too (an earlier sign-out's Clear-Site-Data deletes
        // one): only a live one can receive the push.
        var live = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        session.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var r in e!.Value.GetProperty("registrations").EnumerateArray())
                if (r.GetProperty("scopeURL").GetString()!.StartsWith(tenant.BaseUrl, StringComparison.Ordinal))
                    live[r.GetProperty("registrationId").GetString()!] = !r.GetProperty("isDeleted").GetBoolean();
        };
        await session.SendAsync("ServiceWorker.enable");
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.register('/sw.js'); await navigator.serviceWorker.ready; }");
        string? registrationId = null;
        for (var i = 0; i < 100 && registrationId is null; i++)
        {
            registrationId = live.Where(r => r.Value).Select(r => r.Key).OrderByDescending(long.Parse).FirstOrDefault();
            if (registrationId is null) await page.WaitForTimeoutAsync(200);
        }
        Assert.NotNull(registrationId);
        await session.SendAsync("ServiceWorker.deliverPushMessage", new Dictionary<string, object>
        {
            ["origin"] = tenant.BaseUrl, ["registrationId"] = registrationId,
            ["data"] = JsonSerializer.Serialize(new { title = "[Push Network] New message from 佐藤 一郎", body = "New message from 佐藤 一郎", url = "/messages/1" }),
        });

        var shown = page.Locator("body");
        await Expect(shown).ToBeVisibleAsync();
        string titles = "";
        for (var i = 0; i < 50 && !titles.Contains("New message from 佐藤 一郎"); i++)
        {
            titles = await page.EvaluateAsync<string>("async () => (await (await navigator.serviceWorker.ready).getNotifications()).map(n => n.title + ' | ' + n.body).join('\\n')");
            if (!titles.Contains("佐藤")) await page.WaitForTimeoutAsync(200); // the worker shows it asynchronously
        }
        Assert.Contains("[Push Network] New message from 佐藤 一郎 | New message from 佐藤 一郎", titles);
    }
}
