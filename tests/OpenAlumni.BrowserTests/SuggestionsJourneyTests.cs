using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Search;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// People worth meeting, in both languages: an alumna on a phone finds two people on her home page, each with why; she
/// says one is not relevant and writes to the other; the secretariat, at a desk, reads on the dashboard that half of the
/// suggestions were followed up, and turns the department off as a reason.
/// </summary>
public sealed class SuggestionsJourneyTests(BrowserApp app) : BrowserTest(app)
{
    static Action<Member> Skills(OpenTo openTo, params string[] names) => m =>
    {
        foreach (var name in names) m.Tags.Add(new ProfileTag { Kind = TagKind.Skill, Name = name, Key = SearchText.Normalize(name), TenantId = m.TenantId });
        m.OpenTo = openTo;
    };

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task AnAlumnaMeetsSomeoneSuggested_AndTheDashboardCountsIt(string culture)
    {
        var ja = culture == "ja";
        var text = UiText.For(culture);
        var tenant = await App.CreateTenantAsync(ja ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Alumni Network", culture);
        var secretariat = await tenant.AdminAsync();
        var alumna = await tenant.MemberAsync(MemberKind.Alumni, "物流", "花子", "ぶつりゅう", "はなこ", "機械・インフラ本部", Skills(OpenTo.None, "物流", "倉庫管理"));
        var expert = await tenant.MemberAsync(MemberKind.Alumni, "倉庫", "健", "そうこ", "けん", "エネルギー本部", Skills(OpenTo.Consultation, "物流", "倉庫管理"));
        var colleague = await tenant.MemberAsync(MemberKind.Employee, "同部", "次郎", "どうぶ", "じろう", "機械・インフラ本部");
        await tenant.MemberAsync(MemberKind.Alumni, "無関係", "三郎", "むかんけい", "さぶろう", "化学品本部");

        // 1. On her phone, the home page shows two people worth meeting, each with why; the unrelated member is not one.
        var phone = await OpenAsync(tenant, "alumna");
        await phone.SetViewportSizeAsync(360, 780);
        await SignInAsync(phone, text, alumna);
        await phone.GotoAsync("/");
        var people = phone.GetByTestId("home-suggestions").GetByTestId("suggestion");
        await Expect(people).ToHaveCountAsync(2);
        var first = people.First;
        await Expect(first).ToContainTextAsync("倉庫 健");
        await Expect(first.Locator(".reasons")).ToContainTextAsync(ja ? "あなたと共通のスキル・関心：物流、倉庫管理" : "Has skills you share or are interested in: 物流, 倉庫管理");
        await Expect(first.Locator(".reasons")).ToContainTextAsync(ja ? "相談を受付中" : "Open to consultation");
        await Expect(people.Nth(1).Locator(".reasons")).ToContainTextAsync(ja ? "同じ部署に在籍：機械・インフラ本部 2005–2016" : "You both worked in 機械・インフラ本部 2005–2016");
        await Expect(phone.GetByTestId("home-suggestions")).Not.ToContainTextAsync("無関係");
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - 360"));
        await SnapAsync(phone, culture, "suggestions-01-home-360");

        // 2. The colleague is not relevant to her: he leaves the list, and she is told what that does.
        await people.Nth(1).GetByTestId("not-relevant").ClickAsync();
        await Expect(phone.Locator(".flash")).ToContainTextAsync(ja ? "この方は今後提案されず" : "will not be suggested again");
        await Expect(phone.GetByTestId("home-suggestions").GetByTestId("suggestion")).ToHaveCountAsync(1);

        // 3. She writes to the expert from the suggestion.
        await phone.GetByTestId("suggestion-message").ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex($"/messages/new/{expert.Id}$"));
        await phone.Locator("#Body").FillAsync(ja ? "提案に表示されたので連絡しました。物流の新規事業についてお話を伺えませんか。" : "You were suggested to me: could we talk about a logistics venture?");
        await phone.GetByTestId("send-first-message").ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/messages/\\d+"));

        // 4. At a desk, the secretariat reads the follow-up on the dashboard and turns the department off as a reason.
        var desk = await OpenAsync(tenant, "secretariat");
        await desk.SetViewportSizeAsync(1280, 900);
        await SignInAsync(desk, text, secretariat);
        await desk.GotoAsync("/admin/analytics");
        var report = desk.GetByTestId("suggestions-report");
        await Expect(report.GetByTestId("suggestions-count")).ToHaveTextAsync("2");
        await Expect(report.GetByTestId("suggestions-rate")).ToHaveTextAsync("50%");
        await Expect(report.GetByTestId("suggestions-ways")).ToContainTextAsync(ja ? "メッセージ 1 件" : "By message: 1");
        await report.ScrollIntoViewIfNeededAsync();
        await SnapAsync(desk, culture, "suggestions-02-dashboard-1280");
        await report.GetByRole(AriaRole.Link, new() { Name = ja ? "理由の重み付けを調整する" : "Adjust how reasons are weighted" }).ClickAsync();
        await Expect(desk.GetByTestId("suggestion-weights")).ToBeVisibleAsync();
        await desk.Locator("#weight-department").FillAsync("101");
        await desk.GetByTestId("suggestion-weights").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync(ja ? "0 から 100 の範囲" : "between 0 and 100");
        await desk.Locator("#weight-department").FillAsync("0");
        await desk.GetByTestId("suggestion-weights").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(desk.Locator(".flash")).ToContainTextAsync(ja ? "重みを保存しました" : "Weights saved");
        await Expect(desk.Locator("#weight-department")).ToHaveValueAsync("0");
        await SnapAsync(desk, culture, "suggestions-03-weights-1280");
    }
}
