using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Members;

/// <summary>Issue 12, point 1: the English UI shows the romanised name with the original; the network has an English name.</summary>
public abstract class RomanisedNameTests(AlumniApp app) : AppTest(app)
{
    static string Heading(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Match(html, "<h1[^>]*data-testid=\"profile-name\"[^>]*>(.*?)</h1>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", ""));

    async Task<(TestTenant Tenant, TestMember Viewer, TestMember Taro)> ArrangeAsync()
    {
        var tenant = await App.CreateTenantAsync();
        var viewer = await tenant.MemberAsync(family: "鈴木", given: "花子");
        var taro = await tenant.MemberAsync(family: "山田", given: "太郎", edit: m => m.RomanizedName = "Taro Yamada");
        return (tenant, viewer, taro);
    }

    [Fact]
    public async Task AnEnglishReader_SeesTheRomanisedName_WithTheOriginalBeside_OnProfileDirectoryAndApi()
    {
        var (tenant, viewer, taro) = await ArrangeAsync();
        // The signed-in member's saved language would win over the browser's; the address says it here.
        const string culture = "en";
        var page = tenant.Client(culture);
        await Forms.SignInAsync(page, viewer.Email, viewer.Password);

        var profile = await page.GetStringAsync($"/members/{taro.Id}?culture=" + culture, Ct);
        var directory = await page.GetStringAsync("/members?culture=" + culture, Ct);
        var api = await tenant.ApiAsync(viewer, "en");
        var card = (await JsonAsync(await api.GetAsync("/api/v1/members", Ct))).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("id").GetInt64() == taro.Id);

        Assert.Equal("Taro Yamada (山田 太郎) Alumni", Regex.Replace(Heading(profile), @"\s+", " ").Trim());
        Assert.Contains("<title>Taro Yamada", profile);
        Assert.Matches(@"class=""name"">Taro Yamada</span>\s*<span class=""name-original""[^>]*>山田 太郎</span>", directory);
        Assert.Equal("Taro Yamada", card.GetProperty("displayName").GetString());
        Assert.Equal("Taro Yamada", card.GetProperty("romanizedName").GetString());
        Assert.Equal("山田 太郎", card.GetProperty("originalName").GetString());
    }

    [Fact]
    public async Task AJapaneseReader_SeesTheNameAsWritten()
    {
        var (tenant, viewer, taro) = await ArrangeAsync();
        const string culture = "ja";
        var page = tenant.Client(culture);
        await Forms.SignInAsync(page, viewer.Email, viewer.Password);

        var profile = await page.GetStringAsync($"/members/{taro.Id}?culture=" + culture, Ct);
        var directory = await page.GetStringAsync("/members?culture=" + culture, Ct);

        Assert.StartsWith("山田 太郎", Heading(profile).Trim());
        Assert.DoesNotContain("Taro Yamada", Heading(profile));
        Assert.Contains(@"class=""name"">山田 太郎</span>", directory);
        Assert.DoesNotContain("card-original-name", directory);
    }

    [Fact]
    public async Task AMemberWithoutARomanisedName_KeepsTheirNameInEnglish()
    {
        var (tenant, viewer, _) = await ArrangeAsync();
        // The signed-in member's saved language would win over the browser's; the address says it here.
        const string culture = "en";
        var page = tenant.Client(culture);
        await Forms.SignInAsync(page, viewer.Email, viewer.Password);

        var profile = await page.GetStringAsync($"/members/{viewer.Id}?culture=" + culture, Ct);

        Assert.StartsWith("鈴木 花子", Heading(profile).Trim());
        Assert.DoesNotContain("(鈴木 花子)", Heading(profile));
    }

    [Fact]
    public async Task TheNetworksEnglishName_IsTheEnglishTitle_AndTheNameInEnglishMail_TheJapaneseOneStaysInJapanese()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var api = await tenant.ApiAsync(admin);
        var saved = await api.PutAsJsonAsync("/api/v1/admin/settings", new { nameEn = "Acme Alumni" }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);
        var en = tenant.Client("en");
        var ja = tenant.Client("ja");

        await api.PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/approve", new { }, Ct);
        var englishLogin = await en.GetStringAsync("/accounts/login", Ct);
        var japaneseLogin = await ja.GetStringAsync("/accounts/login", Ct);
        var settings = await JsonAsync(await api.GetAsync("/api/v1/admin/settings", Ct));

        Assert.Equal("Acme Alumni", settings.GetProperty("nameEn").GetString());
        Assert.Matches(@"<title>[^<]*· Acme Alumni</title>", englishLogin);
        Assert.Contains("brand-name\">Acme Alumni<", englishLogin);
        Assert.DoesNotContain("Acme Alumni", japaneseLogin);
        Assert.Contains($"<title>", japaneseLogin);
        Assert.Contains(tenant.Info.Name, japaneseLogin);
        var mail = Mailbox.Last(App, pending.Email);
        Assert.Equal("[Acme Alumni] Welcome: your registration is approved", mail.Subject);
    }

    [Fact]
    public async Task AnEmptyEnglishName_FallsBackToTheName()
    {
        var tenant = await App.CreateTenantAsync();
        var api = await tenant.ApiAsync(await tenant.AdminAsync());
        await api.PutAsJsonAsync("/api/v1/admin/settings", new { nameEn = "Acme Alumni" }, Ct);

        await api.PutAsJsonAsync("/api/v1/admin/settings", new { nameEn = "" }, Ct);
        var login = await tenant.Client("en").GetStringAsync("/accounts/login", Ct);

        Assert.DoesNotContain("Acme Alumni", login);
        Assert.Contains(WebUtility.HtmlEncode(tenant.Info.Name), login);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RomanisedNameTestsOnSqlite(SqliteApp app) : RomanisedNameTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RomanisedNameTestsOnPostgres(PostgresApp app) : RomanisedNameTests(app);
