using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// The secretariat's desk and a member's privacy rights, in Japanese: the admin imports the roster of former
/// employees (a bad row is refused, fixed and uploaded again), invites one of them; she registers from the
/// mailed link and is approved at once; the dashboard counts her; she downloads her data and deletes her
/// account; the audit log shows each step, and nothing of her remains in any table.
/// </summary>
public sealed class SecretariatJourneyTests(BrowserApp app) : BrowserTest(app)
{
    const string Culture = "ja";

    static string Roster(string badEmail) => string.Join("\r\n",
        "family_name,given_name,family_name_kana,given_name_kana,email,department,joined_year,left_year,employee_number",
        "小林,美咲,こばやし,みさき,{0},化学品本部,2008,2019,E10234",
        $"井上,拓也,いのうえ,たくや,{badEmail},金属資源本部,2005,2015,E09876",
        "森,大樹,もり,だいき,mori.daiki@example.net,生活産業本部,2010,2022,") + "\r\n";

    [Fact]
    public async Task Roster_Invitation_Registration_Dashboard_Export_DeleteMe_AuditLog()
    {
        var text = UiText.Japanese;
        var tenant = await App.CreateTenantAsync("三ツ星商事 アルムナイネットワーク", Culture);
        var admin = await tenant.AdminAsync();
        var email = $"misaki.kobayashi.{Guid.NewGuid():N}@example.com";

        // 1. The secretariat uploads the roster; row 3 has a broken address and nothing is imported.
        var desk = await OpenAsync(tenant, "secretariat");
        await SignInAsync(desk, text, admin);
        await desk.GetByTestId("nav-admin").ClickAsync();
        await desk.GetByTestId("admin-nav").GetByRole(AriaRole.Link, new() { Name = "名簿", Exact = true }).ClickAsync();
        await desk.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "roster.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Format(Roster("inoue.takuya@@example"), email)),
        });
        await desk.GetByRole(AriaRole.Button, new() { Name = "内容を確認", Exact = true }).ClickAsync();
        await Expect(desk.GetByTestId("import-errors")).ToContainTextAsync("3 行目");
        await Expect(desk.GetByTestId("import-preview")).ToHaveCountAsync(0);
        await SnapAsync(desk, Culture, "desk-01-roster-errors");

        // 2. Fixed and uploaded again (as Excel in Japan saves it: Shift_JIS): the preview, then the import.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await desk.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "roster.csv", MimeType = "text/csv",
            Buffer = Encoding.GetEncoding("shift_jis").GetBytes(string.Format(Roster("inoue.takuya@example.com"), email)),
        });
        await desk.GetByRole(AriaRole.Button, new() { Name = "内容を確認", Exact = true }).ClickAsync();
        await Expect(desk.GetByTestId("import-preview")).ToContainTextAsync("小林");
        await Expect(desk.GetByTestId("import-preview")).ToContainTextAsync("化学品本部");
        await desk.GetByRole(AriaRole.Button, new() { Name = "3 行を取り込む", Exact = true }).ClickAsync();
        await Expect(desk.GetByTestId("roster")).ToContainTextAsync("小林 美咲");
        await Expect(desk.GetByTestId("roster")).ToContainTextAsync("井上 拓也");

        // 3. She is invited; the mail brings a link in her language.
        await desk.GetByRole(AriaRole.Checkbox, new() { Name = "小林 美咲" }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "選択した人を招待", Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("1 件の招待を送信しました");
        var invitation = await Mailbox.WaitForAsync(App, email, m => m.TextBody?.Contains("/join/") == true);
        var link = new Uri(Mailbox.Link(invitation, "/join/")).PathAndQuery;

        // 4. She registers from the link: the form knows her; she is approved without waiting and signs in.
        var misaki = await OpenAsync(tenant, "invitee");
        await misaki.GotoAsync(link);
        await Expect(misaki.GetByTestId("invitation-note")).ToBeVisibleAsync();
        await Expect(misaki.Locator("#Input_Email")).ToHaveValueAsync(email);
        await Expect(misaki.Locator("#Input_FamilyName")).ToHaveValueAsync("小林");
        await misaki.Locator("#Input_Password").FillAsync("blue-lantern-harbor-58");
        await misaki.GetByRole(AriaRole.Button, new() { Name = "登録する", Exact = true }).ClickAsync();
        await Expect(misaki).ToHaveURLAsync(new Regex("/accounts/login"));
        await misaki.Locator("#Input_Email").FillAsync(email);
        await misaki.Locator("#Input_Password").FillAsync("blue-lantern-harbor-58");
        await misaki.GetByRole(AriaRole.Button, new() { Name = text.LoginButton, Exact = true }).ClickAsync();
        await Expect(misaki.GetByRole(AriaRole.Link, new() { Name = text.NavDirectory, Exact = true })).ToBeVisibleAsync();

        // 5. The dashboard counts her: the secretariat and her.
        await desk.GotoAsync("/admin/analytics");
        await Expect(desk.GetByTestId("headline-members")).ToHaveTextAsync("2");
        await SnapAsync(desk, Culture, "desk-02-dashboard");

        // 6. She downloads everything the network holds on her...
        await misaki.GotoAsync("/privacy/me");
        var download = await misaki.RunAndWaitForDownloadAsync(() => misaki.GetByTestId("export").ClickAsync());
        var exported = await ReadDownloadAsync(download);
        Assert.Contains(email, exported);
        Assert.Contains("化学品本部", exported);

        // 7. ...and deletes her account.
        misaki.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await misaki.GetByTestId("delete-confirm").CheckAsync();
        await misaki.GetByTestId("delete-me").ClickAsync();
        await Expect(misaki).ToHaveURLAsync(new Regex(@"/$"));
        await misaki.GotoAsync("/accounts/login");
        await misaki.Locator("#Input_Email").FillAsync(email);
        await misaki.Locator("#Input_Password").FillAsync("blue-lantern-harbor-58");
        await misaki.GetByRole(AriaRole.Button, new() { Name = text.LoginButton, Exact = true }).ClickAsync();
        await Expect(misaki).ToHaveURLAsync(new Regex("/accounts/login"));

        // 8. The audit log shows each step, none of them with her address.
        await desk.GotoAsync("/admin/audit");
        var entries = desk.GetByTestId("audit-entry");
        foreach (var action in new[] { "roster.import", "invitation.create", "member.export_self", "member.delete_self" })
            await Expect(desk.Locator($"[data-testid=audit-entry][data-action='{action}']")).ToHaveCountAsync(1);
        await Expect(desk.GetByTestId("audit-table")).Not.ToContainTextAsync(email);
        await SnapAsync(desk, Culture, "desk-03-audit-log");

        // 9. Nothing of her remains: not one table, not one text column holds her address.
        var hits = await App.InTenantAsync(tenant.Info, sp => PrivacyData.TablesContainingAsync(sp.GetRequiredService<AlumniDb>(), email));
        Assert.True(hits.Count == 0, "Still holding her address: " + string.Join(", ", hits));
    }

    /// <summary>The export as text: JSON, or every entry of a zip.</summary>
    static async Task<string> ReadDownloadAsync(IDownload download)
    {
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        if (bytes is not [0x50, 0x4B, ..]) return Encoding.UTF8.GetString(bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".json")))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }
}
