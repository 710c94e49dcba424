using System.Net;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Infrastructure.Security;
using SkiaSharp;

namespace OpenAlumni.Tests.Features.WebApp;

/// <summary>
/// The installable app per network: each host's manifest names its own network and icons, the icons are PNGs of
/// the stated size (the logo once a network has one), the offline page holds nothing of the member, and signing
/// out tells the browser to drop what the service worker stored.
/// </summary>
public abstract class WebAppTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Manifest_OfEachNetwork_NamesThatNetwork_InTheVisitorsLanguage()
    {
        var first = await App.CreateTenantAsync();
        var second = await App.CreateTenantAsync();

        var (firstResponse, firstManifest) = await ManifestAsync(first, "ja");
        var (_, secondManifest) = await ManifestAsync(second, "en");

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal("application/manifest+json", firstResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first.Info.Name, firstManifest.GetProperty("name").GetString());
        Assert.Equal(second.Info.Name, secondManifest.GetProperty("name").GetString());
        Assert.DoesNotContain(second.Info.Name, firstManifest.GetRawText());
        Assert.DoesNotContain(first.Info.Name, secondManifest.GetRawText());
        Assert.Equal("ja", firstManifest.GetProperty("lang").GetString());
        Assert.Equal("en", secondManifest.GetProperty("lang").GetString());
        Assert.Equal("/", firstManifest.GetProperty("start_url").GetString());
        Assert.Equal("/", firstManifest.GetProperty("scope").GetString());
        Assert.Equal("standalone", firstManifest.GetProperty("display").GetString());
        Assert.Equal("#27408b", firstManifest.GetProperty("theme_color").GetString());
        Assert.InRange(firstManifest.GetProperty("short_name").GetString()!.Length, 1, 12);
    }

    [Fact]
    public async Task ManifestIcons_ArePngs_OfTheStatedSize_AnyAndMaskable()
    {
        var tenant = await App.CreateTenantAsync();
        var (_, manifest) = await ManifestAsync(tenant, "en");
        var client = tenant.Client();

        var icons = manifest.GetProperty("icons").EnumerateArray().ToList();

        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "192x192" && i.GetProperty("purpose").GetString() == "any");
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("purpose").GetString() == "any");
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("purpose").GetString() == "maskable");
        foreach (var icon in icons)
        {
            var response = await client.GetAsync(icon.GetProperty("src").GetString(), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(icon.GetProperty("sizes").GetString(), $"{bitmap.Width}x{bitmap.Height}");
        }
        var apple = await client.GetAsync("/icons/apple-touch-icon.png", Ct);
        using var appleBitmap = SKBitmap.Decode(await apple.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal((180, 180), (appleBitmap.Width, appleBitmap.Height));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/icons/other.png", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/icons/..%2Fappsettings.json", Ct)).StatusCode);
    }

    [Fact]
    public async Task Icons_ShowTheNetworksLogo_OnceItHasOne_UnderANewAddress()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var before = await IconAsync(tenant, "maskable-512.png");
        var (_, manifestBefore) = await ManifestAsync(tenant, "en");

        var upload = await admin.PutAsync("/api/v1/admin/settings/logo",
            new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(64, 64)), "logo", "logo.png" } }, Ct);
        var after = await IconAsync(tenant, "maskable-512.png");
        var (_, manifestAfter) = await ManifestAsync(tenant, "en");
        var otherIcon = await IconAsync(other, "maskable-512.png");

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        // The mark fills the square with the site's blue; a logo sits in the middle of white.
        Assert.Equal(new SKColor(0x27, 0x40, 0x8b), before.GetPixel(20, 256));
        Assert.Equal(SKColors.White, after.GetPixel(20, 256));
        Assert.Equal(new SKColor(0x27, 0x40, 0x8b), otherIcon.GetPixel(20, 256));
        Assert.NotEqual(FirstIconSrc(manifestBefore), FirstIconSrc(manifestAfter));
    }

    [Fact]
    public async Task OfflinePage_SpeaksBothLanguages_AndShowsNothingOfTheSignedInMember()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync(family: "渡辺", given: "精一");
        var signedIn = tenant.Client("ja");
        await Forms.SignInAsync(signedIn, member.Email, member.Password);

        var visitor = await tenant.Client("ja").GetAsync("/offline", Ct);
        var visitorHtml = await visitor.Content.ReadAsStringAsync(Ct);
        var memberHtml = await signedIn.GetStringAsync("/offline", Ct);

        Assert.Equal(HttpStatusCode.OK, visitor.StatusCode);
        Assert.Contains("<html lang=\"ja\"", visitorHtml);
        Assert.True(visitorHtml.IndexOf("オフラインです", StringComparison.Ordinal) < visitorHtml.IndexOf("You are offline", StringComparison.Ordinal),
            "The visitor's language comes first.");
        Assert.Contains(tenant.Info.Name, visitorHtml);
        Assert.Contains("オフラインです", memberHtml);
        Assert.Contains("You are offline", memberHtml);
        Assert.DoesNotContain("渡辺", memberHtml);
        Assert.DoesNotContain("__RequestVerificationToken", memberHtml);
    }

    [Fact]
    public async Task SignOut_TellsTheBrowserToDropStoredData_AndSignsOut()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var client = tenant.Client();
        await Forms.SignInAsync(client, member.Email, member.Password);

        var response = await Forms.PostAsync(client, "/accounts/logout", new Dictionary<string, string>(), pageForToken: "/");
        var afterwards = await client.GetAsync("/notifications", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ClearSiteData.OnSignOut, string.Join(", ", response.Headers.GetValues("Clear-Site-Data")));
        Assert.Contains("\"storage\"", ClearSiteData.OnSignOut);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/accounts/login", afterwards.Headers.Location?.ToString());
    }

    [Fact]
    public async Task SignIn_ClearsNothingOnThePhone_SoAMemberSigningInAgainKeepsTheirPushAndTickets()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var client = tenant.Client();

        var response = await Forms.PostAsync(client, "/accounts/login",
            new Dictionary<string, string> { ["Input.Email"] = member.Email, ["Input.Password"] = member.Password });
        var home = await client.GetStringAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // "storage" would unregister the service worker and with it the push subscription (js/pwa.js handles a
        // change of member instead, by the member id the pages carry).
        Assert.False(response.Headers.Contains("Clear-Site-Data"));
        Assert.Contains($"<body data-member=\"{member.Id}\"", home);
    }

    [Fact]
    public async Task ServiceWorker_IsServedFromTheRoot_AsJavaScript()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().GetAsync("/sw.js", Ct);
        var page = await tenant.Client().GetStringAsync("/accounts/login", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\" />", page);
        Assert.Matches("<script src=\"/js/pwa.js\\?v=[^\"]+\" defer></script>", page);
    }

    static async Task<(HttpResponseMessage, JsonElement)> ManifestAsync(TestTenant tenant, string culture)
    {
        var response = await tenant.Client(culture).GetAsync("/manifest.webmanifest", Ct);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
    }

    static async Task<SKBitmap> IconAsync(TestTenant tenant, string file) =>
        SKBitmap.Decode(await tenant.Client().GetByteArrayAsync($"/icons/{file}", Ct));

    static string? FirstIconSrc(JsonElement manifest) => manifest.GetProperty("icons")[0].GetProperty("src").GetString();
}

[Collection(SqliteCollection.Name)]
public sealed class WebAppTestsOnSqlite(SqliteApp app) : WebAppTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WebAppTestsOnPostgres(PostgresApp app) : WebAppTests(app);
