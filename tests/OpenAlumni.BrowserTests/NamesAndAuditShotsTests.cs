using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>Issue 12, points 1 and 6: a profile, the directory and the audit log in both languages, at desktop and phone width.</summary>
public sealed class NamesAndAuditShotsTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task ProfileDirectoryAndAuditLog_ShowNamesForTheReader(string culture)
    {
        var text = culture == "ja" ? UiText.Japanese : UiText.English;
        var tenant = await App.CreateTenantAsync("三ツ星商事 アルムナイネットワーク", culture);
        var admin = await tenant.AdminAsync();
        var taro = await tenant.MemberAsync(MemberKind.Alumni, "山田", "太郎", "やまだ", "たろう", edit: m => m.RomanizedName = "Taro Yamada");
        var hanako = await tenant.MemberAsync(MemberKind.Alumni, "鈴木", "花子", "すずき", "はなこ", edit: m => m.RomanizedName = "Hanako Suzuki");
        var page = await OpenAsync(tenant, "admin");
        await SignInAsync(page, text, admin);
        // The suspension through the admins' own page, as an admin does it.
        await page.GotoAsync($"/members/{hanako.Id}?culture={culture}");
        var dir = Path.Combine("/tmp", "walk-names-audit-shots");
        Directory.CreateDirectory(dir);
        foreach (var width in new[] { 1280, 360 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.GotoAsync($"/members/{taro.Id}?culture={culture}");
            await Expect(page.GetByTestId("profile-name")).ToContainTextAsync(culture == "en" ? "Taro Yamada" : "山田 太郎");
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"{culture}-{width}-profile.png"), FullPage = true });
            await page.GotoAsync($"/members?culture={culture}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"{culture}-{width}-directory.png"), FullPage = true });
            await page.GotoAsync($"/admin/audit?culture={culture}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"{culture}-{width}-audit.png"), FullPage = true });
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"audit log scrolls sideways at {width}");
        }
    }
}
