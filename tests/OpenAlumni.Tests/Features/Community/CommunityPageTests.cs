using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Privacy;

namespace OpenAlumni.Tests.Features.Community;

/// <summary>The public community page for the intranet and its widget: switchable, aggregates only, consented stories.</summary>
public abstract class CommunityPageTests(AlumniApp app) : AppTest(app)
{
    static async Task SwitchAsync(HttpClient admin, bool enabled) =>
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/admin/community", new { enabled })).StatusCode);

    [Fact]
    public async Task Off_ByDefault_AndThenEverythingIs404()
    {
        var tenant = await App.CreateTenantAsync();
        var anonymous = tenant.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/community", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/community/widget", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/community", Ct)).StatusCode);
    }

    [Fact]
    public async Task OnlyAdmins_SwitchIt_AndSwitchingOffHidesItAgain()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var member = await tenant.ClientForAsync(await tenant.MemberAsync());
        var anonymous = tenant.Client();

        var byMember = await member.PutAsJsonAsync("/api/v1/admin/community", new { enabled = true }, Ct);
        await SwitchAsync(admin, true);
        var on = await anonymous.GetAsync("/community", Ct);
        var widget = await anonymous.GetAsync("/community/widget", Ct);
        await SwitchAsync(admin, false);
        var off = await anonymous.GetAsync("/community", Ct);
        var widgetOff = await anonymous.GetAsync("/community/widget", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(HttpStatusCode.OK, widget.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, widgetOff.StatusCode);
    }

    [Fact]
    public async Task Widget_MayBeFramed_IsScriptFree_AndOnlyItsRouteAllowsFraming()
    {
        var tenant = await App.CreateTenantAsync();
        await SwitchAsync(await tenant.ClientForAsync(await tenant.AdminAsync()), true);
        var anonymous = tenant.Client();

        var widget = await anonymous.GetAsync("/community/widget", Ct);
        var html = await widget.Content.ReadAsStringAsync(Ct);
        var page = await anonymous.GetAsync("/community", Ct);

        var csp = string.Join(";", widget.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.False(widget.Headers.Contains("X-Frame-Options"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"/community\"", html);
        Assert.False(page.Headers.TryGetValues("Content-Security-Policy", out var pageCsp) && pageCsp.Any(v => v.Contains("frame-ancestors *")));
    }

    [Fact]
    public async Task Page_ShowsAggregates_EventsForEveryone_AndOnlyConsentedStories_WithNetworkVisibleFields()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var featured = await tenant.MemberAsync(MemberKind.Alumni, "山田", "花子", m =>
        {
            m.Organization = "株式会社ミライ物流"; m.OrganizationVisibility = Visibility.Network;
            m.Location = "秘密の町"; m.LocationVisibility = Visibility.Network;
            m.EmailVisibility = Visibility.Network;
        });
        var hiddenOrg = await tenant.MemberAsync(MemberKind.Alumni, "佐藤", "健", m =>
        {
            m.Organization = "非公開商事"; m.OrganizationVisibility = Visibility.Employees;
        });
        var notConsenting = await tenant.MemberAsync(MemberKind.Alumni, "鈴木", "一郎", m => { m.Organization = "鈴木ラボ"; m.WithheldPurposes = Purpose.Featured; });
        await tenant.MemberAsync(MemberKind.Employee);
        await tenant.MemberAsync(MemberKind.Alumni, "保留", "中", status: MemberStatus.Pending);
        foreach (var (id, story) in new[] { (featured.Id, "起業して会社と共同配送を始めました"), (hiddenOrg.Id, "10年ぶりに戻りました"), (notConsenting.Id, "同意のない話") })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/community/stories", new { memberId = id, story }, Ct)).StatusCode);
        await EventTestData.CreateAsync(admin, EventTestData.Meetup());
        await EventTestData.CreateAsync(admin, ReTitle(EventTestData.Meetup(audience: "alumni"), "アルムナイ限定の会"));
        var past = await EventTestData.CreateAsync(admin, EventTestData.Meetup());
        await EventTestData.EndAsync(admin, past);
        await admin.PostAsJsonAsync("/api/v1/collaborations", new { title = "共同配送", stage = "poc" }, Ct);
        await SwitchAsync(admin, true);

        var json = await tenant.Client().GetFromJsonAsync<JsonElement>("/api/v1/community", Ct);
        var html = await tenant.Client().GetStringAsync("/community", Ct);

        var numbers = json.GetProperty("numbers");
        Assert.Equal(5, numbers.GetProperty("members").GetInt32()); // the admin, three alumni and an employee; not the pending one
        Assert.Equal(1, numbers.GetProperty("eventsHeld").GetInt32());
        Assert.Equal(1, numbers.GetProperty("collaborations").GetInt32());
        var events = json.GetProperty("upcomingEvents").EnumerateArray().ToList();
        Assert.Single(events);
        Assert.DoesNotContain("アルムナイ限定の会", json.GetRawText());
        var stories = json.GetProperty("stories").EnumerateArray().ToList();
        Assert.Equal(2, stories.Count);
        var hanako = stories.Single(s => s.GetProperty("displayName").GetString() == "山田 花子");
        Assert.Equal("株式会社ミライ物流", hanako.GetProperty("organization").GetString());
        var ken = stories.Single(s => s.GetProperty("displayName").GetString() == "佐藤 健");
        Assert.Equal(JsonValueKind.Null, ken.GetProperty("organization").ValueKind);
        foreach (var text in new[] { "非公開商事", "鈴木", "同意のない話", "秘密の町", featured.Email, "@" })
        {
            Assert.DoesNotContain(text, json.GetRawText());
            Assert.DoesNotContain(text, html);
        }
        Assert.Contains("起業して会社と共同配送を始めました", html);
    }

    static object ReTitle(object meetup, string title)
    {
        var json = JsonSerializer.SerializeToNode(meetup)!.AsObject();
        json["title"] = title;
        return json;
    }

    [Fact]
    public async Task MemberWithdrawsConsent_OnTheirProfile_AndTheStoryDisappears()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var alumnus = await tenant.MemberAsync(edit: m => m.WithheldPurposes = Purpose.Featured);
        var self = await tenant.ClientForAsync(alumnus);
        await admin.PostAsJsonAsync("/api/v1/admin/community/stories", new { memberId = alumnus.Id, story = "戻ってきました" }, Ct);
        await SwitchAsync(admin, true);

        var before = await tenant.Client().GetStringAsync("/community", Ct);
        await self.PatchAsJsonAsync("/api/v1/members/me", new { featureOnCommunity = true }, Ct);
        var consented = await tenant.Client().GetStringAsync("/community", Ct);
        var me = await self.GetFromJsonAsync<JsonElement>("/api/v1/members/me", Ct);
        await self.PatchAsJsonAsync("/api/v1/members/me", new { featureOnCommunity = false }, Ct);
        var withdrawn = await tenant.Client().GetStringAsync("/community", Ct);
        var seenByAdmin = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{alumnus.Id}", Ct);

        Assert.DoesNotContain("戻ってきました", before);
        Assert.Contains("戻ってきました", consented);
        Assert.True(me.GetProperty("featureOnCommunity").GetBoolean());
        Assert.DoesNotContain("戻ってきました", withdrawn);
        Assert.Equal(JsonValueKind.Null, seenByAdmin.GetProperty("featureOnCommunity").ValueKind);
    }

    [Fact]
    public async Task ProfileEditPage_SavesTheConsent_AsAConsentRecord()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: m => m.WithheldPurposes = Purpose.Featured);
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, alumnus.Email, TestTenant.Password);
        var form = await browser.GetStringAsync("/members/edit", Ct);

        var saved = await Forms.PostAsync(browser, "/members/edit", new Dictionary<string, string>
        {
            ["Input.FamilyName"] = "山田", ["Input.GivenName"] = "花子", ["Input.FeatureOnCommunity"] = "true",
        });

        Assert.Contains("data-testid=\"feature-on-community\"", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True((await tenant.LoadMemberAsync(alumnus.Id)).Has(Purpose.Featured));
        var consents = await (await tenant.ClientForAsync(alumnus)).GetFromJsonAsync<JsonElement>("/api/v1/me/consents", Ct);
        Assert.Contains(consents.GetProperty("history").EnumerateArray(), h => h.GetProperty("purpose").GetString() == "featured" && h.GetProperty("granted").GetBoolean());
    }

    [Fact]
    public async Task Tenants_AreSwitchedAndFeaturedApart()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var foreign = await other.MemberAsync();
        await SwitchAsync(admin, true);

        var otherPage = await other.Client().GetAsync("/community", Ct);
        var foreignStory = await admin.PostAsJsonAsync("/api/v1/admin/community/stories", new { memberId = foreign.Id, story = "x" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, otherPage.StatusCode);
        await AssertValidationProblemAsync(foreignStory, "memberId");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CommunityPageTestsOnSqlite(SqliteApp app) : CommunityPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CommunityPageTestsOnPostgres(PostgresApp app) : CommunityPageTests(app);
