using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// Issue 16's journey: the secretariat creates a space joined by request; a volunteer asks to join, is admitted and
/// appointed moderator; a member asks to join and the moderator admits them; the member posts in the space; the
/// moderator hides the post; someone outside the space finds it listed but cannot read it. Desktop and phone width.
/// </summary>
public sealed class SpacesJourneyTests(BrowserApp app) : BrowserTest(app)
{
    sealed record SpaceUiText(string NavSpaces, string New, string Save, string RequestToJoin, string Approve, string MakeModerator, string WritePost,
        string Hide, string MembersOnly, string Pending, string Moderator, string Requests, string Members)
    {
        public static SpaceUiText For(string culture) => culture == "ja"
            ? new("スペース", "スペースを作成", "保存", "参加を申請", "承認", "モデレーターに任命", "投稿する", "非表示にする",
                "このスペースはメンバーのみ閲覧できます。参加を申請すると投稿・イベント・メンバーを見られます。", "申請中", "モデレーター", "参加申請", "メンバー")
            : new("Spaces", "New space", "Save", "Ask to join", "Admit", "Make moderator", "Write a post", "Hide",
                "Only members read this space. Ask to join to see its posts, events and members.", "Request sent", "Moderator", "Requests", "Members");
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task CreateASpace_JoinByRequest_AModeratorAdmits_MemberPosts_ModeratorHidesThePost(string culture)
    {
        var text = UiText.For(culture);
        var s = SpaceUiText.For(culture);
        var tenant = await App.CreateTenantAsync(culture == "ja" ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Alumni Network", culture);
        var admin = await tenant.AdminAsync();
        var volunteer = await tenant.MemberAsync(MemberKind.Alumni, "高橋", "誠", "たかはし", "まこと");
        var member = await tenant.MemberAsync(MemberKind.Employee, "伊藤", "葵", "いとう", "あおい");
        var outsider = await tenant.MemberAsync(MemberKind.Alumni, "中村", "蓮", "なかむら", "れん");
        var name = culture == "ja" ? "シンガポール拠点" : "Singapore office";

        // 1. The secretariat creates the space from the Spaces page: joined by request.
        var secretariat = await OpenAsync(tenant, "admin");
        await SignInAsync(secretariat, text, admin);
        await secretariat.GotoAsync("/spaces");
        await secretariat.GetByTestId("new-space").ClickAsync();
        await secretariat.Locator("#Input_Name").FillAsync(name);
        await secretariat.Locator("#Input_Description").FillAsync(culture == "ja" ? "シンガポール拠点に勤務した方のためのスペースです。" : "For everyone who worked in the Singapore office.");
        await secretariat.Locator("#Input_Kind").SelectOptionAsync("region");
        await secretariat.GetByTestId("visibility-request").CheckAsync();
        await secretariat.GetByTestId("save-space").ClickAsync();
        await Expect(secretariat.GetByTestId("space-name")).ToHaveTextAsync(name);
        var spacePath = new Uri(secretariat.Url).AbsolutePath;
        await SnapTopAsync(secretariat, culture, "s01-space-created");

        // 2. The volunteer finds it in the list and asks to join; the secretariat admits them and appoints them moderator.
        var volunteerPage = await OpenAsync(tenant, "volunteer");
        await SignInAsync(volunteerPage, text, volunteer);
        await volunteerPage.GotoAsync("/spaces");
        var card = volunteerPage.GetByTestId("space-card").Filter(new() { HasText = name });
        await card.GetByRole(AriaRole.Button, new() { Name = s.RequestToJoin, Exact = true }).ClickAsync();
        await Expect(volunteerPage.GetByTestId("my-status")).ToHaveTextAsync(s.Pending);
        await Expect(volunteerPage.GetByTestId("members-only")).ToHaveTextAsync(s.MembersOnly);

        await secretariat.GotoAsync(spacePath + "?tab=requests");
        await secretariat.GetByTestId("space-request").Filter(new() { HasText = volunteer.DisplayName }).GetByTestId("approve").ClickAsync();
        await secretariat.GotoAsync(spacePath + "?tab=members");
        await secretariat.GetByTestId("space-member").Filter(new() { HasText = volunteer.DisplayName }).GetByTestId("toggle-moderator").ClickAsync();
        await Expect(secretariat.GetByTestId("space-member").Filter(new() { HasText = volunteer.DisplayName })).ToContainTextAsync(s.Moderator);

        // 3. A member asks to join; the moderator sees the request (with its count) and admits them.
        var memberPage = await OpenAsync(tenant, "member");
        await SignInAsync(memberPage, text, member);
        await memberPage.GotoAsync(spacePath);
        await memberPage.GetByTestId("join").ClickAsync();
        await Expect(memberPage.GetByTestId("my-status")).ToHaveTextAsync(s.Pending);

        await volunteerPage.GotoAsync(spacePath);
        await Expect(volunteerPage.GetByTestId("my-role")).ToHaveTextAsync(s.Moderator);
        await Expect(volunteerPage.GetByTestId("tab-requests")).ToHaveTextAsync($"{s.Requests} (1)");
        await volunteerPage.GetByTestId("tab-requests").ClickAsync();
        await SnapTopAsync(volunteerPage, culture, "s02-requests");
        await volunteerPage.GetByTestId("space-request").Filter(new() { HasText = member.DisplayName }).GetByTestId("approve").ClickAsync();
        await Expect(volunteerPage.GetByRole(AriaRole.Status)).ToContainTextAsync(member.DisplayName);
        await Expect(volunteerPage.GetByTestId("space-request")).ToHaveCountAsync(0);

        // 4. The member writes in the space; the post is in the space's feed.
        var title = culture == "ja" ? "来月シンガポールに出張します" : "In Singapore next month";
        await memberPage.GotoAsync(spacePath);
        await Expect(memberPage.GetByTestId("my-status")).Not.ToHaveTextAsync(s.Pending);
        await memberPage.GetByTestId("write-in-space").ClickAsync();
        await Expect(memberPage.GetByTestId("post-space")).ToContainTextAsync(name);
        await memberPage.Locator("input[name='Input.Room'][value='updates']").CheckAsync();
        await memberPage.Locator("#Input_Title").FillAsync(title);
        await memberPage.Locator("#Input_Body").FillAsync(culture == "ja" ? "現地の皆さんとお会いできれば嬉しいです。" : "Would love to meet the people there.");
        await memberPage.GetByTestId("publish").ClickAsync();
        await Expect(memberPage.GetByTestId("back-to-space")).ToBeVisibleAsync();
        var postPath = new Uri(memberPage.Url).AbsolutePath;
        await memberPage.GotoAsync(spacePath);
        await Expect(memberPage.GetByTestId("space-feed").GetByTestId("post-card")).ToContainTextAsync(title);

        // 5. Outside the space, it is listed but not readable; the post itself is not there.
        var outsiderPage = await OpenAsync(tenant, "outsider");
        await SignInAsync(outsiderPage, text, outsider);
        await outsiderPage.GotoAsync(spacePath);
        await Expect(outsiderPage.GetByTestId("members-only")).ToBeVisibleAsync();
        await Expect(outsiderPage.GetByTestId("post-card")).ToHaveCountAsync(0);
        var notThere = await outsiderPage.GotoAsync(postPath);
        Assert.Equal(404, notThere!.Status);

        // 6. The moderator hides the post from its page, and the audit log names them.
        await volunteerPage.GotoAsync(postPath);
        await volunteerPage.Locator("#hide-post").FillAsync(culture == "ja" ? "個人の連絡先が含まれるため" : "Contains personal contact details");
        await volunteerPage.GetByTestId("hide-post").ClickAsync();
        await Expect(volunteerPage.GetByTestId("hidden-notice")).ToBeVisibleAsync();
        await SnapTopAsync(volunteerPage, culture, "s03-post-hidden");
        await secretariat.GotoAsync("/admin/audit");
        await Expect(secretariat.Locator("body")).ToContainTextAsync(volunteer.DisplayName);

        // 7. At phone width the space page reads without sideways scrolling, in this language.
        await memberPage.SetViewportSizeAsync(360, 800);
        await memberPage.GotoAsync(spacePath + "?tab=members");
        await Expect(memberPage.GetByTestId("space-members")).ToContainTextAsync(volunteer.DisplayName);
        Assert.True(await memberPage.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360);
        await SnapAsync(memberPage, culture, "s04-phone-space-members");
        await memberPage.GotoAsync("/spaces");
        Assert.True(await memberPage.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360);
        await SnapAsync(memberPage, culture, "s05-phone-spaces");
    }
}
