using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Audit;

/// <summary>Issue 12, point 6: the log reads as sentences in the reader's language, with names resolved when read.</summary>
public abstract class AuditSentenceTests(AlumniApp app) : AppTest(app)
{
    static List<string> Sentences(string html) =>
        Regex.Matches(html, "data-testid=\"audit-sentence\">(.*?)</p>", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    async Task<(TestTenant Tenant, TestMember Admin, TestMember Hanako, HttpClient Api)> SuspendHanakoAsync()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var hanako = await tenant.MemberAsync(family: "鈴木", given: "花子", edit: m => m.RomanizedName = "Hanako Suzuki");
        var api = await tenant.ApiAsync(admin);
        var suspended = await api.PostAsJsonAsync($"/api/v1/admin/members/{hanako.Id}/suspend", new { reason = "規約違反" }, Ct);
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        return (tenant, admin, hanako, api);
    }

    /// <summary>The address in a language: a signed-in member's saved language would otherwise win over the browser's.</summary>
    static string In(string path, string culture) => path + (path.Contains('?') ? "&" : "?") + "culture=" + culture;

    async Task<HttpClient> PageAsync(TestTenant tenant, TestMember who, string culture)
    {
        var page = tenant.Client(culture);
        await Forms.SignInAsync(page, who.Email, who.Password);
        return page;
    }

    [Fact]
    public async Task ASuspension_ReadsAsAJapaneseSentenceWithBothNames_WithoutJsonOrCodes()
    {
        var (tenant, admin, _, _) = await SuspendHanakoAsync();

        var html = await (await PageAsync(tenant, admin, "ja")).GetStringAsync(In("/admin/audit", "ja"), Ct);

        Assert.Equal(["事務局 太郎さんが 鈴木 花子さんを利用停止にしました。"], Sentences(html));
        var table = html[html.IndexOf("data-testid=\"audit-table\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("{&quot;", table);
        Assert.DoesNotContain("{\"status", table);
        Assert.DoesNotContain(">member.suspend<", table);
        Assert.Contains("<option value=\"member.suspend\" selected=\"selected\">", await (await PageAsync(tenant, admin, "ja")).GetStringAsync(In("/admin/audit?action=member.suspend", "ja"), Ct));
    }

    [Fact]
    public async Task ASuspension_ReadsAsAnEnglishSentence_WithTheRomanisedName()
    {
        var (tenant, admin, _, api) = await SuspendHanakoAsync();

        var html = await (await PageAsync(tenant, admin, "en")).GetStringAsync(In("/admin/audit", "en"), Ct);
        var entry = (await JsonAsync(await api.GetAsync("/api/v1/admin/audit", Ct))).GetProperty("items")[0];

        Assert.Equal(["事務局 太郎 suspended Hanako Suzuki."], Sentences(html));
        Assert.Equal("事務局 太郎 suspended Hanako Suzuki.", entry.GetProperty("sentence").GetString());
        Assert.Equal("member.suspend", entry.GetProperty("action").GetString());
        Assert.Contains("suspended", entry.GetProperty("after").GetString());
    }

    [Fact]
    public async Task FilteringByActionAndByActor_NarrowsTheList()
    {
        var (tenant, admin, hanako, api) = await SuspendHanakoAsync();
        var second = await tenant.AdminAsync();
        var secondApi = await tenant.ApiAsync(second);
        await secondApi.PostAsJsonAsync($"/api/v1/admin/members/{hanako.Id}/reinstate", new { }, Ct);
        var page = await PageAsync(tenant, admin, "en");

        var all = Sentences(await page.GetStringAsync(In("/admin/audit", "en"), Ct));
        var suspensions = Sentences(await page.GetStringAsync(In("/admin/audit?action=member.suspend", "en"), Ct));
        var bySecond = Sentences(await page.GetStringAsync(In($"/admin/audit?actor={second.Id}", "en"), Ct));
        var actorList = await page.GetStringAsync(In("/admin/audit", "en"), Ct);

        Assert.Equal(2, all.Count);
        Assert.Equal(["事務局 太郎 suspended Hanako Suzuki."], suspensions);
        Assert.Equal(["事務局 太郎 reinstated Hanako Suzuki."], bySecond);
        Assert.Contains($"<option value=\"{second.Id}\">", actorList);
        Assert.Contains($"<option value=\"{admin.Id}\">", actorList);
        Assert.DoesNotContain($"<option value=\"{hanako.Id}\">", actorList);
    }

    [Fact]
    public async Task ARenamedMember_ShowsUnderTheNewName_AndAMissingOneByIdAsDeleted()
    {
        var (tenant, admin, hanako, _) = await SuspendHanakoAsync();
        await tenant.DbAsync(db => db.Members.Where(m => m.Id == hanako.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.FamilyName, "佐藤").SetProperty(m => m.RomanizedName, (string?)null), Ct));
        var page = await PageAsync(tenant, admin, "ja");

        var renamed = Sentences(await page.GetStringAsync(In("/admin/audit", "ja"), Ct));
        var unknown = await tenant.DbAsync(async db =>
        {
            db.Add(new OpenAlumni.Web.Features.Audit.AuditEntry { At = DateTimeOffset.UtcNow, ActorMemberId = 987654321, Action = "member.suspend", TargetType = "member", TargetId = "987654322" });
            await db.SaveChangesAsync(Ct);
            return Sentences(await page.GetStringAsync(In("/admin/audit", "ja"), Ct));
        });

        Assert.Equal(["事務局 太郎さんが 佐藤 花子さんを利用停止にしました。"], renamed);
        Assert.Equal("#987654321（削除済み）さんが #987654322（削除済み）さんを利用停止にしました。", unknown[0]);
    }

    [Fact]
    public async Task AMember_GetsNoAuditPageOrActors()
    {
        var (tenant, _, _, _) = await SuspendHanakoAsync();
        var member = await tenant.MemberAsync();
        var page = await PageAsync(tenant, member, "en");

        var response = await page.GetAsync("/admin/audit", Ct);

        // Pages answer a refused admin page with a redirect to "access denied"; never the log itself.
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Found && response.Headers.Location?.ToString().Contains("denied", StringComparison.OrdinalIgnoreCase) == true),
            $"{response.StatusCode} {response.Headers.Location}");
        Assert.DoesNotContain("audit-sentence", await response.Content.ReadAsStringAsync(Ct));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditSentenceTestsOnSqlite(SqliteApp app) : AuditSentenceTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditSentenceTestsOnPostgres(PostgresApp app) : AuditSentenceTests(app);
