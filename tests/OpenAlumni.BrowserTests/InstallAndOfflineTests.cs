using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// Issue 12's installable app, on a phone-sized Chromium at the tests' &lt;slug&gt;.localhost hosts (a secure
/// context, as HTTPS is in production): the manifest is linked and valid, the service worker takes control, a
/// page asked for without a network shows the offline page, the attendee's ticket opened once online opens
/// offline with a QR code that still scans, and after sign-out the phone no longer has it.
/// </summary>
public sealed class InstallAndOfflineTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task Manifest_ServiceWorker_OfflinePage_AndTheTicketAtTheDoor(string culture)
    {
        var ja = culture == "ja";
        var tenant = await App.CreateTenantAsync(ja ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Alumni Network", culture);
        var attendee = await tenant.MemberAsync(MemberKind.Alumni, "鈴木", "美穂", "すずき", "みほ");
        var title = ja ? "丸の内アルムナイ交流会 2030" : "Marunouchi Alumni Meetup 2030";
        var (eventId, code) = await ConfirmedTicketAsync(tenant, attendee, title);
        var ticketUrl = $"/events/ticket?id={eventId}";
        var page = await OpenAsync(tenant, "attendee");
        await page.SetViewportSizeAsync(360, 780);
        var shots = $"{culture}-360";

        // 1. The manifest is linked from the page, names this network and lists PNG icons of the stated sizes.
        await page.GotoAsync("/accounts/login");
        // Fetched by the page itself: the Node side of Playwright cannot resolve *.localhost as Chromium does.
        var manifestHref = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        var fetched = await page.EvaluateAsync<string[]>("href => fetch(href).then(async r => [r.headers.get('content-type'), await r.text()])", manifestHref);
        Assert.Equal("application/manifest+json", fetched[0].Split(';')[0]);
        using var manifest = JsonDocument.Parse(fetched[1]);
        Assert.Equal(tenant.Info.Name, manifest.RootElement.GetProperty("name").GetString());
        Assert.Equal("/", manifest.RootElement.GetProperty("start_url").GetString());
        Assert.Equal("standalone", manifest.RootElement.GetProperty("display").GetString());
        var icons = manifest.RootElement.GetProperty("icons").EnumerateArray().ToList();
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("purpose").GetString() == "maskable");
        foreach (var icon in icons)
        {
            var png = Convert.FromBase64String(await page.EvaluateAsync<string>("""
                src => fetch(src).then(r => r.arrayBuffer()).then(b => { let s = ""; for (const x of new Uint8Array(b)) s += String.fromCharCode(x); return btoa(s); })
                """, icon.GetProperty("src").GetString()));
            using var bitmap = SKBitmap.Decode(png);
            Assert.Equal(icon.GetProperty("sizes").GetString(), $"{bitmap.Width}x{bitmap.Height}");
            Assert.Equal("PNG"u8.ToArray(), png[1..4]);
        }

        // 2. The service worker registers, activates and controls the page.
        await SignInAsync(page, UiText.For(culture), attendee);
        await WaitForWorkerAsync(page);

        // 3. The attendee opens their ticket online once: it is saved for the door.
        await page.GotoAsync(ticketUrl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(RsvpService.TicketPrefix + code, await QrImage.ReadAsync(page.GetByTestId("ticket-qr")));
        await page.WaitForFunctionAsync("url => caches.open('oa-tickets').then(c => c.match(url)).then(r => !!r)", ticketUrl);

        // 4. Without a network, a page shows the offline page (not the browser's error), which lists the ticket.
        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/members");
        await Expect(page.GetByTestId("offline-page")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ja ? "オフラインです" : "You are offline");
        await Expect(page.GetByTestId("offline-ticket")).ToHaveTextAsync(title);
        await SnapAsync(page, shots, "offline-page");

        // 5. The ticket opens from there, offline, and its QR code still scans to the ticket's code.
        await page.GetByTestId("offline-ticket").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(ticketUrl) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("ticket-name")).ToHaveTextAsync(attendee.DisplayName);
        Assert.Equal(RsvpService.TicketPrefix + code, await QrImage.ReadAsync(page.GetByTestId("ticket-qr")));
        await SnapAsync(page, shots, "offline-ticket");

        // 6. Back online, the attendee signs out: the saved ticket is gone from the phone.
        await page.Context.SetOfflineAsync(false);
        await page.GotoAsync("/");
        // On a phone, signing out is in the bottom bar's menu.
        await page.Locator("[data-testid=phonemenu] > summary").ClickAsync();
        var started = DateTime.UtcNow;
        await page.Locator("[data-testid=phonemenu-panel] form[action='/accounts/logout'] button").ClickAsync();
        await Expect(page.Locator("header a[href='/accounts/login']")).ToBeVisibleAsync();
        var signOutTime = DateTime.UtcNow - started;
        Assert.False(await page.EvaluateAsync<bool>("url => caches.open('oa-tickets').then(c => c.match(url)).then(r => !!r)", ticketUrl),
            "The ticket is still in the cache after sign-out.");
        await WaitForWorkerAsync(page); // the next page registers the worker again, as for any visitor

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync(ticketUrl);
        await Expect(page.GetByTestId("offline-page")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("ticket-qr")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("offline-tickets")).ToHaveAttributeAsync("data-listed", "true");
        await Expect(page.GetByTestId("offline-tickets")).ToBeHiddenAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"Sign-out with Clear-Site-Data ({culture}): {signOutTime.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task SigningInAgain_KeepsMyTicketAndPush_ButTheNextMembersSignIn_DropsWhatILeftBehind()
    {
        var tenant = await App.CreateTenantAsync("Shared Phone Network", "en");
        var first = await tenant.MemberAsync(MemberKind.Alumni, "佐藤", "健一");
        var second = await tenant.MemberAsync(MemberKind.Alumni, "鈴木", "美穂");
        var (eventId, _) = await ConfirmedTicketAsync(tenant, first, "Reunion 2030");
        var ticketUrl = $"/events/ticket?id={eventId}";
        var page = await OpenAsync(tenant, "shared phone");
        // Headless Chromium has no push service to subscribe with: this phone "has" a subscription, and the test
        // counts how often the page ends it.
        await page.AddInitScriptAsync("""
            PushManager.prototype.getSubscription = async function () {
              return { unsubscribe: async () => { localStorage.setItem("test-unsubscribed", String(Number(localStorage.getItem("test-unsubscribed") || 0) + 1)); return true; } };
            };
            """);
        await SignInAsync(page, UiText.For("en"), first);
        await WaitForWorkerAsync(page);
        await page.GotoAsync(ticketUrl);
        await page.WaitForFunctionAsync("url => caches.open('oa-tickets').then(c => c.match(url)).then(r => !!r)", ticketUrl);

        // The first member's session runs out (its cookie is gone) and they sign in again: nothing of theirs is lost.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, UiText.For("en"), first);
        await WaitForWorkerAsync(page);
        await page.WaitForFunctionAsync("id => localStorage.getItem('oa-member') === id", first.Id.ToString());
        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync(ticketUrl);
        await Expect(page.GetByTestId("ticket-qr")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('test-unsubscribed')"));
        await page.Context.SetOfflineAsync(false);

        // Then they leave the phone without signing out, and the next member signs in on it.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, UiText.For("en"), second);
        await WaitForWorkerAsync(page);
        await page.WaitForFunctionAsync("id => localStorage.getItem('oa-member') === id", second.Id.ToString());
        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync(ticketUrl);

        await Expect(page.GetByTestId("offline-page")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("ticket-qr")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("offline-tickets")).ToHaveAttributeAsync("data-listed", "true");
        await Expect(page.GetByTestId("offline-tickets")).ToBeHiddenAsync();
        Assert.Equal("1", await page.EvaluateAsync<string?>("() => localStorage.getItem('test-unsubscribed')"));
    }

    /// <summary>Waits until the service worker is active and controls the page (it claims open pages on activation).</summary>
    static async Task WaitForWorkerAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.ready.then(r => r.active.state === 'activated' && navigator.serviceWorker.controller !== null)");
    }

    /// <summary>A published event in the network's future with a confirmed, in-person place for the attendee.</summary>
    async Task<(long EventId, string Code)> ConfirmedTicketAsync(BrowserTenant tenant, Person attendee, string title)
    {
        var code = "bt" + Guid.NewGuid().ToString("N");
        var id = await App.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<AlumniDb>();
            var now = DateTimeOffset.UtcNow;
            var ev = new Event
            {
                TenantId = tenant.Info.Id, Title = title, Kind = EventKind.Meetup, Format = EventFormat.Offline, Status = EventStatus.Published,
                StartsAt = now.AddDays(20), EndsAt = now.AddDays(20).AddHours(2), Venue = tenant.Culture == "ja" ? "本社 20階 大ホール" : "Head office, 20F hall",
                CapacityInPerson = 50, ConfirmedInPerson = 1, CreatedByMemberId = attendee.Id, CreatedAt = now, UpdatedAt = now, PublishedAt = now,
            };
            db.Add(ev);
            await db.SaveChangesAsync();
            db.Add(new Rsvp
            {
                TenantId = tenant.Info.Id, EventId = ev.Id, MemberId = attendee.Id, Mode = AttendanceMode.InPerson, Status = RsvpStatus.Confirmed,
                TicketCode = code, CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
            return ev.Id;
        });
        return (id, code);
    }
}
