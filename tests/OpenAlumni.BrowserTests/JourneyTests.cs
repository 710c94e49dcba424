using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// The alumnus's way in, in a real browser and in each language: register, confirm the email, wait for
/// the secretariat's approval, fill in the profile with a field kept from alumni, and be found by another
/// alumnus, who sees the profile without that field, while an employee sees it.
/// </summary>
public sealed class JourneyTests(BrowserApp app) : BrowserTest(app)
{
    /// <summary>Who registers, and what they write on their profile, per language.</summary>
    sealed record Applicant(string Family, string Given, string FamilyKana, string GivenKana, string Department,
        string Organization, string Title, string Location, string Bio, string SearchFor)
    {
        public string DisplayName => Family + " " + Given;
    }

    static Applicant ApplicantFor(string culture) => culture == "ja"
        // Found by the reading in kana, as a Japanese member would type it.
        ? new("佐藤", "健一", "さとう", "けんいち", "機械本部", "株式会社ミライ商事", "事業開発部長", "福岡県福岡市",
            "機械本部で15年、プラント輸出を担当しました。", "さとう")
        // Found by the family name in kanji.
        : new("田中", "美咲", "たなか", "みさき", "化学品本部", "Sakura Robotics Inc.", "Head of Partnerships", "Osaka",
            "Ten years in chemicals trading, now building partnerships for a robotics start-up.", "田中");

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task Alumnus_Registers_IsApproved_EditsProfile_AndIsFoundWithoutTheEmployeesOnlyLocation(string culture)
    {
        var text = UiText.For(culture);
        var who = ApplicantFor(culture);
        var tenant = await App.CreateTenantAsync(culture == "ja" ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Alumni Network", culture);
        var admin = await tenant.AdminAsync();
        var (viewer, employee, others) = await SeedMembersAsync(tenant);
        var email = $"applicant-{Guid.NewGuid():N}@example.com";

        // 1. The alumnus registers through the form.
        var alumnus = await OpenAsync(tenant, "alumnus");
        await alumnus.GotoAsync("/accounts/register");
        await Expect(alumnus.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await Expect(alumnus.GetByRole(AriaRole.Heading, new() { Name = text.RegisterTitle, Level = 1 })).ToBeVisibleAsync();
        await Expect(alumnus.Locator("input[name='Input.Kind'][value='Alumni']")).ToBeCheckedAsync();
        await SnapAsync(alumnus, culture, "01-register");
        await alumnus.Locator("#Input_FamilyName").FillAsync(who.Family);
        await alumnus.Locator("#Input_GivenName").FillAsync(who.Given);
        await alumnus.Locator("#Input_FamilyNameKana").FillAsync(who.FamilyKana);
        await alumnus.Locator("#Input_GivenNameKana").FillAsync(who.GivenKana);
        await alumnus.Locator("#Input_Email").FillAsync(email);
        await alumnus.Locator("#Input_Password").FillAsync(BrowserTenant.Password);
        await alumnus.Locator("#Input_Department").FillAsync(who.Department);
        await alumnus.Locator("#Input_JoinedYear").FillAsync("2006");
        await alumnus.Locator("#Input_LeftYear").FillAsync("2021");
        await alumnus.GetByRole(AriaRole.Button, new() { Name = text.RegisterButton, Exact = true }).ClickAsync();
        await Expect(alumnus.GetByRole(AriaRole.Heading, new() { Name = text.RegisterDoneTitle, Level = 1 })).ToBeVisibleAsync();
        await SnapAsync(alumnus, culture, "02-register-done");

        // 2. ...opens the link of the confirmation mail, which is in their language and points at their network.
        var mail = Mailbox.Last(App, email);
        Assert.Contains(text.ConfirmMailSubject, mail.Subject);
        var link = Mailbox.Link(mail, "/accounts/confirmemail");
        Assert.StartsWith(tenant.BaseUrl + "/", link);
        await alumnus.GotoAsync(link);
        await Expect(alumnus.GetByRole(AriaRole.Heading, new() { Name = text.ConfirmTitle, Level = 1 })).ToBeVisibleAsync();
        await alumnus.GetByRole(AriaRole.Button, new() { Name = text.ConfirmButton, Exact = true }).ClickAsync();
        await Expect(alumnus.GetByRole(AriaRole.Main)).ToContainTextAsync(text.ConfirmDone);
        await SnapAsync(alumnus, culture, "03-confirmed");

        // 3. ...can sign in, but waits for the secretariat.
        await SignInAsync(alumnus, text, new Person(0, email, BrowserTenant.Password, who.DisplayName));
        await Expect(alumnus.GetByTestId("member-status")).ToHaveTextAsync(text.StatusPending);
        await SnapAsync(alumnus, culture, "04-pending");

        // 4. The admin signs in, follows the home page's notice to the queue, and approves.
        var secretariat = await OpenAsync(tenant, "admin");
        await SignInAsync(secretariat, text, admin);
        await Expect(secretariat.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = text.Welcome(admin.DisplayName), Level = 1 })).ToBeVisibleAsync();
        await secretariat.GetByRole(AriaRole.Link, new() { Name = text.PendingNotice(1) }).ClickAsync();
        await Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = text.ApprovalsTitle, Level = 1 })).ToBeVisibleAsync();
        var registration = secretariat.GetByTestId("registration").Filter(new() { HasText = email });
        await Expect(registration).ToContainTextAsync(who.DisplayName);
        await SnapAsync(secretariat, culture, "05-approvals");
        await registration.GetByRole(AriaRole.Button, new() { Name = text.Approve, Exact = true }).ClickAsync();
        await Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync(text.DecidedApproved(who.DisplayName));
        await Expect(secretariat.GetByTestId("registration").Filter(new() { HasText = email })).ToHaveCountAsync(0);
        Assert.Contains(text.ApprovedMailSubject, Mailbox.Last(App, email).Subject);

        // 5. The alumnus is in: they edit their profile from the user menu, keeping the location from
        //    alumni (Employees only) and the bio for the secretariat alone.
        await alumnus.GotoAsync("/");
        await Expect(alumnus.GetByRole(AriaRole.Heading, new() { Name = text.Welcome(who.DisplayName), Level = 1 })).ToBeVisibleAsync();
        await alumnus.Locator("summary", new() { HasText = who.DisplayName }).ClickAsync();
        await alumnus.GetByRole(AriaRole.Link, new() { Name = text.EditProfileMenu, Exact = true }).ClickAsync();
        await Expect(alumnus.GetByRole(AriaRole.Heading, new() { Name = text.EditTitle, Level = 1 })).ToBeVisibleAsync();
        await SnapAsync(alumnus, culture, "06-edit");
        await alumnus.Locator("#Input_Organization").FillAsync(who.Organization);
        await alumnus.Locator("#Input_Title").FillAsync(who.Title);
        await alumnus.Locator("#Input_Location").FillAsync(who.Location);
        await alumnus.Locator("#Input_Visibility_Location").SelectOptionAsync(new SelectOptionValue { Label = text.VisibilityEmployees });
        await alumnus.Locator("#Input_Bio").FillAsync(who.Bio);
        await alumnus.Locator("#Input_Visibility_Bio").SelectOptionAsync(new SelectOptionValue { Label = text.VisibilityAdmins });
        await alumnus.GetByRole(AriaRole.Button, new() { Name = text.Save, Exact = true }).ClickAsync();
        await Expect(alumnus).ToHaveURLAsync(new Regex(@"/members/\d+$"));
        await Expect(alumnus.GetByRole(AriaRole.Status)).ToHaveTextAsync(text.ProfileSaved);
        // Their own profile shows everything.
        await Expect(alumnus.GetByTestId("profile-organization")).ToContainTextAsync(who.Organization);
        await Expect(alumnus.GetByTestId("profile-location")).ToHaveTextAsync(who.Location);
        await Expect(alumnus.GetByTestId("profile-bio")).ToHaveTextAsync(who.Bio);
        await SnapAsync(alumnus, culture, "07-own-profile");
        var profileUrl = new Uri(alumnus.Url).AbsolutePath;
        // The choices were saved, not only shown.
        await alumnus.GotoAsync("/members/edit");
        await Expect(alumnus.Locator("#Input_Visibility_Location")).ToHaveValueAsync("Employees");
        await Expect(alumnus.Locator("#Input_Visibility_Bio")).ToHaveValueAsync("Admins");

        // 6. Another alumnus finds them in the directory by name...
        var peer = await OpenAsync(tenant, "peer");
        await SignInAsync(peer, text, viewer);
        await Expect(peer.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await peer.GetByRole(AriaRole.Link, new() { Name = text.NavDirectory, Exact = true }).ClickAsync();
        await Expect(peer.GetByRole(AriaRole.Heading, new() { Name = text.DirectoryTitle, Level = 1 })).ToBeVisibleAsync();
        // Everyone approved: the admin, the seeded members and the newcomer.
        var everyone = 1 + 2 + others + 1;
        await Expect(peer.GetByTestId("member-card")).ToHaveCountAsync(everyone);
        await Expect(peer.GetByTestId("result-count")).ToHaveTextAsync(text.ResultCount(everyone));
        await Expect(peer.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await SnapAsync(peer, culture, "08-directory");
        if (culture == "ja") await SaveDirectoryScreenshotAsync(peer);

        await peer.Locator("#q").FillAsync(who.SearchFor);
        await peer.GetByRole(AriaRole.Button, new() { Name = text.SearchButton, Exact = true }).ClickAsync();
        await Expect(peer.GetByTestId("result-count")).ToHaveTextAsync(text.ResultCount(1));
        var card = peer.GetByTestId("member-card");
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync(who.DisplayName);
        await Expect(card).ToContainTextAsync(who.Organization);
        await Expect(card).Not.ToContainTextAsync(who.Location);

        // ...opens the profile, and sees the organisation but neither the location nor the bio.
        await card.ClickAsync();
        await Expect(peer).ToHaveURLAsync(new Regex(Regex.Escape(profileUrl) + "$"));
        await Expect(peer.GetByTestId("profile-name")).ToContainTextAsync(who.DisplayName);
        await Expect(peer.GetByTestId("profile-organization")).ToContainTextAsync(who.Organization + " / " + who.Title);
        await Expect(peer.GetByTestId("profile-location")).ToHaveCountAsync(0);
        await Expect(peer.GetByTestId("profile-bio")).ToHaveCountAsync(0);
        await Expect(peer.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(who.Location);
        await Expect(peer.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(text.LocationLabel);
        await SnapAsync(peer, culture, "09-profile-as-alumnus");

        // A hidden field is not findable either: searching the location finds nobody.
        await peer.GotoAsync("/members?q=" + Uri.EscapeDataString(who.Location));
        await Expect(peer.GetByTestId("result-count")).ToHaveTextAsync(text.ResultCount(0));
        await Expect(peer.GetByRole(AriaRole.Main)).ToContainTextAsync(text.NoResults);
        await SnapAsync(peer, culture, "10-no-results");

        // 7. An employee sees the location (but not the secretariat's bio)...
        var colleague = await OpenAsync(tenant, "employee");
        await SignInAsync(colleague, text, employee);
        await colleague.GotoAsync(profileUrl);
        await Expect(colleague.GetByTestId("profile-location")).ToHaveTextAsync(who.Location);
        await Expect(colleague.GetByTestId("profile-organization")).ToContainTextAsync(who.Organization);
        await Expect(colleague.GetByTestId("profile-bio")).ToHaveCountAsync(0);
        await SnapAsync(colleague, culture, "11-profile-as-employee");

        // 8. ...and the secretariat sees all of it.
        await secretariat.GotoAsync(profileUrl);
        await Expect(secretariat.GetByTestId("profile-location")).ToHaveTextAsync(who.Location);
        await Expect(secretariat.GetByTestId("profile-bio")).ToHaveTextAsync(who.Bio);
    }

    /// <summary>
    /// The viewing alumnus, an employee, and a few alumni with organisations, skills and what they are open
    /// to, so that the directory looks like a real one (it is the README's screenshot).
    /// </summary>
    static async Task<(Person Viewer, Person Employee, int Others)> SeedMembersAsync(BrowserTenant tenant)
    {
        if (tenant.Culture == "ja")
        {
            var viewer = await tenant.MemberAsync(MemberKind.Alumni, "鈴木", "美穂", "すずき", "みほ", "経営企画部", m =>
            {
                m.Organization = "みどり総合研究所"; m.Title = "主任研究員";
                BrowserTenant.Tags(m, "データ分析", "統計", "エネルギー政策");
                m.OpenTo = OpenTo.Consultation | OpenTo.Speaking;
            });
            var employee = await tenant.MemberAsync(MemberKind.Employee, "高橋", "大輔", "たかはし", "だいすけ", "人事部", m =>
            {
                m.Organization = "三ツ星商事"; m.Title = "アルムナイ担当";
                BrowserTenant.Tags(m, "採用", "組織開発");
                m.OpenTo = OpenTo.Collaboration;
            });
            await tenant.MemberAsync(MemberKind.Alumni, "伊藤", "麻衣", "いとう", "まい", "情報システム部", m =>
            {
                m.Organization = "フリーランス"; m.Title = "UXデザイナー";
                BrowserTenant.Tags(m, "UXデザイン", "新規事業");
                m.OpenTo = OpenTo.Consultation | OpenTo.Mentoring;
            });
            await tenant.MemberAsync(MemberKind.Alumni, "渡辺", "翔", "わたなべ", "しょう", "海外営業部", m =>
            {
                m.Organization = "Globex Japan 合同会社"; m.Title = "カントリーマネージャー"; m.RomanizedName = "Sho Watanabe";
                BrowserTenant.Tags(m, "海外営業", "英語", "東南アジア");
                m.OpenTo = OpenTo.Collaboration | OpenTo.Rehire;
            });
            return (viewer, employee, 2);
        }
        else
        {
            var viewer = await tenant.MemberAsync(MemberKind.Alumni, "中村", "健", "なかむら", "けん", "Corporate Planning", m =>
            {
                m.Organization = "Blue Harbor Capital"; m.Title = "Partner";
                BrowserTenant.Tags(m, "M&A", "Finance");
            });
            var employee = await tenant.MemberAsync(MemberKind.Employee, "小林", "直子", "こばやし", "なおこ", "Human Resources", m =>
            {
                m.Organization = "Mitsuboshi Corporation"; m.Title = "Alumni Relations";
            });
            return (viewer, employee, 0);
        }
    }

    /// <summary>
    /// The directory as a Japanese member sees it, 1280×900: kept in the output folder's screenshots/, and
    /// written to docs/screenshot-directory.png (the README's picture) when OPENALUMNI_UPDATE_SCREENSHOTS=1.
    /// </summary>
    static async Task SaveDirectoryScreenshotAsync(IPage page)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var file = Path.Combine(ScreenshotDirectory, "directory.png");
        await page.ScreenshotAsync(new() { Path = file });
        if (Environment.GetEnvironmentVariable("OPENALUMNI_UPDATE_SCREENSHOTS") == "1")
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "OpenAlumni.slnx"))) root = root.Parent;
            if (root is null) throw new InvalidOperationException("The repository (OpenAlumni.slnx) is not above the test's output folder.");
            Directory.CreateDirectory(Path.Combine(root.FullName, "docs"));
            File.Copy(file, Path.Combine(root.FullName, "docs", "screenshot-directory.png"), overwrite: true);
        }
    }
}
