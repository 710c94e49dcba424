using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// Business cards at an event, on two phones (360 px), one in Japanese and one in English: both attendees are checked in;
/// Kenichi shows his card on his ticket page; Miho points her camera at it from the event's card page (the fake camera
/// films the QR code read off Kenichi's screen), with a note typed first; both then find each other under "people I met";
/// Miho edits her note and sends Kenichi a follow-up message from there.
/// </summary>
public sealed class CardExchangeJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task TwoAttendees_ExchangeCardsByCamera_AndFollowUp()
    {
        var tenant = await App.CreateTenantAsync("三ツ星商事 アルムナイネットワーク", "ja");
        var english = new BrowserTenant(App, tenant.Info, tenant.Host, "en");
        var ken = await tenant.MemberAsync(MemberKind.Alumni, "佐藤", "健一", "さとう", "けんいち", edit: m => { m.Organization = "株式会社ミライ商事"; m.Title = "代表"; });
        var miho = await english.MemberAsync(MemberKind.Employee, "鈴木", "美穂", "すずき", "みほ", "新規事業開発室");
        var title = "丸の内アルムナイ交流会";
        var now = DateTimeOffset.UtcNow;
        var eventId = await App.InTenantAsync(tenant.Info, async sp =>
        {
            // Under way, both signed up and checked in at the door (the door itself is EventJourneyTests').
            var db = sp.GetRequiredService<AlumniDb>();
            var e = new Event
            {
                Title = title, Kind = EventKind.Meetup, Format = EventFormat.Offline, Status = EventStatus.Published, Venue = "本社 20F ラウンジ",
                StartsAt = now.AddMinutes(-30), EndsAt = now.AddHours(2), CapacityInPerson = 30, ConfirmedInPerson = 2,
                CreatedAt = now.AddDays(-10), UpdatedAt = now.AddDays(-10), PublishedAt = now.AddDays(-10), CreatedByMemberId = ken.Id,
            };
            db.Add(e);
            await db.SaveChangesAsync();
            foreach (var who in new[] { ken.Id, miho.Id })
                db.Add(new Rsvp
                {
                    EventId = e.Id, MemberId = who, Mode = AttendanceMode.InPerson, Status = RsvpStatus.Confirmed, TicketCode = Guid.NewGuid().ToString("N"),
                    CreatedAt = now.AddDays(-3), UpdatedAt = now.AddDays(-3), CheckedInAt = now.AddMinutes(-20),
                });
            await db.SaveChangesAsync();
            return e.Id;
        });

        // 1. Kenichi (Japanese) opens his ticket from the event page: below the ticket, his business card's QR code.
        var kenPhone = await PhoneAsync(tenant, "ken", ken, UiText.For("ja"));
        await kenPhone.GotoAsync($"/events/{eventId}");
        await kenPhone.GetByRole(AriaRole.Link, new() { Name = "受付用QRコードを表示" }).ClickAsync();
        // The ticket says when he came in, at Tokyo's time.
        await Expect(kenPhone.GetByTestId("ticket-state").First).ToContainTextAsync(now.AddMinutes(-20).ToOffset(TimeSpan.FromHours(9)).ToString("HH:mm"));
        var myCard = kenPhone.GetByTestId("my-card");
        await Expect(myCard.GetByRole(AriaRole.Heading, new() { Name = "わたしの名刺" })).ToBeVisibleAsync();
        await Expect(myCard).ToContainTextAsync("受付用のチケットではありません");
        await Expect(myCard.GetByTestId("scan-a-card")).ToHaveTextAsync("名刺を読み取る");
        var cardQr = myCard.GetByTestId("card-qr");
        await cardQr.ScrollIntoViewIfNeededAsync();
        var payload = await QrImage.ReadAsync(cardQr);
        Assert.Matches("^oa-card:[A-Za-z0-9_-]{20,}$", payload);
        await Expect(myCard.GetByTestId("card-code")).ToHaveTextAsync(payload);
        Assert.NotEqual(payload, await QrImage.ReadAsync(kenPhone.GetByTestId("ticket-qr"))); // the card is not the ticket
        await AssertFitsAsync(kenPhone);
        await SnapAsync(kenPhone, "ja", "cards-01-my-card-360");

        // 2. Miho (English) goes to the event's card page, types where they met, and points her camera at his screen.
        var mihoPhone = await PhoneAsync(english, "miho", miho, UiText.For("en"));
        await mihoPhone.GotoAsync($"/events/{eventId}");
        await mihoPhone.GetByTestId("cards-link").ClickAsync();
        await Expect(mihoPhone.GetByRole(AriaRole.Heading, new() { Name = "Business cards", Level = 1 })).ToBeVisibleAsync();
        await Expect(mihoPhone.GetByTestId("nobody-met")).ToBeVisibleAsync();
        await mihoPhone.GetByLabel("My note (only I see it)").FillAsync("At the coffee stand: warehouse robots");
        await SnapAsync(mihoPhone, "en", "cards-02-scanner-360");
        FakeCamera.Show(App, await cardQr.ScreenshotAsync());
        var scanned = await mihoPhone.RunAndWaitForResponseAsync(
            () => mihoPhone.GetByRole(AriaRole.Button, new() { Name = "Start the camera", Exact = true }).ClickAsync(),
            r => r.Url.Contains("handler=Code") && r.Request.Method == "POST");
        Assert.Equal(201, scanned.Status);
        await Expect(mihoPhone.GetByTestId("card-result")).ToHaveTextAsync("Cards exchanged with 佐藤 健一.");
        var met = mihoPhone.GetByTestId("met");
        await Expect(met).ToHaveCountAsync(1);
        await Expect(met.GetByTestId("met-name")).ToHaveTextAsync("佐藤 健一");
        await Expect(met.GetByTestId("met-org")).ToHaveTextAsync("株式会社ミライ商事 / 代表");
        await Expect(met.GetByTestId("met-note")).ToHaveValueAsync("At the coffee stand: warehouse robots");
        await mihoPhone.GetByRole(AriaRole.Button, new() { Name = "Stop the camera", Exact = true }).ClickAsync();
        await AssertFitsAsync(mihoPhone);
        await SnapAsync(mihoPhone, "en", "cards-03-exchanged-360");

        // 3. Kenichi finds her under "people I met" (in Japanese), without her note.
        await kenPhone.GetByRole(AriaRole.Link, new() { Name = "このイベントで会った人" }).ClickAsync();
        var kenMet = kenPhone.GetByTestId("met");
        await Expect(kenMet).ToHaveCountAsync(1);
        await Expect(kenMet.GetByTestId("met-name")).ToHaveTextAsync("鈴木 美穂");
        await Expect(kenMet).ToContainTextAsync("相手が読み取り");
        await Expect(kenMet.GetByTestId("met-note")).ToHaveValueAsync("");
        await Expect(kenPhone.GetByTestId("follow-up")).ToHaveTextAsync("メッセージを送る");
        await AssertFitsAsync(kenPhone);
        await SnapAsync(kenPhone, "ja", "cards-04-people-met-360");

        // 4. Miho adds to her note, then sends him a follow-up from the list.
        await met.GetByTestId("met-note").FillAsync("At the coffee stand: warehouse robots. Lunch next week?");
        await met.GetByTestId("save-note").ClickAsync();
        await Expect(mihoPhone.GetByRole(AriaRole.Status)).ToHaveTextAsync("Note saved.");
        await Expect(mihoPhone.GetByTestId("met-note")).ToHaveValueAsync("At the coffee stand: warehouse robots. Lunch next week?");
        await mihoPhone.GetByTestId("follow-up").ClickAsync();
        await Expect(mihoPhone).ToHaveURLAsync(new Regex($"/messages/new/{ken.Id}$"));
        await mihoPhone.Locator("#Body").FillAsync("Great to meet you at the meetup. Shall we have lunch next week?");
        await mihoPhone.GetByTestId("send-first-message").ClickAsync();
        await Expect(mihoPhone).ToHaveURLAsync(new Regex(@"/messages/\d+$"));
        await Expect(mihoPhone.Locator("main")).ToContainTextAsync("Shall we have lunch next week?");

        // 5. The same page at a desk, to look at.
        await mihoPhone.SetViewportSizeAsync(1280, 900);
        await mihoPhone.GotoAsync($"/events/{eventId}/cards");
        await Expect(mihoPhone.GetByTestId("met")).ToHaveCountAsync(1);
        await SnapAsync(mihoPhone, "en", "cards-05-desktop");
        await kenPhone.SetViewportSizeAsync(1280, 900);
        await kenPhone.GotoAsync($"/events/ticket?id={eventId}");
        await SnapAsync(kenPhone, "ja", "cards-06-ticket-desktop");
    }

    async Task<IPage> PhoneAsync(BrowserTenant tenant, string who, Person person, UiText text)
    {
        var page = await OpenAsync(tenant, who);
        await page.SetViewportSizeAsync(360, 780);
        await SignInAsync(page, text, person);
        return page;
    }

    static async Task AssertFitsAsync(IPage page) =>
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - 360"));
}
