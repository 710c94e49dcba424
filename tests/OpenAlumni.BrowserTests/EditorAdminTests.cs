using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>Issue 12, points 4 and 5: the post editor's @mention picker, preview and alt text; the compact members admin.</summary>
public sealed class EditorAdminTests(BrowserApp app) : BrowserTest(app)
{
    static readonly string Shots = "/tmp/walk-editor-admin-shots";

    [Fact]
    public async Task Editor_MentionPickedWithTheKeyboard_PreviewIsSanitized_ImageHasItsAlt()
    {
        var text = UiText.Japanese;
        var tenant = await App.CreateTenantAsync("三ツ星商事 アルムナイネットワーク", "ja");
        var writer = await tenant.MemberAsync(MemberKind.Alumni, "鈴木", "美穂", "すずき", "みほ");
        var yamada = await tenant.MemberAsync(MemberKind.Alumni, "山田", "太郎", "やまだ", "たろう");
        Directory.CreateDirectory(Shots);

        var page = await OpenAsync(tenant, "writer");
        await SignInAsync(page, text, writer);
        await page.GotoAsync("/posts/edit");
        await page.Locator("input[name='Input.Room'][value='updates']").CheckAsync();
        await page.Locator("#Input_Title").FillAsync("同期会のお知らせ");
        var body = page.Locator("#Input_Body");
        await body.ClickAsync();
        await body.PressSequentiallyAsync("幹事は @山");
        var list = page.GetByTestId("mention-list");
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(body).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(body).ToHaveAttributeAsync("aria-activedescendant", "mention-opt-0");
        await page.ScreenshotAsync(new() { Path = $"{Shots}/editor-mention-ja-1280.png" });
        await body.PressAsync("Enter");
        await Expect(list).ToBeHiddenAsync();
        await Expect(body).ToHaveValueAsync($"幹事は [@山田 太郎](/members/{yamada.Id}) ");
        await body.PressSequentiallyAsync("です。**x** <script>alert(1)</script>");

        await page.GetByTestId("preview-tab").ClickAsync();
        var preview = page.GetByTestId("body-preview");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("x");
        await Expect(preview.Locator("script")).ToHaveCountAsync(0);
        await Expect(preview.Locator($"a[href='/members/{yamada.Id}']")).ToHaveTextAsync("@山田 太郎");
        await page.ScreenshotAsync(new() { Path = $"{Shots}/editor-preview-ja-1280.png" });
        await page.GetByRole(AriaRole.Tab, new() { Name = "編集" }).ClickAsync();

        await page.Locator("#image").SetInputFilesAsync(new FilePayload { Name = "party.png", MimeType = "image/png", Buffer = Png(320, 200) });
        await page.GetByTestId("image-alt").FillAsync("同期会の集合写真");
        await page.GetByRole(AriaRole.Button, new() { Name = "アップロードして挿入", Exact = true }).ClickAsync();
        await Expect(page.Locator("#Input_Body")).ToHaveValueAsync(new Regex(@"!\[同期会の集合写真\]\(/posts/attachments/\d+/[0-9a-f]{32}\)$"));
        await page.GetByTestId("publish").ClickAsync();

        var post = page.GetByTestId("post-body");
        await Expect(post.Locator($"a[href='/members/{yamada.Id}']")).ToHaveTextAsync("@山田 太郎");
        await Expect(post.Locator("img")).ToHaveAttributeAsync("alt", "同期会の集合写真");
        await Expect(post.Locator("script")).ToHaveCountAsync(0);

        // 山田 is told about the mention.
        var mentioned = await OpenAsync(tenant, "yamada");
        await SignInAsync(mentioned, text, yamada);
        await mentioned.GotoAsync("/notifications");
        await Expect(mentioned.Locator("main")).ToContainTextAsync("同期会のお知らせ");

        await page.SetViewportSizeAsync(360, 800);
        await page.GotoAsync("/posts/edit");
        await page.ScreenshotAsync(new() { Path = $"{Shots}/editor-ja-360.png", FullPage = true });
    }

    [Fact]
    public async Task MembersAdmin_SixtyFourMembers_OnCompactPagesOfFifty()
    {
        var text = UiText.Japanese;
        var tenant = await App.CreateTenantAsync("三ツ星商事 アルムナイネットワーク", "ja");
        var admin = await tenant.AdminAsync();
        for (var i = 0; i < 63; i++)
            await tenant.MemberAsync(i % 5 == 0 ? MemberKind.Employee : MemberKind.Alumni, "山田", $"太郎{i:00}", "やまだ", $"たろう{i:00}");
        Directory.CreateDirectory(Shots);

        var page = await OpenAsync(tenant, "admin");
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsync(page, text, admin);
        await page.GotoAsync("/admin/members");
        var rows = page.Locator("[data-testid=admin-members] tbody tr");
        await Expect(rows).ToHaveCountAsync(50);
        var heights = await rows.EvaluateAllAsync<double[]>("rs => rs.map(r => r.getBoundingClientRect().height)");
        Assert.All(heights, h => Assert.True(h <= 48, $"a row is {h} px high"));
        await page.ScreenshotAsync(new() { Path = $"{Shots}/admin-ja-1280.png" });
        await page.Locator("[data-select-all]").CheckAsync();
        await Expect(page.Locator("input[name=ids]:checked")).ToHaveCountAsync(50);
        await page.Locator("details.row-menu").First.Locator("summary").ClickAsync();
        await page.ScreenshotAsync(new() { Path = $"{Shots}/admin-menu-ja-1280.png" });
        await page.Locator("details.row-menu").First.Locator("summary").ClickAsync();

        await page.GetByTestId("member-pages").GetByRole(AriaRole.Link, new() { Name = "2", Exact = true }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(14);
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await page.SetViewportSizeAsync(360, 800);
        await page.ScreenshotAsync(new() { Path = $"{Shots}/admin-ja-360.png" });
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the page is {width} px wide at 360");

        await page.GotoAsync("/admin/members?size=25&culture=en");
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = $"{Shots}/admin-en-1280.png" });
    }

    static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(new SKColor(232, 237, 248));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
