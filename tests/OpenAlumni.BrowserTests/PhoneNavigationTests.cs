using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Notifications;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// The menus on a phone (360 × 780: every destination on screen through the bottom bar or its menu, the unread
/// badges visible) and on desktops (the top bar one row at 1366, 1280 and 1024 px), for a member and an admin, in
/// both languages; and Japanese labels that break between phrases, not inside a word.
/// </summary>
public sealed class PhoneNavigationTests(BrowserApp app) : BrowserTest(app)
{
    const int PhoneWidth = 360, PhoneHeight = 780;
    static readonly string ShotDirectory = Environment.GetEnvironmentVariable("OPENALUMNI_NAV_SHOTS") is { Length: > 0 } d ? d : ScreenshotDirectory;

    sealed record NavText(string Menu, string More, string MessagesUnreadFormat, string NotificationsUnreadFormat, string CollaborationsTitle)
    {
        public static NavText For(string culture) => culture == "ja"
            ? new("メニュー", "その他", "メッセージ（未読 {0} 件）", "通知（未読 {0} 件）", "協業の記録")
            : new("Menu", "More", "Messages, {0} unread", "Notifications, {0} unread", "Collaborations");
    }

    /// <summary>
    /// An accessible name as said: Chromium may put a space where the label's box ends and the hidden "3 unread"
    /// begins ("Messages , 3 unread"), which a screen reader does not pronounce.
    /// </summary>
    static System.Text.RegularExpressions.Regex Spoken(string name) =>
        new("^" + string.Join(@"\s*", name.Select(c => System.Text.RegularExpressions.Regex.Escape(c.ToString()))) + "$");

    public static TheoryData<string, bool> People => new() { { "ja", false }, { "ja", true }, { "en", false }, { "en", true } };

    [Theory]
    [MemberData(nameof(People))]
    public async Task Phone_EveryDestinationIsOnScreen_ThroughTheBottomBarOrItsMenu_WithTheBadges(string culture, bool admin)
    {
        var (tenant, viewer) = await NetworkWithUnreadAsync(culture, admin);
        var t = NavText.For(culture);
        var page = await OpenAsync(tenant, "viewer");
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await SignInAsync(page, UiText.For(culture), viewer);
        await page.GotoAsync("/");

        // The bottom bar: four destinations and the menu, the unread messages' badge on its link and in its name.
        var bar = page.Locator("nav.phonebar");
        await Expect(bar).ToBeVisibleAsync();
        await Expect(page.Locator("nav.mainnav")).ToBeHiddenAsync();
        await Expect(bar.GetByTestId("phonebar-messages-count")).ToHaveTextAsync("3");
        await Expect(bar.GetByRole(AriaRole.Link, new() { NameRegex = Spoken(string.Format(t.MessagesUnreadFormat, 3)) })).ToBeVisibleAsync();
        await AssertOnScreenAsync(page, bar.GetByTestId("phonebar-messages-count"));
        foreach (var link in await bar.Locator(":scope > a").AllAsync()) await AssertOnScreenAsync(page, link);
        Assert.Equal(["/", "/posts", "/members", "/messages"], await HrefsAsync(bar.Locator(":scope > a")));
        // The bell stays in the top bar, its count shown and said.
        await Expect(page.GetByTestId("bell-count")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("bell")).ToHaveAccessibleNameAsync(string.Format(t.NotificationsUnreadFormat, 2));
        await AssertOnScreenAsync(page, page.GetByTestId("bell-count"));
        await AssertFitsAsync(page, "header.topbar");
        await AssertFitsAsync(page, "nav.phonebar");

        // The menu: every destination, the account's pages, the language and signing out, each on screen.
        var menu = page.GetByTestId("phonemenu");
        await menu.Locator("summary").ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("open", "");
        var panel = page.GetByTestId("phonemenu-panel");
        await Expect(panel).ToBeVisibleAsync();
        var expected = new List<string> { "/", "/posts", "/spaces", "/members", "/events", "/jobs", "/projects", "/collaborations", "/messages", "/consultations", "/notifications",
            $"/members/{viewer.Id}", "/members/edit", "/notifications/settings", "/outcomes", "/accounts/security", "/privacy/me" };
        if (admin) expected.AddRange(["/admin/registrations", "/admin/members", "/admin/privacy"]);
        var shown = await HrefsAsync(panel.Locator("a"));
        Assert.Equal(expected.Order(), shown.Order());
        foreach (var href in expected) await AssertOnScreenAsync(page, panel.Locator($"a[href='{href}']"));
        await AssertOnScreenAsync(page, panel.Locator("button[value=ja]"));
        await AssertOnScreenAsync(page, panel.Locator("button[value=en]"));
        await AssertOnScreenAsync(page, panel.Locator("form[action='/accounts/logout'] button"));
        await Expect(panel.GetByRole(AriaRole.Link, new() { NameRegex = Spoken(string.Format(t.MessagesUnreadFormat, 3)) })).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Link, new() { NameRegex = Spoken(string.Format(t.NotificationsUnreadFormat, 2)) })).ToBeVisibleAsync();
        await SnapNavAsync(page, $"{culture}-{(admin ? "admin" : "member")}-360-menu");

        // A tap on an entry of the menu goes there, and the menu is closed on the new page.
        await panel.Locator("a[href='/collaborations']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/collaborations$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = t.CollaborationsTitle })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("phonemenu-panel")).ToBeHiddenAsync();
        // The bottom bar's entries go where they say, too.
        await bar.GetByTestId("phonebar-directory").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/members$"));
        await Expect(bar.GetByTestId("phonebar-directory")).ToHaveAttributeAsync("aria-current", "page");
        await SnapNavAsync(page, $"{culture}-{(admin ? "admin" : "member")}-360-directory");
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Desktop_TopBarIsOneRow_At1366_1280And1024(string culture, bool admin)
    {
        var (tenant, viewer) = await NetworkWithUnreadAsync(culture, admin);
        var t = NavText.For(culture);
        var page = await OpenAsync(tenant, "viewer");
        await SignInAsync(page, UiText.For(culture), viewer);

        foreach (var width in new[] { 1366, 1280, 1024 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.GotoAsync("/");
            await Expect(page.Locator("nav.phonebar")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("bell-count")).ToBeVisibleAsync();

            // Every visible item of the bar (brand, destinations, More, language, bell, name) sits on one row.
            var rows = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const bar = document.querySelector('.topbar-inner');
                  const items = [...bar.querySelectorAll('.brand, .mainnav > a, .navmore > summary, .lang, .bell, .usermenu > summary')]
                    .filter(e => e.getClientRects().length > 0)
                    .map(e => { const r = e.getBoundingClientRect(); return { name: e.textContent.trim().slice(0, 20), mid: r.top + r.height / 2, left: r.left, right: r.right }; });
                  return { items, scroll: bar.scrollWidth, client: bar.clientWidth, height: bar.getBoundingClientRect().height, viewport: innerWidth };
                }
                """);
            var items = rows.GetProperty("items").EnumerateArray().Select(i => (Name: i.GetProperty("name").GetString(), Mid: i.GetProperty("mid").GetDouble(), Left: i.GetProperty("left").GetDouble(), Right: i.GetProperty("right").GetDouble())).ToList();
            var spread = items.Max(i => i.Mid) - items.Min(i => i.Mid);
            TestContext.Current.SendDiagnosticMessage($"{culture} {(admin ? "admin" : "member")} at {width}: {items.Count} items, vertical spread {spread:0.#} px, bar {rows.GetProperty("height").GetDouble():0} px high");
            Assert.True(spread <= 4, $"At {width} px the top bar is not one row: " + string.Join(", ", items.Select(i => $"{i.Name}@{i.Mid:0}")));
            Assert.True(rows.GetProperty("height").GetDouble() < 70, $"At {width} px the top bar is {rows.GetProperty("height").GetDouble()} px high.");
            Assert.True(rows.GetProperty("scroll").GetDouble() <= rows.GetProperty("client").GetDouble(), $"At {width} px the top bar overflows ({rows.GetProperty("scroll")} px in {rows.GetProperty("client")}): " + string.Join(", ", items.Select(i => $"{i.Name} {i.Left:0}-{i.Right:0}")));
            Assert.All(items, i => Assert.True(i.Right <= width, $"{i.Name} ends at {i.Right} px, past {width}."));
            // Side by side, none drawn over its neighbour (a menu that shrinks would spill its links under the tools).
            var byLeft = items.OrderBy(i => i.Left).ToList();
            for (var k = 1; k < byLeft.Count; k++)
                Assert.True(byLeft[k - 1].Right <= byLeft[k].Left + 1, $"At {width} px \"{byLeft[k - 1].Name}\" (to {byLeft[k - 1].Right:0}) overlaps \"{byLeft[k].Name}\" (from {byLeft[k].Left:0}).");

            // Whatever is folded away is in More, and every destination is one click away.
            var inline = await HrefsAsync(page.Locator("nav.mainnav > a:visible"));
            var more = page.Locator("details.navmore");
            var folded = new List<string>();
            if (await more.IsVisibleAsync())
            {
                await more.Locator("summary").ClickAsync();
                folded = await HrefsAsync(more.Locator(".menu a:visible"));
                foreach (var href in folded) await AssertOnScreenAsync(page, more.Locator($".menu a[href='{href}']"));
            }
            var expected = new List<string> { "/", "/posts", "/spaces", "/members", "/events", "/jobs", "/projects", "/collaborations", "/messages", "/consultations" };
            if (admin) expected.AddRange(["/admin/registrations", "/admin/members"]);
            Assert.Equal(expected.Order(), inline.Concat(folded).Order());
            await SnapNavAsync(page, $"{culture}-{(admin ? "admin" : "member")}-{width}");
            if (folded.Count > 0) await more.Locator("summary").ClickAsync();
        }
        // The More menu leads where it says.
        await page.Locator("details.navmore summary").ClickAsync();
        await page.Locator("details.navmore a[href='/collaborations']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = t.CollaborationsTitle })).ToBeVisibleAsync();
        await Expect(page.Locator("details.navmore summary")).ToHaveCSSAsync("color", "rgb(39, 64, 139)");
    }

    [Fact]
    public async Task Japanese_Labels_BreakBetweenPhrases_NotInsideAWord()
    {
        var tenant = await App.CreateTenantAsync("三ツ星商事 アルムナイネットワーク", "ja");
        var me = await tenant.MemberAsync(MemberKind.Alumni, "鈴木", "美穂", "すずき", "みほ", edit: m =>
        {
            m.Location = "東京都";
            m.Bio = "ネットワーク全体に向けた自己紹介です。";
        });
        var other = await tenant.MemberAsync(MemberKind.Alumni, "高橋", "健", "たかはし", "けん");
        await App.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<AlumniDb>();
            var now = DateTimeOffset.UtcNow;
            db.Add(new OpenAlumni.Web.Features.Consultations.ConsultationRequest
            {
                RequesterMemberId = me.Id, RecipientMemberId = other.Id, Topic = "物流業界への転職について", Goal = "業界の実情を知りたい",
                Format = OpenAlumni.Web.Features.Consultations.ConsultationFormat.OnlineCall, PreferredTimes = "平日の夜", CreatedAt = now, WaitingSince = now,
            });
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await OpenAsync(tenant, "me");
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await SignInAsync(page, UiText.Japanese, me);

        // The request's labels sit in a 6.5 rem column: "希望日時（任意）" must wrap before the bracket, not in "任意".
        await page.GotoAsync("/consultations?box=sent");
        var label = page.Locator("dt", new() { HasText = "希望日時" });
        await Expect(label).ToBeVisibleAsync();
        var breaks = await LineStartsAsync(label);
        Assert.True(breaks.Length > 0, "The label fits on one line; this test needs it to wrap.");
        Assert.All(breaks, i => Assert.True(i == "希望日時".Length, $"\"希望日時（任意）\" wraps before character {i}."));

        // On my profile each privacy label ("ネットワーク全体", "事務局のみ") is one line box.
        await page.GotoAsync($"/members/{me.Id}");
        Assert.True(await page.Locator(".vis-badge").CountAsync() > 0, "The profile shows no privacy labels to its owner.");
        var lines = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('.vis-badge')].map(b => b.getClientRects().length)");
        Assert.All(lines, n => Assert.Equal(1, n));
        // Running Japanese text breaks between phrases, with "anywhere" as the last resort against overflow.
        var style = await page.EvaluateAsync<string[]>("() => { const s = getComputedStyle(document.querySelector('main dd')); return [s.wordBreak, s.overflowWrap]; }");
        Assert.Equal(["auto-phrase", "anywhere"], style);
        await SnapNavAsync(page, "ja-member-360-profile");
    }

    /// <summary>Where in the element's text each line after the first begins (character offsets).</summary>
    static async Task<int[]> LineStartsAsync(ILocator element) => await element.EvaluateAsync<int[]>("""
        e => {
          const text = e.firstChild; const range = document.createRange(); const starts = []; let top = null;
          for (let i = 0; i < text.length; i++) {
            range.setStart(text, i); range.setEnd(text, i + 1);
            const r = range.getClientRects()[0]; if (!r) continue;
            if (top !== null && r.top > top + 2) starts.push(i);
            top = r.top;
          }
          return starts;
        }
        """);

    /// <summary>
    /// The main pages on a phone (360 px, Japanese), for docs/phone-*.png: kept in the output folder's screenshots/,
    /// and copied to docs/ when OPENALUMNI_UPDATE_SCREENSHOTS=1. Each page also shows the bottom bar.
    /// </summary>
    [Fact]
    public async Task Phone_MainPages_Screenshots()
    {
        var (tenant, viewer) = await NetworkWithUnreadAsync("ja", admin: false);
        await tenant.MemberAsync(MemberKind.Employee, "佐藤", "陽子", "さとう", "ようこ", "人事部", m => { m.Location = "大阪府"; m.Bio = "新規事業開発を担当しています。"; });
        var start = DateTimeOffset.UtcNow.AddDays(10);
        await App.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<AlumniDb>();
            var now = DateTimeOffset.UtcNow;
            db.Add(new OpenAlumni.Web.Features.Events.Event
            {
                Title = "アルムナイ交流会 2026 冬", Description = "卒業生と社員が**気軽に話せる**交流会です。",
                Kind = OpenAlumni.Web.Features.Events.EventKind.Meetup, Format = OpenAlumni.Web.Features.Events.EventFormat.Offline,
                Status = OpenAlumni.Web.Features.Events.EventStatus.Published, Audience = OpenAlumni.Web.Features.Events.EventAudience.All,
                StartsAt = start, EndsAt = start.AddHours(2), Venue = "本社 20階 ラウンジ", Address = "東京都千代田区丸の内1-1-1", CapacityInPerson = 40,
                CreatedByMemberId = viewer.Id, CreatedAt = now, UpdatedAt = now, PublishedAt = now,
            });
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await OpenAsync(tenant, "viewer");
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await SignInAsync(page, UiText.Japanese, viewer);
        await page.GotoAsync("/posts/edit");
        await page.Locator("input[name='Input.Room'][value='updates']").CheckAsync();
        await page.Locator("#Input_Title").FillAsync("物流スタートアップに転職しました");
        await page.Locator("#Input_Body").FillAsync("営業本部で10年お世話になりました。いまは共同配送の仕組みづくりをしています。ご興味のある方はお気軽にどうぞ。");
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/posts/\d+$"));

        await PhoneShotAsync(page, "/", "home");
        await PhoneShotAsync(page, "/posts", "feed");
        await PhoneShotAsync(page, "/members", "directory");
        await PhoneShotAsync(page, $"/members/{viewer.Id}", "profile");
        await PhoneShotAsync(page, "/events", "events");
        await page.Locator("a[href^='/events/']").Filter(new() { HasText = "アルムナイ交流会" }).First.ClickAsync();
        await page.GetByTestId("signup").Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("my-status")).ToBeVisibleAsync();
        await PhoneShotAsync(page, null, "event");
        await page.Locator("a[href^='/events/ticket']").ClickAsync();
        await Expect(page.GetByTestId("ticket-qr")).ToBeVisibleAsync();
        await PhoneShotAsync(page, null, "ticket");
        await PhoneShotAsync(page, "/messages", "messages");
        await PhoneShotAsync(page, "/", "menu", open: true);
    }

    async Task PhoneShotAsync(IPage page, string? path, string name, bool open = false)
    {
        if (path is not null) await page.GotoAsync(path);
        await Expect(page.Locator("nav.phonebar")).ToBeVisibleAsync();
        if (open) await page.GetByTestId("phonemenu").Locator("summary").ClickAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
        var file = Path.Combine(ScreenshotDirectory, $"phone-{name}.png");
        await page.ScreenshotAsync(new() { Path = file });
        if (Environment.GetEnvironmentVariable("OPENALUMNI_UPDATE_SCREENSHOTS") == "1")
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "OpenAlumni.slnx"))) root = root.Parent;
            if (root is null) throw new InvalidOperationException("The repository (OpenAlumni.slnx) is not above the test's output folder.");
            Directory.CreateDirectory(Path.Combine(root.FullName, "docs"));
            File.Copy(file, Path.Combine(root.FullName, "docs", $"phone-{name}.png"), overwrite: true);
        }
    }

    /// <summary>A network with the viewer (member or admin), three unread messages from another member and two unread notifications.</summary>
    async Task<(BrowserTenant Tenant, Person Viewer)> NetworkWithUnreadAsync(string culture, bool admin)
    {
        var tenant = await App.CreateTenantAsync(culture == "ja" ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Trading Alumni Network", culture);
        var viewer = admin ? await tenant.AdminAsync() : await tenant.MemberAsync(MemberKind.Alumni, "鈴木", "美穂", "すずき", "みほ");
        var sender = await tenant.MemberAsync(MemberKind.Alumni, "高橋", "健", "たかはし", "けん");
        await App.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<AlumniDb>();
            var now = DateTimeOffset.UtcNow;
            var conversation = new Conversation { StartedByMemberId = sender.Id, CreatedAt = now, LastMessageAt = now };
            conversation.Participants.Add(new ConversationParticipant { MemberId = sender.Id });
            conversation.Participants.Add(new ConversationParticipant { MemberId = viewer.Id });
            db.Add(conversation);
            await db.SaveChangesAsync();
            for (var i = 1; i <= 3; i++)
                db.Add(new Message { ConversationId = conversation.Id, SenderMemberId = sender.Id, Body = $"こんにちは {i}", BodyHtml = $"<p>こんにちは {i}</p>", CreatedAt = now });
            await db.SaveChangesAsync();
            var notifications = sp.GetRequiredService<NotificationService>();
            await notifications.NotifyAsync([viewer.Id], NotificationType.Message, null, sender.Id, "こんにちは", CancellationToken.None, link: $"/messages/{conversation.Id}");
            await notifications.NotifyAsync([viewer.Id], NotificationType.Reaction, null, sender.Id, "投稿", CancellationToken.None, link: "/posts");
            await db.SaveChangesAsync();
            return 0;
        });
        return (tenant, viewer);
    }

    static async Task<List<string>> HrefsAsync(ILocator links) =>
        [.. (await links.EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))];

    /// <summary>Scrolled to if need be, the element lies inside the viewport and nothing covers its middle.</summary>
    static async Task AssertOnScreenAsync(IPage page, ILocator element)
    {
        await Expect(element).ToBeVisibleAsync();
        await element.ScrollIntoViewIfNeededAsync();
        var box = await element.BoundingBoxAsync();
        var size = page.ViewportSize!;
        Assert.NotNull(box);
        var where = $"{await element.EvaluateAsync<string>("e => e.outerHTML.slice(0, 120)")} at {box.X:0},{box.Y:0} {box.Width:0}×{box.Height:0}";
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= size.Width + 0.5 && box.Y + box.Height <= size.Height + 0.5,
            $"Off screen ({size.Width}×{size.Height}): {where}");
        var onTop = await element.EvaluateAsync<bool>("""
            e => { const r = e.getBoundingClientRect(); const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                   return top !== null && (e === top || e.contains(top) || top.contains(e)); }
            """);
        Assert.True(onTop, $"Covered by another element: {where}");
    }

    /// <summary>The element's content is no wider than the element itself (nothing pushed out sideways).</summary>
    static async Task AssertFitsAsync(IPage page, string selector)
    {
        var sizes = await page.Locator(selector).EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        var (scroll, client) = (sizes[0], sizes[1]);
        Assert.True(scroll <= client, $"{selector} is {scroll} px wide in {client} px.");
    }

    static Task SnapNavAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ShotDirectory);
        return page.ScreenshotAsync(new() { Path = Path.Combine(ShotDirectory, $"nav-{name}.png") });
    }
}
