using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Members;

/// <summary>Deep directory pages by cursor: every member once, in reading order, whatever the page.</summary>
public abstract partial class DirectoryPagingTests(AlumniApp app) : AppTest(app)
{
    static readonly string[] Kana = ["あおき", "いとう", "うえだ", "えんどう", "おおた", "かとう", "きむら", "くどう", "けんもち", "こばやし",
        "さとう", "しみず", "すずき", "せきね", "そのだ", "たなか", "ちば"];

    [Fact]
    public async Task FollowingNextCursor_VisitsEveryMemberOnce_InTheOrderOfPageNumbers()
    {
        var tenant = await App.CreateTenantAsync();
        foreach (var kana in Kana) await tenant.MemberAsync(family: kana, edit: m => m.FamilyNameKana = kana);
        // Two members with the same name share a sort key: the id breaks the tie, so neither is lost between pages.
        await tenant.MemberAsync(family: "同名", edit: m => m.FamilyNameKana = "どうめい");
        await tenant.MemberAsync(family: "同名", edit: m => m.FamilyNameKana = "どうめい");
        var viewer = await tenant.ApiAsync(await tenant.MemberAsync(family: "森", edit: m => m.FamilyNameKana = "もり"));

        var byNumber = new List<long>();
        for (var page = 1; page <= 5; page++)
            byNumber.AddRange(Ids(await JsonAsync(await viewer.GetAsync($"/api/v1/members?pageSize=4&page={page}", Ct))));
        var byCursor = new List<long>();
        var pages = new List<int>();
        string? cursor = null;
        do
        {
            var body = await JsonAsync(await viewer.GetAsync("/api/v1/members?pageSize=4" + (cursor is null ? "" : "&cursor=" + cursor), Ct));
            byCursor.AddRange(Ids(body));
            pages.Add(body.GetProperty("page").GetInt32());
            Assert.Equal(20, body.GetProperty("total").GetInt32());
            Assert.False(body.GetProperty("totalIsLowerBound").GetBoolean());
            cursor = body.GetProperty("nextCursor").GetString();
        } while (cursor is not null && pages.Count < 10);

        Assert.Equal(20, byNumber.Count);
        Assert.Equal(byNumber, byCursor);
        Assert.Equal(20, byCursor.Distinct().Count());
        Assert.Equal([1, 2, 3, 4, 5], pages);
    }

    [Fact]
    public async Task TheCursor_KeepsTheFilters_AndAMemberWhoJoinsBehindIt_DoesNotShiftTheNextPage()
    {
        var tenant = await App.CreateTenantAsync();
        foreach (var kana in Kana[..6]) await tenant.MemberAsync(MemberKind.Employee, family: kana, edit: m => m.FamilyNameKana = kana);
        await tenant.MemberAsync(family: "卒業", edit: m => m.FamilyNameKana = "あ");
        var viewer = await tenant.ApiAsync(await tenant.MemberAsync(MemberKind.Employee, family: "森", edit: m => m.FamilyNameKana = "もり"));

        var first = await JsonAsync(await viewer.GetAsync("/api/v1/members?kind=Employee&pageSize=3", Ct));
        // Someone who sorts first joins after page 1 was read: with OFFSET page 2 would repeat a card.
        await tenant.MemberAsync(MemberKind.Employee, family: "新人", edit: m => m.FamilyNameKana = "ああ");
        var second = await JsonAsync(await viewer.GetAsync("/api/v1/members?kind=Employee&pageSize=3&cursor=" + first.GetProperty("nextCursor").GetString(), Ct));

        Assert.Equal(["あおき", "いとう", "うえだ"], Names(first));
        Assert.Equal(["えんどう", "おおた", "かとう"], Names(second));
        Assert.Equal(2, second.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("MTAK")] // "10\n" without a sort key
    [InlineData("AA")]
    public async Task AMadeUpCursor_Is400_InTheCallersLanguage(string cursor)
    {
        var tenant = await App.CreateTenantAsync();
        var viewer = await tenant.ApiAsync(await tenant.MemberAsync(), "ja");

        var errors = await AssertValidationProblemAsync(await viewer.GetAsync("/api/v1/members?cursor=" + cursor, Ct), "cursor");

        Assert.Contains("このページへのリンクは無効です", errors["cursor"][0]);
    }

    [Fact]
    public async Task TheSkillFilter_MatchesSkills_NotInterests()
    {
        var tenant = await App.CreateTenantAsync();
        var skilled = await tenant.MemberAsync(family: "技能", edit: m => m.Tags.Add(new ProfileTag { Kind = TagKind.Skill, Name = "物流", Key = "物流" }));
        await tenant.MemberAsync(family: "関心", edit: m => m.Tags.Add(new ProfileTag { Kind = TagKind.Interest, Name = "物流", Key = "物流" }));
        var viewer = await tenant.ApiAsync(await tenant.MemberAsync(family: "森"));

        var body = await JsonAsync(await viewer.GetAsync("/api/v1/members?skill=" + Uri.EscapeDataString("物流"), Ct));

        Assert.Equal([skilled.Id], Ids(body));
        Assert.Equal(["物流"], body.GetProperty("items")[0].GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task ThePage_NextLinkFollowsTheCursor_AndShowsThePageNumber()
    {
        var tenant = await App.CreateTenantAsync();
        foreach (var kana in Kana.Concat(Kana.Select(k => k + "こ")).Concat(Kana.Select(k => k + "の"))) await tenant.MemberAsync(family: kana, edit: m => m.FamilyNameKana = kana);
        var me = await tenant.MemberAsync(family: "森", edit: m => m.FamilyNameKana = "もり");
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, me.Email, me.Password);

        var page1 = await browser.GetStringAsync("/members", Ct);
        var next = NextLink().Match(page1);
        Assert.True(next.Success, "no next link on page 1");
        var href = "/members" + WebUtility.HtmlDecode(next.Groups[1].Value); // "?q=…&cursor=…", relative to the page
        var page2 = await browser.GetStringAsync(href, Ct);
        var page3 = NextLink().Match(page2);

        Assert.Contains("cursor=", href);
        Assert.Contains("52", Regex.Match(page1, "data-testid=\"result-count\">([^<]*)<").Groups[1].Value);
        Assert.Contains("2 / 3", page2);
        Assert.Contains("rel=\"prev\"", page2);
        Assert.True(page3.Success);
        Assert.Contains("3 / 3", await browser.GetStringAsync("/members" + WebUtility.HtmlDecode(page3.Groups[1].Value), Ct));
    }

    [Fact]
    public async Task TheSearchIndex_FollowsEveryRename_AndAMemberWhoLeaves()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync(family: "山田", given: "花子");
        var leaver = await tenant.MemberAsync(family: "去川", given: "一郎");
        var api = await tenant.ApiAsync(me);
        var viewer = await tenant.ApiAsync(await tenant.MemberAsync(family: "森", given: "誠"));

        foreach (var family in new[] { "吉川", "竹内", "吉田" })
            Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync("/api/v1/members/me", new { familyName = family }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await tenant.ApiAsync(leaver)).DeleteAsync("/api/v1/me?posts=delete", Ct)).StatusCode);

        async Task<List<long>> Find(string q) => Ids(await JsonAsync(await viewer.GetAsync("/api/v1/members?q=" + Uri.EscapeDataString(q), Ct)));
        Assert.Equal([me.Id], await Find("吉田"));
        Assert.Equal([me.Id], await Find("吉田 花子"));
        Assert.Empty(await Find("山田"));
        Assert.Empty(await Find("竹内"));
        Assert.Empty(await Find("去川"));
        Assert.Equal([me.Id], await Find("吉"));
    }

    static List<long> Ids(JsonElement body) => body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    static List<string?> Names(JsonElement body) =>
        body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("familyNameKana").GetString()).ToList();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextLink();
}

[Collection(SqliteCollection.Name)]
public sealed class DirectoryPagingTestsOnSqlite(SqliteApp app) : DirectoryPagingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DirectoryPagingTestsOnPostgres(PostgresApp app) : DirectoryPagingTests(app);
