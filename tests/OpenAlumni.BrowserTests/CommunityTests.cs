using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// The community in a real browser: an alumnus posts a job opening in the notices room, an employee reacts,
/// raises a hand and comments, and the alumnus finds both under the bell; script in a post never runs in a
/// reader's browser.
/// </summary>
public sealed class CommunityTests(BrowserApp app) : BrowserTest(app)
{
    sealed record JobOpening(string Title, string Body, string Role, string Place, string HowToApply, string Comment);

    static JobOpening JobFor(string culture) => culture == "ja"
        ? new("【求人】物流DXのプロジェクトマネージャーを募集します",
            "株式会社ミライ物流では、倉庫管理システムの刷新をリードしていただける方を探しています。\n\n- 物流または製造業でのご経験\n- **チームを率いた経験**を歓迎します",
            "プロジェクトマネージャー", "東京都千代田区（週2日リモート可）", "下記フォームからご応募ください：https://example.com/apply",
            "社内の物流部門にも関心のある者がいます。詳しくお話を伺えますか？")
        : new("Hiring: project manager for logistics DX",
            "Mirai Logistics is looking for someone to lead the renewal of our warehouse system.\n\n- Experience in logistics or manufacturing\n- **Team leadership** is a plus",
            "Project manager", "Chiyoda, Tokyo (remote two days a week)", "Apply through the form at https://example.com/apply",
            "Some of our logistics team would be interested. Could we hear more?");

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task Alumnus_PostsAJob_EmployeeReactsAndComments_AlumnusSeesBothUnderTheBell(string culture)
    {
        var text = UiText.For(culture);
        var t = PostUiText.For(culture);
        var job = JobFor(culture);
        var tenant = await App.CreateTenantAsync(culture == "ja" ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Alumni Network", culture);
        var alumnus = await tenant.MemberAsync(MemberKind.Alumni, "佐藤", "健一", "さとう", "けんいち", "物流本部");
        var employee = await tenant.MemberAsync(MemberKind.Employee, "高橋", "大輔", "たかはし", "だいすけ", "人事部");
        var until = DateTime.UtcNow.AddHours(9).AddDays(30).ToString("yyyy-MM-dd");

        // 1. The alumnus goes to the community from the main menu and writes a job opening in the notices room.
        var author = await OpenAsync(tenant, "alumnus");
        await SignInAsync(author, text, alumnus);
        await author.GetByRole(AriaRole.Link, new() { Name = t.NavCommunity, Exact = true }).ClickAsync();
        await Expect(author.GetByRole(AriaRole.Heading, new() { Name = t.FeedTitle, Level = 1 })).ToBeVisibleAsync();
        await author.GetByRole(AriaRole.Link, new() { Name = t.NewPost, Exact = true }).ClickAsync();
        await Expect(author.GetByRole(AriaRole.Heading, new() { Name = t.NewTitle, Level = 1 })).ToBeVisibleAsync();
        // Only admins write announcements.
        await Expect(author.Locator("input[name='Input.Room'][value='announcements']")).ToHaveCountAsync(0);
        await author.Locator("input[name='Input.Room'][value='notices']").CheckAsync();
        await author.Locator("input[name='Input.Category'][value='job']").CheckAsync();
        await Expect(author.Locator("#Input_JobRole")).ToBeVisibleAsync();
        await author.Locator("#Input_Title").FillAsync(job.Title);
        await author.Locator("#Input_Body").FillAsync(job.Body);
        await author.Locator("#Input_JobRole").FillAsync(job.Role);
        await author.Locator("#Input_JobPlace").FillAsync(job.Place);
        await author.Locator("#Input_JobHowToApply").FillAsync(job.HowToApply);
        await author.Locator("#Input_JobUntil").FillAsync(until);
        await SnapTopAsync(author, culture, "community-01-new-job");
        await author.GetByTestId("publish").ClickAsync();

        await Expect(author).ToHaveURLAsync(new Regex(@"/posts/\d+$"));
        var postPath = new Uri(author.Url).AbsolutePath;
        await Expect(author.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.PublishedFlash);
        await Expect(author.GetByRole(AriaRole.Heading, new() { Name = job.Title, Level = 1 })).ToBeVisibleAsync();
        await Expect(author.GetByTestId("job-facts")).ToContainTextAsync(job.Role);
        await Expect(author.GetByTestId("job-facts")).ToContainTextAsync(job.HowToApply);
        // Markdown is rendered: the list and the bold text.
        await Expect(author.GetByTestId("post-body").Locator("li strong")).ToHaveCountAsync(1);
        // The author does not raise a hand on their own post.
        await Expect(author.GetByTestId("interest")).ToHaveCountAsync(0);
        await SnapTopAsync(author, culture, "community-02-job-posted");

        // 2. An employee sees it on the home page and in the notices room's job openings...
        var reader = await OpenAsync(tenant, "employee");
        await SignInAsync(reader, text, employee);
        await Expect(reader.GetByTestId("latest-posts")).ToContainTextAsync(job.Title);
        await SnapTopAsync(reader, culture, "community-03-home");
        await reader.GetByRole(AriaRole.Link, new() { Name = t.NavCommunity, Exact = true }).ClickAsync();
        await reader.GetByRole(AriaRole.Link, new() { Name = t.RoomNotices, Exact = true }).ClickAsync();
        await reader.Locator("nav.chips").GetByRole(AriaRole.Link, new() { Name = t.CategoryJob, Exact = true }).ClickAsync();
        await Expect(reader).ToHaveURLAsync(new Regex("room=notices&category=job"));
        var card = reader.GetByTestId("post-card").Filter(new() { HasText = job.Title });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.GetByTestId("job-facts")).ToContainTextAsync(job.Place);
        await SnapTopAsync(reader, culture, "community-04-feed-jobs");

        // ...opens it, reacts, raises a hand and comments.
        await card.GetByRole(AriaRole.Link, new() { Name = job.Title }).ClickAsync();
        await Expect(reader).ToHaveURLAsync(new Regex(Regex.Escape(postPath) + "$"));
        await reader.GetByTestId("reaction-like").ClickAsync();
        await Expect(reader.GetByTestId("reaction-like")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(reader.GetByTestId("reaction-like")).ToContainTextAsync("1");
        await reader.GetByTestId("interest").ClickAsync();
        await Expect(reader.GetByTestId("interest")).ToHaveAttributeAsync("aria-pressed", "true");
        await reader.Locator("#comment-body").FillAsync(job.Comment);
        await reader.GetByRole(AriaRole.Button, new() { Name = t.Comment, Exact = true }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.CommentPosted);
        await Expect(reader.GetByTestId("comment")).ToContainTextAsync(job.Comment);
        await SnapTopAsync(reader, culture, "community-05-reacted-and-commented");

        // 3. The alumnus has two unread notifications under the bell: the comment (newest) and the reaction.
        await author.GotoAsync("/");
        await Expect(author.GetByTestId("bell-count")).ToHaveTextAsync("2");
        await Expect(author.GetByTestId("bell")).ToHaveAccessibleNameAsync(t.BellUnread(2));
        await SnapTopAsync(author, culture, "community-06-bell");
        await author.GetByTestId("bell").ClickAsync();
        await Expect(author.GetByRole(AriaRole.Heading, new() { Name = t.NotificationsTitle, Level = 1 })).ToBeVisibleAsync();
        var items = author.GetByTestId("notification");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(0)).ToContainTextAsync(t.Reply(employee.DisplayName, job.Title));
        await Expect(items.Nth(1)).ToContainTextAsync(t.Reaction(employee.DisplayName, job.Title));
        await Expect(author.Locator("[data-testid=notification].unread")).ToHaveCountAsync(2);
        await SnapTopAsync(author, culture, "community-07-notifications");

        // ...opens the comment's: the post, with the comment and who raised a hand; that one is now read.
        await items.Nth(0).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(author).ToHaveURLAsync(new Regex(Regex.Escape(postPath) + @"\?n=\d+$"));
        await Expect(author.GetByTestId("comment")).ToContainTextAsync(job.Comment);
        var interested = author.GetByTestId("interested");
        await Expect(interested.GetByRole(AriaRole.Heading)).ToHaveTextAsync(t.InterestedList(1));
        await Expect(interested).ToContainTextAsync(employee.DisplayName);
        await Expect(author.GetByTestId("bell-count")).ToHaveTextAsync("1");
        await SnapTopAsync(author, culture, "community-08-post-as-author");
    }

    [Fact]
    public async Task ScriptInAPost_NeverRunsInAReadersBrowser()
    {
        var text = UiText.Japanese;
        var tenant = await App.CreateTenantAsync("三ツ星商事 アルムナイネットワーク", "ja");
        var writer = await tenant.MemberAsync(MemberKind.Alumni, "伊藤", "麻衣", "いとう", "まい");
        var readerPerson = await tenant.MemberAsync(MemberKind.Employee, "高橋", "大輔", "たかはし", "だいすけ");
        const string title = "近況：新しい会社を立ち上げました";
        const string body = "よろしくお願いします。\n\n<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">\n\n[詳しくはこちら](javascript:alert(1))\n\n<a href=\"javascript:window.__xss=3\">もう一つ</a>";

        var author = await OpenAsync(tenant, "author");
        await SignInAsync(author, text, writer);
        var postPath = await WritePostAsync(author, "updates", null, title, body);
        await Expect(author.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();

        var reader = await OpenAsync(tenant, "reader");
        await SignInAsync(reader, text, readerPerson);
        foreach (var path in new[] { "/posts", postPath, "/" })
        {
            await reader.GotoAsync(path);
            await reader.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(reader.GetByRole(AriaRole.Main)).ToContainTextAsync("よろしくお願いします。");
            // The text of the link stays; its javascript: address does not.
            await Expect(reader.GetByRole(AriaRole.Main)).ToContainTextAsync("詳しくはこちら");
            Assert.True(await reader.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"), $"Script ran on {path}.");
            Assert.Equal(0, await reader.EvaluateAsync<int>("() => [...document.querySelectorAll('a[href]')].filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length"));
            Assert.Equal(0, await reader.EvaluateAsync<int>("() => [...document.querySelectorAll('main *')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
            Assert.Equal(0, await reader.Locator("main script").CountAsync());
        }
        await SnapTopAsync(reader, "ja", "community-09-script-not-run");
    }

    /// <summary>Writes a post through the form and returns its path (/posts/{id}).</summary>
    static async Task<string> WritePostAsync(IPage page, string room, string? category, string title, string body)
    {
        await page.GotoAsync("/posts/edit");
        await page.Locator($"input[name='Input.Room'][value='{room}']").CheckAsync();
        if (category is not null) await page.Locator($"input[name='Input.Category'][value='{category}']").CheckAsync();
        await page.Locator("#Input_Title").FillAsync(title);
        await page.Locator("#Input_Body").FillAsync(body);
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/posts/\d+$"));
        return new Uri(page.Url).AbsolutePath;
    }
}
