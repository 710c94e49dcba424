using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Community;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Features.Roster;
using static OpenAlumni.Tests.Features.Privacy.PrivacyTestData;

namespace OpenAlumni.Tests.Features.Privacy;

/// <summary>
/// The privacy policy and its versions, and the consent a member gives or withholds per purpose:
/// at registration, through the API and on the my-data page, and what withdrawing each one changes.
/// </summary>
public abstract class ConsentTests(AlumniApp app) : AppTest(app)
{
    static async Task PublishPolicyAsync(HttpClient admin, string ja, string en)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/privacy/policy", new { ja, en });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Policy_EachAdminEditIsANewVersion_ThePublicSeesTheCurrentOne_OldOnesStay()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        await PublishPolicyAsync(admin, "第1版の本文", "First version");
        await PublishPolicyAsync(admin, "第2版の本文", "Second version");
        var byMember = await member.PostAsJsonAsync("/api/v1/admin/privacy/policy", new { ja = "x", en = "x" }, Ct);
        var current = await tenant.Client().GetFromJsonAsync<JsonElement>("/api/v1/privacy/policy?lang=en", Ct);
        var old = await tenant.Client().GetFromJsonAsync<JsonElement>("/api/v1/privacy/policy?lang=ja&version=1", Ct);
        var page = await tenant.Client("ja").GetStringAsync("/privacy", Ct);
        var versions = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/privacy/policy", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal("Second version", current.GetProperty("text").GetString());
        Assert.Equal("第1版の本文", old.GetProperty("text").GetString());
        Assert.Contains("第2版の本文", page);
        Assert.Equal(2, versions.GetArrayLength());
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?action=privacy.", Ct);
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PolicyEditPage_IsForAdmins_AndPublishesAVersion()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var member = await tenant.MemberAsync();
        var adminBrowser = tenant.Client("ja");
        await Forms.SignInAsync(adminBrowser, admin.Email, admin.Password);
        var memberBrowser = tenant.Client();
        await Forms.SignInAsync(memberBrowser, member.Email, member.Password);

        var denied = await memberBrowser.GetAsync("/admin/privacy", Ct);
        var published = await Forms.PostAsync(adminBrowser, "/admin/privacy", new Dictionary<string, string> { ["Ja"] = "ページから公開した本文", ["En"] = "Published from the page" });
        var empty = await Forms.PostAsync(adminBrowser, "/admin/privacy", new Dictionary<string, string> { ["Ja"] = "", ["En"] = "" });
        var page = await tenant.Client("en").GetStringAsync("/privacy", Ct);

        Assert.Contains("/accounts/accessdenied", denied.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("現在の版と同じ内容", await empty.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Published from the page", page);
        Assert.Equal(2, await tenant.DbAsync(db => db.Set<PrivacyPolicy>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Register_RecordsAConsentOrRefusalPerPurpose_WithThePolicyVersion()
    {
        var tenant = await App.CreateTenantAsync();
        await PublishPolicyAsync(await tenant.ApiAsync(await tenant.AdminAsync()), "本文", "text");
        var email = $"r-{Guid.NewGuid():N}@example.com";

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/registrations", new
        {
            email, password = TestTenant.Password, kind = "Alumni", familyName = "佐藤", givenName = "一郎", department = "営業部", leftYear = 2020,
            consents = new[] { "directory", "eventPhotos" },
        }, Ct);
        var id = await tenant.DbAsync(db => db.Members.Where(m => m.User!.Email == email).Select(m => m.Id).SingleAsync(Ct));
        var records = await tenant.DbAsync(db => db.Set<ConsentRecord>().Where(c => c.MemberId == id).ToListAsync(Ct));
        var member = await tenant.LoadMemberAsync(id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.Equal(1, r.PolicyVersion));
        Assert.Equal([Purpose.Directory, Purpose.EventPhotos], records.Where(r => r.Granted).Select(r => r.Purpose).Order());
        Assert.Equal(Purpose.CompanyNews | Purpose.RehireContact | Purpose.Featured, member.WithheldPurposes);
    }

    [Fact]
    public async Task Register_WithAnUnknownPurpose_Is400AndWritesNothing()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/registrations", new
        {
            email = $"r-{Guid.NewGuid():N}@example.com", password = TestTenant.Password, kind = "Employee", familyName = "佐藤", givenName = "一郎",
            consents = new[] { "directory", "spam" },
        }, Ct);

        await AssertValidationProblemAsync(response, "consents");
        Assert.Equal(0, await tenant.DbAsync(db => db.Members.CountAsync(Ct)));
    }

    [Fact]
    public async Task WithdrawingDirectory_TakesTheMemberOutOfTheDirectory_ButNotOutOfTheAdminsView_AndIsRecorded()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        await PublishPolicyAsync(admin, "本文", "text");
        var hidden = await tenant.MemberAsync(family: "隠岐", given: "花子", edit: m => m.OpenTo = OpenTo.Consultation);
        var viewer = await tenant.ApiAsync(await tenant.MemberAsync());
        var hiddenApi = await tenant.ApiAsync(hidden);

        await SetConsentAsync(hiddenApi, "directory", false);
        var seenByMember = await DirectoryIdsAsync(viewer);
        var searchedByMember = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/members?q=隠岐", Ct);
        var seenByAdmin = await DirectoryIdsAsync(admin);
        var home = await viewer.GetStringAsync("/", Ct);
        var mine = await hiddenApi.GetFromJsonAsync<JsonElement>("/api/v1/me/consents", Ct);

        Assert.DoesNotContain(hidden.Id, seenByMember);
        Assert.Equal(0, searchedByMember.GetProperty("total").GetInt32());
        Assert.Contains(hidden.Id, seenByAdmin);
        Assert.DoesNotContain("隠岐", home);
        var directory = mine.GetProperty("purposes").EnumerateArray().First(p => p.GetProperty("purpose").GetString() == "directory");
        Assert.False(directory.GetProperty("granted").GetBoolean());
        var last = mine.GetProperty("history")[0];
        Assert.Equal("directory", last.GetProperty("purpose").GetString());
        Assert.False(last.GetProperty("granted").GetBoolean());
        Assert.Equal(1, last.GetProperty("policyVersion").GetInt32());
    }

    [Fact]
    public async Task WithdrawingCompanyNews_StopsAnnouncements_NotificationMailAndDigest()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var quiet = await tenant.MemberAsync();
        var listening = await tenant.MemberAsync();
        await SetConsentAsync(await tenant.ApiAsync(quiet), "companyNews", false);

        await PostAsync(admin, "年次総会のお知らせ", "announcements");
        var quietNotes = await tenant.DbAsync(db => db.Set<Notification>().CountAsync(n => n.MemberId == quiet.Id, Ct));
        var listeningNotes = await tenant.DbAsync(db => db.Set<Notification>().CountAsync(n => n.MemberId == listening.Id, Ct));
        await App.SendQueuedMailAsync();

        Assert.Equal(0, quietNotes);
        Assert.Equal(1, listeningNotes);
        Assert.Empty(Mailbox.For(App, quiet.Email));
        Assert.Single(Mailbox.For(App, listening.Email));
    }

    [Fact]
    public async Task WithdrawingEventPhotos_MarksTheAttendeeForTheSecretariat()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var shy = await tenant.ApiAsync(await tenant.MemberAsync());
        var happy = await tenant.ApiAsync(await tenant.MemberAsync(family: "写真", given: "好子"));
        var eventId = await EventTestData.CreateAsync(admin, EventTestData.Meetup(capacity: 5));
        await SetConsentAsync(shy, "eventPhotos", false);
        Assert.Equal(HttpStatusCode.OK, (await shy.PostAsJsonAsync($"/api/v1/events/{eventId}/rsvp", new { mode = "inPerson" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await happy.PostAsJsonAsync($"/api/v1/events/{eventId}/rsvp", new { mode = "inPerson" }, Ct)).StatusCode);

        var attendees = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/events/{eventId}/attendees", Ct);

        Assert.Equal([false, true], attendees.EnumerateArray().OrderBy(a => a.GetProperty("displayName").GetString() == "山田 花子").Select(a => a.GetProperty("noPhotos").GetBoolean()));
    }

    [Fact]
    public async Task Consents_AreOnlyMine_AndBadInputIs400()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var api = await tenant.ApiAsync(member);
        var token = await tenant.TokenAsync(member);
        var foreign = other.Client();
        foreign.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var anonymous = await tenant.Client().GetAsync("/api/v1/me/consents", Ct);
        var elsewhere = await foreign.GetAsync("/api/v1/me/consents", Ct);
        var bad = await api.PutAsJsonAsync("/api/v1/me/consents", new { purposes = new Dictionary<string, bool> { ["spam"] = true } }, Ct);
        var empty = await api.PutAsJsonAsync("/api/v1/me/consents", new { purposes = new Dictionary<string, bool>() }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        await AssertValidationProblemAsync(bad, "purposes.spam");
        await AssertValidationProblemAsync(empty, "purposes");
    }

    [Fact]
    public async Task MyDataPage_ChangesConsents_AndDeletesMe_WithConfirmation()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync();
        var client = tenant.Client();
        await Forms.SignInAsync(client, me.Email, me.Password);

        var page = await client.GetStringAsync("/privacy/me", Ct);
        var saved = await Forms.PostAsync(client, "/privacy/me?handler=Consents", new Dictionary<string, string>
        {
            ["Granted[directory]"] = "false", ["Granted[companyNews]"] = "true", ["Granted[rehireContact]"] = "false", ["Granted[featured]"] = "false", ["Granted[eventPhotos]"] = "false",
        }, "/privacy/me");
        var withheld = (await tenant.LoadMemberAsync(me.Id)).WithheldPurposes;
        var unconfirmed = await Forms.PostAsync(client, "/privacy/me?handler=Delete", new Dictionary<string, string> { ["Posts"] = "delete" }, "/privacy/me");
        var stillThere = await tenant.DbAsync(db => db.Members.AnyAsync(m => m.Id == me.Id, Ct));
        var export = await client.GetAsync("/privacy/me?handler=Export", Ct);
        var deleted = await Forms.PostAsync(client, "/privacy/me?handler=Delete", new Dictionary<string, string> { ["Posts"] = "delete", ["Confirm"] = "true" }, "/privacy/me");

        Assert.Contains("data-testid=\"consent-directory\"", page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Purpose.Directory | Purpose.RehireContact | Purpose.Featured | Purpose.EventPhotos, withheld);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.True(stillThere);
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await tenant.DbAsync(db => db.Members.AnyAsync(m => m.Id == me.Id, Ct)));
    }

    [Fact]
    public async Task RegisterPage_ShowsThePurposes_AndRecordsWhatWasTicked()
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"p-{Guid.NewGuid():N}@example.com";
        var client = tenant.Client("ja");

        var form = await client.GetStringAsync("/accounts/register", Ct);
        var token = Forms.Token(form);
        var response = await client.PostAsync("/accounts/register", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("Input.Kind", "Employee"), new("Input.FamilyName", "中村"), new("Input.GivenName", "亮"),
            new("Input.Email", email), new("Input.Password", "long-enough-1"), new("Input.Consents", "companyNews"), new("Input.Consents", "featured"),
        }), Ct);
        var member = await tenant.DbAsync(db => db.Members.Include(m => m.User).FirstAsync(m => m.User!.Email == email, Ct));

        Assert.Contains("メンバー名簿への掲載", form);
        Assert.Contains("checked=\"checked\" data-testid=\"consent-directory\"", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Purpose.Directory | Purpose.RehireContact | Purpose.EventPhotos, member.WithheldPurposes);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConsentTestsOnSqlite(SqliteApp app) : ConsentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ConsentTestsOnPostgres(PostgresApp app) : ConsentTests(app);
