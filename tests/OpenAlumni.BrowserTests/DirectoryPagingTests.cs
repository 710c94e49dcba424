using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>The directory's pages (24 cards each) and the approval queue, followed by their links.</summary>
public sealed class DirectoryPagingTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Directory_NextPage_ShowsTheRest_WithoutAnError()
    {
        var text = UiText.Japanese;
        var tenant = await App.CreateTenantAsync("三ツ星商事 アルムナイネットワーク", "ja");
        var viewer = await tenant.MemberAsync(MemberKind.Alumni, "鈴木", "美穂", "すずき", "みほ");
        // With the viewer, 26 members: 24 on the first page, 2 on the second.
        for (var i = 0; i < 25; i++)
            await tenant.MemberAsync(MemberKind.Alumni, "山田", $"太郎{i:00}", "やまだ", $"たろう{i:00}");

        var page = await OpenAsync(tenant, "viewer");
        await SignInAsync(page, text, viewer);
        await page.GotoAsync("/members");
        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync(text.ResultCount(26));
        await Expect(page.GetByTestId("member-card")).ToHaveCountAsync(24);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(page.Locator("nav.pager [aria-current=page]")).ToHaveTextAsync("1 / 2");

        await page.Locator("nav.pager a[rel=next]").ClickAsync();

        await Expect(page.Locator("nav.pager [aria-current=page]")).ToHaveTextAsync("2 / 2");
        await Expect(page.GetByTestId("member-card")).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }
}
