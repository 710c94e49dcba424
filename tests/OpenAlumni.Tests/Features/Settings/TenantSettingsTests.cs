using System.Net;
using System.Net.Http.Json;
using OpenAlumni.Tests.Infrastructure;
using static OpenAlumni.Tests.Infrastructure.DeskTestData;

namespace OpenAlumni.Tests.Features.Settings;

public abstract class TenantSettingsTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Update_ChangesTheNetwork_AndIsAuditedWithBeforeAndAfter()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        var response = await admin.PutAsJsonAsync("/api/v1/admin/settings", new
        {
            name = "新しいネットワーク", employeeDomains = new[] { "Example.co.jp", "group.example.com" }, timeZone = "Europe/London",
            defaultLanguage = "en", departments = new[] { "営業部", "経理部", "営業部" }, registrationYearFrom = 1980,
        }, Ct);
        var settings = await JsonAsync(await admin.GetAsync("/api/v1/admin/settings", Ct));
        var register = await (await tenant.Client().GetAsync("/accounts/register", Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("新しいネットワーク", settings.GetProperty("name").GetString());
        Assert.Equal(["example.co.jp", "group.example.com"], settings.GetProperty("employeeDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("Europe/London", settings.GetProperty("timeZone").GetString());
        Assert.Equal(["営業部", "経理部"], settings.GetProperty("departments").EnumerateArray().Select(d => d.GetString()));
        Assert.True(register.Contains("<option value=\"経理部\""), register);
        var tooEarly = await tenant.Client().PostAsJsonAsync("/api/v1/registrations", new
        {
            email = $"early-{Guid.NewGuid():N}@example.com", password = TestTenant.Password, kind = "Alumni", familyName = "古川", givenName = "一",
            department = "営業部", joinedYear = 1975, leftYear = 1990,
        }, Ct);
        await AssertValidationProblemAsync(tooEarly, "joinedYear");
        var entry = Assert.Single(await AuditAsync(tenant, "settings.update"));
        Assert.Contains("新しいネットワーク", System.Text.Json.JsonDocument.Parse(entry.After!).RootElement.GetProperty("name").GetString());
        Assert.Contains("Network ", entry.Before);
    }

    [Fact]
    public async Task InvalidTimeZoneLanguageAndDomains_Are400PerField_AndChangeNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        var response = await admin.PutAsJsonAsync("/api/v1/admin/settings", new
        {
            name = "changed", timeZone = "Mars/Olympus", defaultLanguage = "fr", employeeDomains = new[] { "not a domain" }, features = new Dictionary<string, bool> { ["teleport"] = false },
        }, Ct);

        await AssertValidationProblemAsync(response, "timeZone", "defaultLanguage", "employeeDomains", "features");
        Assert.Equal("Network " + tenant.Info.Slug, (await JsonAsync(await admin.GetAsync("/api/v1/admin/settings", Ct))).GetProperty("name").GetString());
        Assert.Empty(await AuditAsync(tenant, "settings.update"));
    }

    [Fact]
    public async Task SettingsPage_OffersTheIanaZonesSorted_WithTheCurrentSelected_SavesAListedOne_AndRefusesABogusOneInJapanese()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var api = await tenant.ApiAsync(admin);
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, admin.Email, admin.Password);
        Dictionary<string, string> Form(string zone) => new() { ["Input.Name"] = "Network " + tenant.Info.Slug, ["Input.TimeZone"] = zone, ["Input.DefaultLanguage"] = "ja" };

        var html = await browser.GetStringAsync("/admin/settings", Ct);
        var zones = System.Text.RegularExpressions.Regex.Matches(
            html[html.IndexOf("id=\"Input_TimeZone\"", StringComparison.Ordinal)..html.IndexOf("</select>", html.IndexOf("id=\"Input_TimeZone\"", StringComparison.Ordinal), StringComparison.Ordinal)],
            "<option value=\"([^\"]+)\"( selected=\"selected\")?>").Select(m => (Zone: m.Groups[1].Value, Selected: m.Groups[2].Success)).ToList();
        var saved = await Forms.PostAsync(browser, "/admin/settings", Form("Europe/Berlin"), "/admin/settings");
        var afterSave = await browser.GetStringAsync("/admin/settings", Ct);
        var bogus = await Forms.PostAsync(browser, "/admin/settings", Form("Mars/Olympus_Mons"), "/admin/settings");
        var bogusHtml = await bogus.Content.ReadAsStringAsync(Ct);

        Assert.True(zones.Count > 300, $"{zones.Count} zones offered");
        Assert.Equal(zones.Select(z => z.Zone).Order(StringComparer.Ordinal), zones.Select(z => z.Zone));
        Assert.Equal(["Asia/Tokyo"], zones.Where(z => z.Selected).Select(z => z.Zone));
        Assert.Contains(zones, z => z.Zone == "America/New_York");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<option value=\"Europe/Berlin\" selected=\"selected\">", afterSave);
        Assert.Equal(HttpStatusCode.OK, bogus.StatusCode);
        Assert.Contains("タイムゾーンが不明です", bogusHtml);
        Assert.Equal("Europe/Berlin", (await JsonAsync(await api.GetAsync("/api/v1/admin/settings", Ct))).GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Favicon_IsServedAsAnIcon_AndLinkedFromEveryPage()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().GetAsync("/favicon.ico", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var home = await tenant.Client().GetStringAsync("/accounts/login", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("image/", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", home);
    }

    [Fact]
    public async Task SwitchingEventsAndARoomOff_HidesThem()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var someone = await tenant.MemberAsync();
        var member = await tenant.ApiAsync(someone);
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, someone.Email, someone.Password);
        var eventId = await EventTestData.CreateAsync(admin, EventTestData.Meetup());
        var post = await JsonAsync(await member.PostAsJsonAsync("/api/v1/posts", new { room = "notices", category = "business", title = "告知", body = "本文" }, Ct));

        var off = await admin.PutAsJsonAsync("/api/v1/admin/settings", new { features = new Dictionary<string, bool> { ["events"] = false, ["notices"] = false } }, Ct);
        var events = await member.GetAsync($"/api/v1/events/{eventId}", Ct);
        var eventsPage = await browser.GetAsync("/events", Ct);
        var feed = await JsonAsync(await member.GetAsync("/api/v1/posts", Ct));
        var write = await member.PostAsJsonAsync("/api/v1/posts", new { room = "notices", category = "business", title = "x", body = "y" }, Ct);
        var on = await admin.PutAsJsonAsync("/api/v1/admin/settings", new { features = new Dictionary<string, bool> { ["events"] = true } }, Ct);
        var settings = await JsonAsync(on);

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, eventsPage.StatusCode);
        Assert.DoesNotContain(feed.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt64() == post.GetProperty("id").GetInt64());
        await AssertValidationProblemAsync(write, "room");
        Assert.True(settings.GetProperty("features").GetProperty("events").GetBoolean());
        Assert.False(settings.GetProperty("features").GetProperty("notices").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/events/{eventId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task SwitchingJobsMessagesAndConsultationsOff_HidesThemFromTheApiPagesAndMenu()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var someone = await tenant.MemberAsync();
        var member = await tenant.ApiAsync(someone);
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, someone.Email, someone.Password);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/jobs", Ct)).StatusCode);

        await admin.PutAsJsonAsync("/api/v1/admin/settings", new { features = new Dictionary<string, bool> { ["jobs"] = false, ["messages"] = false, ["consultations"] = false } }, Ct);
        var home = await browser.GetStringAsync("/", Ct);

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/v1/jobs", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/v1/conversations", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/v1/consultations?box=sent", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/jobs", Ct)).StatusCode);
        Assert.DoesNotContain("href=\"/jobs\"", home);
        Assert.DoesNotContain("href=\"/messages\"", home);
        Assert.DoesNotContain("href=\"/consultations\"", home);
        Assert.Contains("href=\"/collaborations\"", home);
    }

    [Fact]
    public async Task Logo_IsUploadedThroughThePhotoPath_AndServedToAnyone()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(64, 64)), "logo", "logo.png" } };

        var response = await admin.PutAsync("/api/v1/admin/settings/logo", form, Ct);
        var logo = await tenant.Client().GetAsync("/network/logo", Ct);
        var notImage = await admin.PutAsync("/api/v1/admin/settings/logo", new MultipartFormDataContent { { new ByteArrayContent("hello"u8.ToArray()), "logo", "x.png" } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/jpeg", logo.Content.Headers.ContentType?.MediaType);
        await AssertValidationProblemAsync(notImage, "logo");
        Assert.Single(await AuditAsync(tenant, "settings.logo"));
    }

    [Fact]
    public async Task Settings_AreForAdminsOfTheirOwnNetworkOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var otherAdmin = await other.ApiAsync(await other.AdminAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/admin/settings", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync("/api/v1/admin/settings", new { name = "x" }, Ct)).StatusCode);
        await otherAdmin.PutAsJsonAsync("/api/v1/admin/settings", new { name = "他社" }, Ct);
        Assert.Equal("Network " + tenant.Info.Slug, await tenant.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Tenants.Where(t => t.Id == tenant.Info.Id).Select(t => t.Name))));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TenantSettingsTestsOnSqlite(SqliteApp app) : TenantSettingsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TenantSettingsTestsOnPostgres(PostgresApp app) : TenantSettingsTests(app);
