using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// What the network exists for, in Japanese: an employee finds an alumnus open to consultation in the
/// directory and asks for advice; the alumnus accepts and a conversation opens; they exchange messages that
/// arrive without reloading; the secretariat records the collaboration that grew out of the consultation
/// and moves it to PoC.
/// </summary>
public sealed class ConnectionsJourneyTests(BrowserApp app) : BrowserTest(app)
{
    const string Culture = "ja";

    [Fact]
    public async Task Employee_ConsultsAnAlumnus_TheyTalk_AndTheSecretariatRecordsTheCollaboration()
    {
        var text = UiText.Japanese;
        var tenant = await App.CreateTenantAsync("三ツ星商事 アルムナイネットワーク", Culture);
        var secretariat = await tenant.AdminAsync();
        var founder = await tenant.MemberAsync(MemberKind.Alumni, "中村", "彩", "なかむら", "あや", "機械・インフラ本部", m =>
        {
            m.Organization = "ミライ物流株式会社";
            m.Title = "代表取締役";
            m.OpenTo = OpenTo.Consultation | OpenTo.Collaboration;
        });
        await tenant.MemberAsync(MemberKind.Alumni, "中野", "学", "なかの", "まなぶ", "財務部");
        var employee = await tenant.MemberAsync(MemberKind.Employee, "高橋", "大輔", "たかはし", "だいすけ", "DX推進室");
        const string topic = "共同配送の新規事業について";

        // 1. The employee looks for alumni open to consultation and opens the founder's profile.
        var asker = await OpenAsync(tenant, "employee");
        await SignInAsync(asker, text, employee);
        await asker.GetByRole(AriaRole.Link, new() { Name = text.NavDirectory, Exact = true }).ClickAsync();
        await asker.Locator("#openTo").SelectOptionAsync("Consultation");
        await asker.GetByRole(AriaRole.Button, new() { Name = text.SearchButton, Exact = true }).ClickAsync();
        await Expect(asker.GetByText(founder.DisplayName)).ToBeVisibleAsync();
        await Expect(asker.GetByText("中野 学")).ToHaveCountAsync(0);
        await asker.GetByText(founder.DisplayName).First.ClickAsync();
        await Expect(asker.GetByTestId("profile-name")).ToContainTextAsync(founder.DisplayName);

        // 2. ...and asks for advice: topic, what they hope to learn, format and times.
        await asker.GetByTestId("request-consultation").ClickAsync();
        await Expect(asker.GetByRole(AriaRole.Heading, new() { Name = "中村 彩 さんに相談する", Level = 1 })).ToBeVisibleAsync();
        await asker.Locator("#Input_Topic").FillAsync(topic);
        await asker.Locator("#Input_Goal").FillAsync("倉庫の共同利用をスタートアップと組んで始める際の進め方を伺いたいです。");
        await asker.Locator("input[name='Input.Format'][value='coffee']").CheckAsync();
        await asker.Locator("#Input_PreferredTimes").FillAsync("来週の平日 18時以降");
        await asker.GetByTestId("send-request").ClickAsync();
        await Expect(asker).ToHaveURLAsync(new Regex(@"/consultations\?box=sent"));
        await Expect(asker.GetByTestId("consultation").First).ToContainTextAsync(topic);
        await Expect(asker.GetByTestId("consultation-status").First).ToHaveTextAsync("返答待ち");
        await SnapAsync(asker, Culture, "connections-01-request-sent");

        // 3. The founder finds the request under Consultations and accepts: a conversation opens, seeded with it.
        var alumna = await OpenAsync(tenant, "founder");
        await SignInAsync(alumna, text, founder);
        await alumna.GetByRole(AriaRole.Link, new() { Name = "相談", Exact = true }).ClickAsync();
        await Expect(alumna.GetByTestId("consultation").First).ToContainTextAsync(topic);
        await alumna.GetByTestId("accept").First.ClickAsync();
        await Expect(alumna).ToHaveURLAsync(new Regex(@"/messages/\d+$"));
        var conversation = new Uri(alumna.Url).AbsolutePath;
        await Expect(alumna.Locator("[data-messages]")).ToContainTextAsync(topic);

        // 4. They talk; each message appears on the other's open page without a reload: live, over the hub's WebSocket
        // (opened without a negotiation, so that a round-robin balancer needs no sticky sessions), not by polling.
        var sockets = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var negotiations = new System.Collections.Concurrent.ConcurrentQueue<string>();
        asker.WebSocket += (_, ws) => sockets.Enqueue(new Uri(ws.Url).AbsolutePath);
        asker.Request += (_, r) => { if (r.Url.Contains("/negotiate")) negotiations.Enqueue(r.Url); };
        await asker.GotoAsync(conversation);
        await Expect(asker.Locator("[data-messages]")).ToContainTextAsync(topic);
        for (var i = 0; i < 50 && !sockets.Contains("/hubs/messages"); i++) await Task.Delay(100);
        Assert.Contains("/hubs/messages", sockets);
        Assert.Empty(negotiations);
        await alumna.GetByTestId("message-body").FillAsync("ご相談ありがとうございます。来週火曜の19時はいかがでしょう？");
        await alumna.GetByTestId("send-message").ClickAsync();
        await Expect(asker.Locator("[data-messages]")).ToContainTextAsync("来週火曜の19時はいかがでしょう");
        await asker.GetByTestId("message-body").FillAsync("ぜひお願いします。社内の物流部門の者も同席させてください。");
        await asker.GetByTestId("send-message").ClickAsync();
        await Expect(alumna.Locator("[data-messages]")).ToContainTextAsync("物流部門の者も同席");
        await SnapAsync(alumna, Culture, "connections-02-conversation");

        // 5. The secretariat records the collaboration that started from this consultation...
        var desk = await OpenAsync(tenant, "secretariat");
        await SignInAsync(desk, text, secretariat);
        // At 1280 px the secretariat's longer top bar folds its less used entries into "その他".
        await desk.GetByText("その他", new() { Exact = true }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "協業", Exact = true }).ClickAsync();
        await desk.GetByTestId("new-collaboration").ClickAsync();
        await desk.Locator("#Input_Title").FillAsync("ミライ物流との共同配送PoC");
        await desk.Locator("#Input_Description").FillAsync("アルムナイ起業のミライ物流と、首都圏の共同配送を検証する。");
        await desk.Locator("#Input_Stage").SelectOptionAsync("talking");
        await desk.Locator("#Input_MemberIds").SelectOptionAsync([founder.Id.ToString(), employee.Id.ToString()]);
        await desk.Locator("#Input_Departments").FillAsync("機械・インフラ本部\nDX推進室");
        await desk.Locator("#Input_OriginType").SelectOptionAsync("consultation");
        await desk.GetByRole(AriaRole.Button, new() { Name = "保存する", Exact = true }).ClickAsync();
        await Expect(desk).ToHaveURLAsync(new Regex(@"/collaborations/\d+$"));
        await Expect(desk.GetByTestId("stage")).ToHaveTextAsync("協議中");
        await Expect(desk.Locator("dd", new() { HasText = "相談" }).First).ToBeVisibleAsync();

        // 6. ...and moves it to PoC; the history keeps both steps.
        await desk.Locator("#Stage").SelectOptionAsync("poc");
        await desk.GetByRole(AriaRole.Button, new() { Name = "ステージを保存", Exact = true }).ClickAsync();
        await Expect(desk.GetByTestId("stage")).ToHaveTextAsync("PoC（実証）");
        await Expect(desk.GetByTestId("history").Locator("li")).ToHaveCountAsync(2);
        await SnapAsync(desk, Culture, "connections-03-collaboration-poc");

        // The founder, involved, sees it among the network's collaborations.
        await alumna.GotoAsync("/collaborations");
        await Expect(alumna.GetByText("ミライ物流との共同配送PoC")).ToBeVisibleAsync();
    }
}
