using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// Issue 5's journey: the secretariat creates a hybrid pitch event with one seat in the room; two alumni
/// sign up in person (the second is waitlisted); the first cancels, so the second is promoted and told by
/// mail; the second opens their ticket, whose QR code the test reads from the rendered image; the
/// secretariat checks them in with that code at the door page, and the same code is refused a second time.
/// </summary>
public sealed class EventJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task HybridPitchEvent_WaitlistPromotion_TicketQr_CheckIn(string culture)
    {
        var text = UiText.For(culture);
        var ev = EventUiText.For(culture);
        var tenant = await App.CreateTenantAsync(culture == "ja" ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Alumni Network", culture);
        var admin = await tenant.AdminAsync();
        var first = await tenant.MemberAsync(MemberKind.Alumni, "佐藤", "健一", "さとう", "けんいち", edit: m => m.Organization = "株式会社ミライ商事");
        var second = await tenant.MemberAsync(MemberKind.Alumni, "鈴木", "美穂", "すずき", "みほ", edit: m => m.Organization = "みどり総合研究所");
        var title = culture == "ja" ? "アルムナイ・ピッチナイト 2030" : "Alumni Pitch Night 2030";

        // 1. The secretariat opens Events from the menu and creates the event through the form. A first try
        //    with the end before the start is refused by the field, and nothing is saved.
        var secretariat = await OpenAsync(tenant, "admin");
        await SignInAsync(secretariat, text, admin);
        await secretariat.GetByRole(AriaRole.Link, new() { Name = ev.NavEvents, Exact = true }).ClickAsync();
        await Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = ev.IndexTitle, Level = 1 })).ToBeVisibleAsync();
        await secretariat.GetByRole(AriaRole.Link, new() { Name = ev.NewEvent, Exact = true }).ClickAsync();
        await Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = ev.NewTitle, Level = 1 })).ToBeVisibleAsync();
        await secretariat.Locator("#Input_Title").FillAsync(title);
        await secretariat.Locator("#Input_Kind").SelectOptionAsync(new SelectOptionValue { Label = ev.KindPitch });
        await secretariat.GetByLabel(ev.FormatHybrid, new() { Exact = true }).CheckAsync();
        await secretariat.Locator("#Input_Description").FillAsync(culture == "ja"
            ? "卒業生が**いま取り組んでいる事業**を社員の皆さんに紹介します。\n\n- 19:00 開場\n- 19:30 ピッチ開始"
            : "Alumni present **their current business** to the employees.\n\n- 19:00 doors\n- 19:30 pitches");
        await secretariat.Locator("#Input_StartsAt").FillAsync("2030-06-12T19:00");
        await secretariat.Locator("#Input_EndsAt").FillAsync("2030-06-12T18:00");
        await secretariat.Locator("#Input_Venue").FillAsync(culture == "ja" ? "本社 20階 大ホール" : "Head office, 20F hall");
        await secretariat.Locator("#Input_Address").FillAsync("東京都千代田区丸の内1-1-1");
        await secretariat.Locator("#Input_MapUrl").FillAsync("https://maps.example.com/?q=marunouchi");
        await secretariat.Locator("#Input_OnlineUrl").FillAsync("https://meet.example.com/pitch-night");
        await secretariat.Locator("#Input_Capacity").FillAsync("1");
        await secretariat.Locator("#Input_CapacityOnline").FillAsync("50");
        await secretariat.Locator("input[name='Input.Publish']").CheckAsync();
        await secretariat.GetByRole(AriaRole.Button, new() { Name = ev.Save, Exact = true }).ClickAsync();
        await Expect(secretariat.GetByRole(AriaRole.Alert)).ToHaveTextAsync(ev.FixErrors);
        await Expect(secretariat.Locator("#Input_EndsAt-err")).ToHaveTextAsync(ev.EndBeforeStart);
        await Expect(secretariat.Locator("#Input_EndsAt")).ToHaveAttributeAsync("aria-invalid", "true");
        // What was typed is kept.
        await Expect(secretariat.Locator("#Input_Title")).ToHaveValueAsync(title);
        await Expect(secretariat.Locator("#Input_Capacity")).ToHaveValueAsync("1");
        await SnapAsync(secretariat, culture, "e01-event-form-error");
        var list = await secretariat.Context.NewPageAsync();
        await list.GotoAsync("/events");
        await Expect(list.GetByRole(AriaRole.Heading, new() { Name = ev.IndexTitle, Level = 1 })).ToBeVisibleAsync();
        await Expect(list.GetByTestId("event-card")).ToHaveCountAsync(0);
        await list.CloseAsync();

        await secretariat.Locator("#Input_EndsAt").FillAsync("2030-06-12T21:00");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = ev.Save, Exact = true }).ClickAsync();
        await Expect(secretariat).ToHaveURLAsync(new Regex(@"/events/\d+$"));
        await Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync(ev.SavedFlash);
        await Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        // Entered and shown in the network's time zone (Asia/Tokyo).
        await Expect(secretariat.GetByTestId("event-when")).ToContainTextAsync("19:00–21:00");
        await Expect(secretariat.GetByTestId("event-description").Locator("strong")).ToBeVisibleAsync();
        var eventUrl = new Uri(secretariat.Url).AbsolutePath;
        await SnapAsync(secretariat, culture, "e02-event-as-admin");

        // 2. The first alumnus finds it in the list and signs up in person: confirmed, the one seat is taken.
        var alice = await OpenAsync(tenant, "first");
        await SignInAsync(alice, text, first);
        await alice.GetByRole(AriaRole.Link, new() { Name = ev.NavEvents, Exact = true }).ClickAsync();
        var card = alice.GetByTestId("event-card").Filter(new() { HasText = title });
        await Expect(card).ToContainTextAsync(ev.KindPitch);
        await Expect(card).ToContainTextAsync(ev.FormatHybrid);
        await SnapAsync(alice, culture, "e03-events-list");
        await card.ClickAsync();
        await Expect(alice).ToHaveURLAsync(new Regex(Regex.Escape(eventUrl) + "$"));
        // The online link is for confirmed attendees only.
        await Expect(alice.GetByTestId("online-url")).ToHaveCountAsync(0);
        await alice.GetByLabel(ev.ModeInPersonChoice).CheckAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = ev.SignUp, Exact = true }).ClickAsync();
        await Expect(alice.GetByRole(AriaRole.Status)).ToHaveTextAsync(ev.SignedUpConfirmed);
        await Expect(alice.GetByTestId("my-status")).ToHaveTextAsync(ev.Confirmed);
        await Expect(alice.GetByTestId("online-url")).ToHaveTextAsync("https://meet.example.com/pitch-night");
        await SnapAsync(alice, culture, "e04-event-confirmed");

        // 3. The second signs up in person too: the room is full, so they are first on the waitlist.
        var miho = await OpenAsync(tenant, "second");
        await SignInAsync(miho, text, second);
        await miho.GotoAsync(eventUrl);
        await miho.GetByLabel(ev.ModeInPersonChoice).CheckAsync();
        await miho.GetByRole(AriaRole.Button, new() { Name = ev.SignUp, Exact = true }).ClickAsync();
        await Expect(miho.GetByRole(AriaRole.Status)).ToHaveTextAsync(ev.SignedUpWaitlisted(1));
        await Expect(miho.GetByTestId("my-status")).ToHaveTextAsync(ev.Waitlisted);
        await Expect(miho.GetByRole(AriaRole.Link, new() { Name = ev.MyTicket })).ToHaveCountAsync(0);
        await SnapAsync(miho, culture, "e05-event-waitlisted");

        // 4. The first cancels (confirming the question)...
        alice.Dialog += (_, dialog) => dialog.AcceptAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = ev.CancelRsvp, Exact = true }).ClickAsync();
        await Expect(alice.GetByRole(AriaRole.Status)).ToHaveTextAsync(ev.RsvpCancelled);
        await Expect(alice.GetByTestId("my-status")).ToHaveCountAsync(0);

        // 5. ...so the second is promoted: their page says confirmed, and a mail told them so.
        await miho.ReloadAsync();
        await Expect(miho.GetByTestId("my-status")).ToHaveTextAsync(ev.Confirmed);
        var promoted = await Mailbox.WaitForAsync(App, second.Email, m => m.Subject == ev.PromotedSubject(title));
        Assert.Contains(title, promoted.TextBody);
        await SnapAsync(miho, culture, "e06-event-promoted");

        // 6. The second opens their ticket; the test reads the QR code from the picture on the screen.
        await miho.GetByRole(AriaRole.Link, new() { Name = ev.MyTicket }).ClickAsync();
        await Expect(miho.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(miho.GetByTestId("ticket-name")).ToHaveTextAsync(second.DisplayName);
        await Expect(miho.GetByTestId("ticket-state")).ToHaveTextAsync(ev.TicketNotCheckedIn);
        await SnapAsync(miho, culture, "e07-ticket");
        await SnapMobileAsync(miho, culture, "e07-ticket-phone");
        var qr = miho.GetByTestId("ticket-qr");
        var qrPicture = await qr.ScreenshotAsync();
        var payload = QrImage.Decode(qrPicture);
        Assert.Matches("^oa-ticket:[A-Za-z0-9_-]{20,}$", payload);

        // 7. At the door, the secretariat enters that code: checked in, and the live list shows it.
        await secretariat.GotoAsync(eventUrl);
        await secretariat.GetByRole(AriaRole.Link, new() { Name = ev.CheckInPage, Exact = true }).ClickAsync();
        await Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = ev.CheckInTitle, Level = 1 })).ToBeVisibleAsync();
        var row = secretariat.GetByTestId("attendance-row").Filter(new() { HasText = second.DisplayName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(secretariat.GetByTestId("count-attended")).ToHaveTextAsync("0");
        await SnapAsync(secretariat, culture, "e08-checkin-before");
        await secretariat.Locator("#code").FillAsync(payload);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = ev.CheckIn, Exact = true }).First.ClickAsync();
        await Expect(secretariat.GetByTestId("checkin-result")).ToHaveTextAsync(ev.CheckedInOk(second.DisplayName, ev.ModeInPerson));
        await Expect(secretariat.GetByTestId("checkin-result")).ToHaveClassAsync(new Regex(@"\bok\b"));
        await Expect(row.GetByTestId("checked-in")).ToContainTextAsync("✓");
        await Expect(secretariat.GetByTestId("count-attended")).ToHaveTextAsync("1");
        await SnapAsync(secretariat, culture, "e09-checkin-done");
        await SnapMobileAsync(secretariat, culture, "e09-checkin-phone");

        // 8. The same code again is refused, and says why.
        await secretariat.Locator("#code").FillAsync(payload);
        await secretariat.Locator("#code").PressAsync("Enter");
        await Expect(secretariat.GetByTestId("checkin-result")).ToHaveTextAsync(ev.TicketUsed);
        await Expect(secretariat.GetByTestId("checkin-result")).ToHaveClassAsync(new Regex(@"\bbad\b"));
        await Expect(secretariat.GetByTestId("count-attended")).ToHaveTextAsync("1");
        await SnapAsync(secretariat, culture, "e10-checkin-twice");

        // ...also when it comes through the camera: the door page reads the QR code from the video (jsQR) and posts it.
        FakeCamera.Show(App, qrPicture);
        var scanned = await secretariat.RunAndWaitForResponseAsync(
            () => secretariat.GetByRole(AriaRole.Button, new() { Name = ev.StartCamera, Exact = true }).ClickAsync(),
            r => r.Url.Contains("handler=Code") && r.Request.Method == "POST");
        Assert.Equal(409, scanned.Status);
        Assert.Equal(ev.TicketUsed, (await scanned.JsonAsync())?.GetProperty("message").GetString());
        await Expect(secretariat.Locator("#camera-video")).ToBeVisibleAsync();
        await SnapAsync(secretariat, culture, "e10b-checkin-camera");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = ev.StopCamera, Exact = true }).ClickAsync();
        await Expect(secretariat.Locator("#camera-video")).ToBeHiddenAsync();

        // 9. The attendee list shows them checked in; their ticket says so too.
        await secretariat.GotoAsync(eventUrl);
        await secretariat.GetByRole(AriaRole.Link, new() { Name = ev.AttendeeList, Exact = true }).ClickAsync();
        await Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = ev.AttendeesTitle, Level = 1 })).ToBeVisibleAsync();
        var attendee = secretariat.GetByTestId("attendee").Filter(new() { HasText = second.DisplayName });
        await Expect(attendee.GetByTestId("checked-in")).ToContainTextAsync("✓");
        await Expect(secretariat.GetByTestId("attendee")).ToHaveCountAsync(1);
        await Expect(secretariat.GetByTestId("count-attended")).ToHaveTextAsync("1");
        await Expect(secretariat.GetByTestId("count-confirmed")).ToHaveTextAsync("1");
        await SnapAsync(secretariat, culture, "e11-attendees");

        await miho.ReloadAsync();
        await Expect(miho.GetByTestId("ticket-state")).ToContainTextAsync(ev.TicketCheckedInPrefix);
        await SnapAsync(miho, culture, "e12-ticket-checked-in");
    }

    /// <summary>The same page on a phone (the ticket and the door page are used on one), to look at after a run.</summary>
    static async Task SnapMobileAsync(IPage page, string culture, string step)
    {
        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(390, 844);
        await SnapAsync(page, culture, step);
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }
}
