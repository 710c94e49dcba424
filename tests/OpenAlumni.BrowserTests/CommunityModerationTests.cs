using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// The community's forms in a real browser: drafts, edits, reports, the secretariat's queue, a targeted
/// announcement and the notification settings.
/// </summary>
public sealed class CommunityModerationTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Drafts_Edits_Reports_TheSecretariatsQueue_ATargetedAnnouncement_AndNotificationSettings()
    {
        var text = UiText.Japanese;
        var t = PostUiText.Japanese;
        var tenant = await App.CreateTenantAsync("三ツ星商事 アルムナイネットワーク", "ja");
        var admin = await tenant.AdminAsync();
        var writer = await tenant.MemberAsync(MemberKind.Alumni, "渡辺", "翔", "わたなべ", "しょう", "海外営業部");
        var other = await tenant.MemberAsync(MemberKind.Alumni, "山本", "涼", "やまもと", "りょう", "経理部");
        await tenant.MemberAsync(MemberKind.Employee, "小林", "直子", "こばやし", "なおこ", "人事部");

        // 1. A draft: only its author sees it, in "my drafts"; published from its page; then edited.
        var author = await OpenAsync(tenant, "writer");
        await SignInAsync(author, text, writer);
        const string title = "シンガポールで新会社を設立しました";
        // Nothing is saved without a title: the error is by the field and the text stays.
        await author.GotoAsync("/posts/edit");
        await author.Locator("input[name='Input.Room'][value='updates']").CheckAsync();
        await author.Locator("#Input_Body").FillAsync("東南アジア向けの越境ECを支援する会社です。");
        await author.GetByTestId("save-draft").ClickAsync();
        await Expect(author.Locator("#Input_Title-err")).ToHaveTextAsync(t.Required);
        await Expect(author.Locator("#Input_Body")).ToHaveValueAsync("東南アジア向けの越境ECを支援する会社です。");
        await SnapTopAsync(author, "ja", "community-10-form-error");
        // An image is uploaded with the form and its Markdown appended to the text.
        await author.Locator("#image").SetInputFilesAsync(new FilePayload { Name = "office.png", MimeType = "image/png", Buffer = Png(640, 320) });
        await author.GetByRole(AriaRole.Button, new() { Name = "アップロードして挿入", Exact = true }).ClickAsync();
        await Expect(author.GetByTestId("image-inserted")).ToContainTextAsync("![](/posts/attachments/");
        await Expect(author.Locator("#Input_Body")).ToHaveValueAsync(new Regex(@"^東南アジア向けの越境ECを支援する会社です。\n\n!\[\]\(/posts/attachments/\d+/[0-9a-f]{32}\)$"));
        await author.Locator("#Input_Title").FillAsync(title);
        await author.GetByTestId("save-draft").ClickAsync();
        await Expect(author.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.DraftSavedFlash);
        await Expect(author.GetByTestId("draft-notice")).ToHaveTextAsync(t.DraftNotice);
        await Expect(author.GetByTestId("post-body").Locator("img")).ToHaveCountAsync(1);
        // The image loads after the page: wait for it to be decoded at its real width (fails on timeout).
        await author.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=post-body] img'); return i && i.complete && i.naturalWidth === 640; }");
        var postPath = new Uri(author.Url).AbsolutePath;
        await author.GotoAsync("/posts?mine=drafts");
        await Expect(author.GetByTestId("post-card")).ToContainTextAsync(title);
        await SnapTopAsync(author, "ja", "community-11-drafts");
        await author.GotoAsync(postPath);
        await author.GetByRole(AriaRole.Button, new() { Name = t.Publish, Exact = true }).ClickAsync();
        await Expect(author.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.PublishedFlash);
        await Expect(author.GetByTestId("edited")).ToHaveCountAsync(0);
        await author.GetByRole(AriaRole.Link, new() { Name = t.Edit, Exact = true }).ClickAsync();
        await Expect(author.Locator("#Input_Title")).ToHaveValueAsync(title);
        await author.Locator("#Input_Body").FillAsync("東南アジア向けの越境ECを支援する会社です。古巣の皆さんとも一緒にお仕事ができれば嬉しいです。");
        await author.GetByTestId("save").ClickAsync();
        await Expect(author.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.SavedFlash);
        await Expect(author.GetByTestId("edited")).ToHaveTextAsync(t.Edited);

        // 2. Another member comments; the author reports the comment, with a reason (required).
        var commenter = await OpenAsync(tenant, "other");
        await SignInAsync(commenter, text, other);
        await commenter.GotoAsync(postPath);
        const string spam = "副業で月100万円！詳しくはDMで";
        await commenter.Locator("#comment-body").FillAsync(spam);
        await commenter.GetByRole(AriaRole.Button, new() { Name = t.Comment, Exact = true }).ClickAsync();
        await Expect(commenter.GetByTestId("comment")).ToContainTextAsync(spam);

        await author.ReloadAsync();
        var comment = author.GetByTestId("comment").Filter(new() { HasText = spam });
        await comment.Locator("summary", new() { HasText = t.Report }).ClickAsync();
        await comment.GetByRole(AriaRole.Button, new() { Name = t.ReportSend, Exact = true }).ClickAsync();
        await Expect(comment.Locator("details.report .error")).ToHaveTextAsync(t.Required);
        await comment.GetByLabel("通報の理由").FillAsync("投稿と関係のない勧誘です。");
        await comment.GetByRole(AriaRole.Button, new() { Name = t.ReportSend, Exact = true }).ClickAsync();
        await Expect(author.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.Reported);

        // 3. The secretariat hides it from the queue; the reporter is told, the comment is gone for members.
        var secretariat = await OpenAsync(tenant, "admin");
        await SignInAsync(secretariat, text, admin);
        await secretariat.GetByTestId("nav-admin").ClickAsync();
        await secretariat.GetByTestId("admin-nav").GetByRole(AriaRole.Link, new() { Name = t.NavModeration, Exact = true }).ClickAsync();
        await Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = t.ModerationTitle, Level = 1 })).ToBeVisibleAsync();
        var report = secretariat.GetByTestId("report");
        await Expect(report).ToHaveCountAsync(1);
        await Expect(report).ToContainTextAsync(title);
        await Expect(report).ToContainTextAsync(spam);
        await Expect(report).ToContainTextAsync("投稿と関係のない勧誘です。");
        await Expect(report).ToContainTextAsync(writer.DisplayName);
        await SnapTopAsync(secretariat, "ja", "community-12-moderation");
        await report.GetByRole(AriaRole.Textbox).FillAsync("勧誘のため非表示");
        await report.GetByRole(AriaRole.Button, new() { Name = t.Hide, Exact = true }).ClickAsync();
        await Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.DecidedHidden);
        await Expect(secretariat.GetByTestId("report")).ToHaveCountAsync(0);
        await secretariat.GetByRole(AriaRole.Link, new() { Name = t.StatusHidden, Exact = true }).ClickAsync();
        await Expect(secretariat.GetByTestId("report")).ToContainTextAsync("勧誘のため非表示");
        await secretariat.GotoAsync(postPath);
        await Expect(secretariat.GetByTestId("comment").Filter(new() { HasText = spam })).ToContainTextAsync(t.CommentHiddenMark);
        await SnapTopAsync(secretariat, "ja", "community-13-post-as-admin");

        await commenter.ReloadAsync();
        await Expect(commenter.GetByTestId("comment")).ToHaveCountAsync(0);
        await author.GotoAsync("/notifications");
        await Expect(author.GetByTestId("notification").First).ToContainTextAsync(t.ReportDecision(title));

        // 4. The secretariat writes a pinned announcement for alumni only, counting its audience first.
        await secretariat.GotoAsync("/posts/edit");
        await secretariat.Locator("input[name='Input.Room'][value='announcements']").CheckAsync();
        await secretariat.Locator("#Input_Title").FillAsync("アルムナイ限定：年次総会のご案内");
        await secretariat.Locator("#Input_Body").FillAsync("今年の年次総会は12月に東京本社で開催します。");
        await secretariat.Locator("input[name='Input.Pinned']").CheckAsync();
        await secretariat.Locator("#Input_Segment_Kind").SelectOptionAsync("Alumni");
        await secretariat.GetByTestId("audience-check").ClickAsync();
        // Alumni: the writer and the other member (the admin and the employee are not alumni).
        await Expect(secretariat.GetByTestId("audience-count")).ToHaveTextAsync(t.AudienceCount(2));
        await Expect(secretariat.Locator("#Input_Title")).ToHaveValueAsync("アルムナイ限定：年次総会のご案内");
        await SnapTopAsync(secretariat, "ja", "community-14-announcement-form");
        await secretariat.GetByTestId("publish").ClickAsync();
        await Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.PublishedFlash);

        await author.GotoAsync("/posts");
        var first = author.GetByTestId("post-card").First;
        await Expect(first).ToContainTextAsync("アルムナイ限定：年次総会のご案内");
        await Expect(first.GetByTestId("pinned")).ToHaveTextAsync(t.Pinned);
        await SnapTopAsync(author, "ja", "community-15-feed-pinned");

        // 5. The author chooses the weekly digest for reactions, from the user menu.
        await author.Locator("summary", new() { HasText = writer.DisplayName }).ClickAsync();
        await author.GetByRole(AriaRole.Link, new() { Name = t.SettingsMenu, Exact = true }).ClickAsync();
        await Expect(author.GetByRole(AriaRole.Heading, new() { Name = t.SettingsTitle, Level = 1 })).ToBeVisibleAsync();
        await author.GetByTestId("delivery-reaction-digest").CheckAsync();
        await author.GetByRole(AriaRole.Button, new() { Name = t.Save, Exact = true }).ClickAsync();
        await Expect(author.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.SettingsSaved);
        await Expect(author.GetByTestId("delivery-reaction-digest")).ToBeCheckedAsync();
        await Expect(author.GetByTestId("delivery-reply-email")).ToBeCheckedAsync();
        await SnapTopAsync(author, "ja", "community-16-settings");

        // The home page shows the latest three posts the member may read.
        await author.GotoAsync("/");
        await Expect(author.GetByTestId("latest-posts").GetByTestId("post-card")).ToHaveCountAsync(2);
        await SnapTopAsync(author, "ja", "community-17-home");
    }

    /// <summary>A real PNG, drawn with Skia (the app decodes and re-encodes what it is sent).</summary>
    static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(232, 237, 248));
            using var paint = new SKPaint { Color = new SKColor(39, 64, 139) };
            canvas.DrawRect(0, height * 2 / 3f, width, height / 3f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
