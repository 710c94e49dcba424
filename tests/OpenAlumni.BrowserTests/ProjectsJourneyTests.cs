using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// A side project from posting to a recorded engagement, in both languages: a department posts it at a desk; an alumna
/// open to side projects finds it first on her phone and applies; the poster shortlists her with an answer she reads,
/// then engages her, which puts the engagement in the outcome ledger, where the secretariat finds it linked to the project.
/// </summary>
public sealed class ProjectsJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task ADepartmentPostsAProject_AnAlumnaApplies_AndTheEngagementIsRecorded(string culture)
    {
        var ja = culture == "ja";
        var text = UiText.For(culture);
        var tenant = await App.CreateTenantAsync(ja ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Alumni Network", culture);
        var secretariat = await tenant.AdminAsync();
        var department = await tenant.MemberAsync(MemberKind.Employee, "新規", "事業", "しんき", "じぎょう", "新規事業開発室");
        var alumna = await tenant.MemberAsync(MemberKind.Alumni, "調査", "彩", "ちょうさ", "あや", "食料本部", m =>
        {
            m.OpenTo = OpenTo.SideProjects;
            BrowserTenant.Tags(m, "市場調査");
        });
        var title = ja ? "東南アジア食品市場の調査" : "Food market research in South-East Asia";
        var other = ja ? "英文IR資料の翻訳" : "Translating the IR deck";

        // 1. The department posts two projects at a desk; the research one matches the alumna's skills.
        var desk = await OpenAsync(tenant, "department");
        await desk.SetViewportSizeAsync(1280, 900);
        await SignInAsync(desk, text, department);
        foreach (var (t, skills, days) in new[] { (other, "翻訳, 英語", 5), (title, "市場調査, 食品", 40) })
        {
            await desk.GotoAsync("/projects/edit");
            await desk.Locator("#Input_Title").FillAsync(t);
            await desk.Locator("#Input_Description").FillAsync(ja ? "タイとベトナムの小売チェーンを**3か月**で調査します。" : "Three months of research into retail chains in Thailand and Vietnam.");
            await desk.Locator("#Input_Skills").FillAsync(skills);
            await desk.Locator("#Input_Department").FillAsync("新規事業開発室");
            await desk.Locator("#Input_HoursPerWeek").FillAsync("8");
            await desk.Locator("#Input_FeeMinYen").FillAsync("300,000");
            await desk.Locator("#Input_FeeMaxYen").FillAsync("500,000");
            await desk.Locator("#Input_ClosesAt").FillAsync(DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd"));
            await desk.GetByTestId("save-project").ClickAsync();
            await Expect(desk).ToHaveURLAsync(new Regex(@"/projects/\d+$"));
        }
        await Expect(desk.GetByTestId("project-fee")).ToHaveTextAsync("¥300,000〜¥500,000");
        var projectUrl = new Uri(desk.Url).AbsolutePath;
        await SnapAsync(desk, culture, "projects-01-posted-desktop");

        // 2. The alumna, on her phone, sees the matching project first (the other closes sooner), and applies.
        var phone = await OpenAsync(tenant, "alumna");
        await phone.SetViewportSizeAsync(360, 780);
        await SignInAsync(phone, text, alumna);
        await phone.GotoAsync("/posts?room=notices");
        await phone.GetByTestId("notices-projects").ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/projects$"));
        var first = phone.GetByTestId("project-card").First;
        await Expect(first).ToContainTextAsync(title);
        await Expect(first.GetByTestId("project-matches")).ToBeVisibleAsync();
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - 360"));
        await SnapAsync(phone, culture, "projects-02-board-360");
        await first.ClickAsync();
        // Applying without a note is refused in her language, and nothing is sent.
        await phone.GetByTestId("apply").ClickAsync();
        await Expect(phone.Locator("#Note-err")).Not.ToBeEmptyAsync();
        await phone.Locator("#Note").FillAsync(ja ? "食品メーカーで海外営業を6年経験しました。平日夜に対応できます。" : "Six years of export sales at a food maker; evenings on weekdays.");
        await phone.GetByTestId("apply").ClickAsync();
        await Expect(phone.GetByTestId("my-application-status")).ToHaveTextAsync(ja ? "応募済み" : "Applied");
        await SnapAsync(phone, culture, "projects-03-applied-360");

        // 3. The poster shortlists her with an answer, which she reads.
        await desk.GotoAsync(projectUrl);
        var application = desk.GetByTestId("application").First;
        await Expect(application).ToContainTextAsync("調査 彩");
        await application.Locator("textarea[name=Answer]").FillAsync(ja ? "来週30分ほどお話しできますか。" : "Could we talk for half an hour next week?");
        await application.GetByTestId("shortlist").ClickAsync();
        await Expect(desk.GetByTestId("application-status").First).ToHaveTextAsync(ja ? "選考中" : "Shortlisted");
        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("my-application-answer")).ToContainTextAsync(ja ? "来週30分" : "next week");

        // 4. The poster engages her; the engagement is in the outcome ledger, linked to the project.
        await desk.GotoAsync(projectUrl);
        await desk.GetByTestId("application").First.Locator("input[name=ValueYen]").FillAsync("1,200,000");
        await desk.GetByTestId("engage").ClickAsync();
        await Expect(desk.GetByTestId("application-status").First).ToHaveTextAsync(ja ? "契約" : "Engaged");
        await SnapAsync(desk, culture, "projects-04-engaged-desktop");

        var ledger = await OpenAsync(tenant, "secretariat");
        await ledger.SetViewportSizeAsync(1280, 900);
        await SignInAsync(ledger, text, secretariat);
        await ledger.GotoAsync("/outcomes");
        var outcome = ledger.GetByTestId("outcome").First;
        await Expect(outcome.GetByTestId("outcome-kind")).ToHaveTextAsync(ja ? "業務委託・副業の契約" : "Side project engagement");
        await Expect(outcome.GetByTestId("outcome-value")).ToHaveTextAsync("¥1,200,000");
        await Expect(outcome.GetByTestId("outcome-source")).ToContainTextAsync(title);
        await Expect(outcome.GetByTestId("outcome-members")).ToContainTextAsync("調査 彩");
    }
}
