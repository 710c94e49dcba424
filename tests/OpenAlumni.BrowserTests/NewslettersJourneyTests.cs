using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// Newsletters, in both languages: the secretariat, on a phone, writes a newsletter with an upcoming event, sends it to the
/// alumni, previews it as an alumna would get it and sends itself a test; at a desk it schedules it and sees it scheduled in
/// the list.
/// </summary>
public sealed class NewslettersJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task TheSecretariatWritesPreviewsTestsAndSchedulesANewsletter(string culture)
    {
        var ja = culture == "ja";
        var text = UiText.For(culture);
        var tenant = await App.CreateTenantAsync(ja ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Alumni Network", culture);
        var secretariat = await tenant.AdminAsync();
        await tenant.MemberAsync(MemberKind.Alumni, "山田", "花子", "やまだ", "はなこ");
        var eventTitle = ja ? "丸の内アルムナイ交流会" : "Marunouchi alumni meetup";
        var now = DateTimeOffset.UtcNow;
        await App.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<AlumniDb>();
            db.Add(new Event
            {
                Title = eventTitle, Kind = EventKind.Meetup, Format = EventFormat.Offline, Status = EventStatus.Published, Venue = "本社 20F ラウンジ",
                StartsAt = now.AddDays(14), EndsAt = now.AddDays(14).AddHours(2), CapacityInPerson = 30,
                CreatedAt = now, UpdatedAt = now, PublishedAt = now, CreatedByMemberId = secretariat.Id,
            });
            return await db.SaveChangesAsync();
        });
        var subject = ja ? "アルムナイ通信 12月号" : "Alumni news, December";

        // 1. On a phone, from the admin menu: a new newsletter with the event, for the alumni, previewed as an alumna gets it.
        var phone = await OpenAsync(tenant, "secretariat-phone");
        await phone.SetViewportSizeAsync(360, 780);
        await SignInAsync(phone, text, secretariat);
        await phone.GotoAsync("/admin/settings");
        await phone.GetByTestId("admin-nav").GetByRole(AriaRole.Link, new() { Name = ja ? "ニュースレター" : "Newsletters" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ja ? "ニュースレター" : "Newsletters");
        await phone.GetByTestId("new-newsletter").ClickAsync();
        await phone.Locator("#Input_Subject").FillAsync(subject);
        await phone.Locator("#Input_Body").FillAsync(ja ? "**年末のご挨拶**\n\n今年もお世話になりました。" : "**Season's greetings**\n\nThank you for this year.");
        await phone.GetByTestId("blocks-event").GetByRole(AriaRole.Checkbox, new() { Name = eventTitle }).CheckAsync();
        await phone.GetByTestId("audience-segment").CheckAsync();
        await phone.Locator("#Input_SegmentKind").SelectOptionAsync("Alumni");
        var sendAt = now.AddDays(3).ToOffset(TimeSpan.FromHours(9));
        await phone.Locator("#Input_SendAt").FillAsync(sendAt.ToString("yyyy-MM-dd'T'10:00"));
        await phone.GetByTestId("preview").ClickAsync();
        var preview = phone.GetByTestId("preview-pane");
        await Expect(phone.GetByTestId("preview-as")).ToContainTextAsync("山田");
        await Expect(preview).ToContainTextAsync(eventTitle);
        await Expect(preview.Locator("strong")).ToHaveTextAsync(ja ? "年末のご挨拶" : "Season's greetings");
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - 360"));
        await SnapAsync(phone, culture, "newsletters-01-preview-360");

        // 2. A test to the secretariat's own address, marked as a test.
        await phone.GetByTestId("send-test").ClickAsync();
        await Expect(phone.Locator(".flash")).ToContainTextAsync(ja ? "テストを送信しました" : "A test has been sent");
        var test = await Mailbox.WaitForAsync(App, secretariat.Email, m => m.Subject.Contains(subject));
        Assert.Contains(ja ? "【テスト】" : "[TEST]", test.Subject);
        Assert.Contains(eventTitle, test.HtmlBody);

        // 3. At a desk, the secretariat schedules it and sees it scheduled in the list, at the time it chose.
        var desk = await OpenAsync(tenant, "secretariat-desk");
        await desk.SetViewportSizeAsync(1280, 900);
        await SignInAsync(desk, text, secretariat);
        await desk.GotoAsync("/admin/newsletters");
        await desk.GetByTestId("newsletter").GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Expect(desk.Locator("#Input_SendAt")).ToHaveValueAsync(sendAt.ToString("yyyy-MM-dd'T'10:00"));
        await SnapAsync(desk, culture, "newsletters-02-edit-1280");
        await desk.GetByTestId("schedule").ClickAsync();
        await Expect(desk.Locator(".flash")).ToContainTextAsync(ja ? "配信予約しました" : "is scheduled for");
        var item = desk.GetByTestId("newsletter");
        await Expect(item.GetByTestId("newsletter-status")).ToHaveTextAsync(ja ? "配信予約済み" : "Scheduled");
        await Expect(item).ToContainTextAsync(sendAt.ToString("yyyy-MM-dd") + " 10:00");
        await SnapAsync(desk, culture, "newsletters-03-scheduled-1280");

        // 4. The scheduled newsletter is read-only on the phone too; cancelling the schedule makes it a draft again.
        await phone.GotoAsync("/admin/newsletters");
        await phone.GetByTestId("newsletter").GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Expect(phone.Locator("#Input_Subject")).ToBeDisabledAsync();
        await phone.GetByTestId("unschedule").ClickAsync();
        await Expect(phone.Locator(".flash")).ToContainTextAsync(ja ? "配信予約を取り消しました" : "The schedule has been cancelled");
        await Expect(phone.GetByTestId("newsletter-status")).ToHaveTextAsync(ja ? "下書き" : "Draft");
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - 360"));
        await SnapAsync(phone, culture, "newsletters-04-draft-again-360");
    }
}
