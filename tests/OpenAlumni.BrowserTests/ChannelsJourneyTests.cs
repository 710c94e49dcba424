using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// Chat channels, in both languages: the secretariat, on a phone, pastes a wrong address and is told which host the service
/// uses, then adds the Slack webhook, which is listed by its host and masked tail only; at a desk it edits what the channel
/// hears and its language (an empty choice refused), pauses it, then deletes it after confirming.
/// </summary>
public sealed class ChannelsJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task TheSecretariatAddsASlackChannel_SeesOnlyItsHost_AndPausesIt(string culture)
    {
        var ja = culture == "ja";
        var text = UiText.For(culture);
        var tenant = await App.CreateTenantAsync(ja ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Alumni Network", culture);
        var secretariat = await tenant.AdminAsync();

        // 1. On a phone, from the admin menu: a URL on another host is refused, naming the host Slack uses; nothing is added.
        var phone = await OpenAsync(tenant, "secretariat-phone");
        await phone.SetViewportSizeAsync(360, 780);
        await SignInAsync(phone, text, secretariat);
        await phone.GotoAsync("/admin/settings");
        await phone.GetByTestId("admin-nav").GetByRole(AriaRole.Link, new() { Name = ja ? "チャット連携" : "Chat channels" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ja ? "チャット連携" : "Chat channels");
        var form = phone.GetByTestId("add-channel");
        await form.Locator("#Input_Url").FillAsync("https://hooks.example.com/services/T0/B0/abcdefghijklmnop");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(phone.GetByTestId("add-channel")).ToContainTextAsync("hooks.slack.com");
        await Expect(phone.GetByTestId("channel")).ToHaveCountAsync(0);
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - 360"));

        // 2. The real webhook is added; the list shows its host and the last characters, never the token.
        await phone.GetByTestId("add-channel").Locator("#Input_Url").FillAsync("https://hooks.slack.com/services/T0/B0/SECRETtokenmnop");
        await phone.GetByTestId("add-channel").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(phone.Locator(".flash")).ToContainTextAsync(ja ? "チャット連携を追加しました" : "The channel has been added");
        var channel = phone.GetByTestId("channel");
        await Expect(channel).ToHaveCountAsync(1);
        await Expect(channel).ToContainTextAsync("hooks.slack.com/…/mnop");
        Assert.DoesNotContain("SECRETtoken", await phone.ContentAsync());
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - 360"));
        await SnapAsync(phone, culture, "channels-01-added-360");

        // 3. At a desk, the secretariat pauses it.
        var desk = await OpenAsync(tenant, "secretariat-desk");
        await desk.SetViewportSizeAsync(1280, 900);
        await SignInAsync(desk, text, secretariat);
        await desk.GotoAsync("/admin/channels");

        // 3a. She edits it: with nothing chosen to send, she is told and the form stays open; then it also hears of job openings,
        // in the other language, and keeps its address since no new one was typed.
        var edit = desk.GetByTestId("channel").GetByTestId("edit-channel");
        await edit.Locator("summary").ClickAsync();
        foreach (var value in new[] { "announcement", "event", "project", "job" }) await edit.Locator($"input[name='Edit.Events'][value='{value}']").UncheckAsync();
        await edit.GetByTestId("save").ClickAsync();
        await Expect(desk.GetByTestId("channel").GetByTestId("edit-channel")).ToHaveJSPropertyAsync("open", true);
        await Expect(desk.GetByTestId("channel").GetByTestId("edit-channel").Locator("fieldset .error")).ToHaveTextAsync(ja ? "この項目は必須です。" : "This field is required.");
        await Expect(desk.GetByTestId("channel")).ToContainTextAsync(ja ? "お知らせ、イベント" : "Announcements, Events");
        edit = desk.GetByTestId("channel").GetByTestId("edit-channel");
        await edit.Locator("input[name='Edit.Events'][value='announcement']").CheckAsync();
        await edit.Locator("input[name='Edit.Events'][value='job']").CheckAsync();
        await edit.Locator("select[name='Edit.Language']").SelectOptionAsync(ja ? "en" : "ja");
        await edit.GetByTestId("save").ClickAsync();
        await Expect(desk.Locator(".flash")).ToContainTextAsync(ja ? "更新しました" : "has been updated");
        await Expect(desk.GetByTestId("channel")).ToContainTextAsync(ja ? "英語" : "Japanese");
        await Expect(desk.GetByTestId("channel")).ToContainTextAsync(ja ? "お知らせ、求人" : "Announcements, Job openings");
        await Expect(desk.GetByTestId("channel")).ToContainTextAsync("hooks.slack.com/…/mnop");

        await desk.GetByTestId("channel").GetByTestId("pause").ClickAsync();
        await Expect(desk.Locator(".flash")).ToContainTextAsync(ja ? "一時停止しました" : "is paused");
        await Expect(desk.GetByTestId("channel-status")).ToHaveTextAsync(ja ? "一時停止中" : "Paused");
        await SnapAsync(desk, culture, "channels-02-paused-1280");

        // 4. Deleting asks first; once confirmed, the channel is gone.
        desk.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await desk.GetByTestId("channel").GetByTestId("delete").ClickAsync();
        await Expect(desk.Locator(".flash")).ToContainTextAsync(ja ? "削除しました" : "has been deleted");
        await Expect(desk.GetByTestId("channel")).ToHaveCountAsync(0);
    }
}
