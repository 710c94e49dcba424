using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Roster;
using OpenAlumni.Web.Infrastructure.Tenancy;
using static OpenAlumni.Tests.Infrastructure.DeskTestData;

namespace OpenAlumni.Tests.Features.Roster;

public abstract class InvitationTests(AlumniApp app) : AppTest(app)
{
    async Task<(TestTenant Tenant, HttpClient Admin)> RosterAsync(params string[] rows)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        if (rows.Length > 0) Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, Utf8(Csv(rows), bom: true))).StatusCode);
        return (tenant, admin);
    }

    async Task<string> InviteLinkAsync(HttpClient admin, string email, object? request = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/invitations", request ?? new { emails = email }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await App.SendQueuedMailAsync();
        return Mailbox.Link(Mailbox.Last(App, email), "/join/");
    }

    static string Token(string link) => link[(link.LastIndexOf('/') + 1)..];

    static Task<HttpResponseMessage> RegisterAsync(TestTenant tenant, string email, string? invitation, string family = "山田", string given = "太郎") =>
        tenant.Client().PostAsJsonAsync("/api/v1/registrations", new
        {
            email, password = TestTenant.Password, kind = "Alumni", familyName = family, givenName = given,
            department = "営業部", joinedYear = 2005, leftYear = 2015, invitation,
        }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task InviteRosterRow_MailsAPersonalLink_ThatLandsOnAPrefilledRegistration_AndApprovesAtOnce()
    {
        var email = $"taro-{Guid.NewGuid():N}@example.com";
        var (tenant, admin) = await RosterAsync(Row("山田", "太郎", email, "営業部", 2005, 2015));
        var rosterId = await tenant.DbAsync(db => db.Set<RosterEntry>().Select(r => r.Id).SingleAsync());

        var link = await InviteLinkAsync(admin, email, new { rosterIds = new[] { rosterId } });
        var landing = await tenant.Client().GetAsync(new Uri(link).PathAndQuery, Ct);
        var form = await tenant.Client().GetAsync(landing.Headers.Location, Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        var registered = await RegisterAsync(tenant, email, Token(link));
        var token = await tenant.TokenAsync(new TestMember(0, email, TestTenant.Password));

        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Contains("value=\"山田\"", html);
        Assert.Contains($"value=\"{email}\"", html);
        Assert.Contains("value=\"営業部\"", html);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal("Approved", (await JsonAsync(registered)).GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(token));
        var invitation = await tenant.DbAsync(db => db.Set<Invitation>().SingleAsync());
        Assert.NotNull(invitation.UsedAt);
        Assert.NotEqual(Token(link), invitation.TokenHash);
        Assert.Equal(InvitationService.Hash(Token(link)), invitation.TokenHash);
        Assert.NotNull(await tenant.DbAsync(db => db.Set<RosterEntry>().Select(r => r.MemberId).SingleAsync()));
        Assert.Single(await AuditAsync(tenant, "invitation.create"));
    }

    [Fact]
    public async Task Invitation_IsInTheRosterLanguage_ElseTheNetworkDefault()
    {
        var english = $"en-{Guid.NewGuid():N}@example.com";
        var japanese = $"ja-{Guid.NewGuid():N}@example.com";
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        await ImportAsync(admin, Utf8(Header + ",language\r\n" + Row("Chen", "Michael", english) + ",en\r\n" + Row("山田", "花子", japanese) + ",\r\n", false));

        await admin.PostAsJsonAsync("/api/v1/admin/invitations", new { allNotJoined = true }, Ct);
        await App.SendQueuedMailAsync();

        Assert.StartsWith("Invitation to", Mailbox.Last(App, english).Subject);
        Assert.Contains("ご招待", Mailbox.Last(App, japanese).Subject);
    }

    [Fact]
    public async Task UsedRevokedExpiredAndOtherNetworksLinks_ShowAClearPage_AndCreateNoAccount()
    {
        var (tenant, admin) = await RosterAsync();
        var other = await App.CreateTenantAsync();
        var used = $"used-{Guid.NewGuid():N}@example.com";
        var revoked = $"revoked-{Guid.NewGuid():N}@example.com";
        var expired = $"expired-{Guid.NewGuid():N}@example.com";
        var foreign = $"foreign-{Guid.NewGuid():N}@example.com";
        var usedLink = await InviteLinkAsync(admin, used);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(tenant, used, Token(usedLink))).StatusCode);
        var revokedLink = await InviteLinkAsync(admin, revoked);
        var revokedId = await tenant.DbAsync(db => db.Set<Invitation>().Where(i => i.Email == revoked).Select(i => i.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/invitations/{revokedId}/revoke", null, Ct)).StatusCode);
        // Invited longer ago than a link lasts, through an app whose clock says so.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-RosterLimits.InvitationDays - 1));
        string expiredLink;
        await using (var then = App.WithClock(clock))
            expiredLink = await InviteLinkAsync(await tenant.ClientForAsync(await tenant.AdminAsync(), then, TimeSpan.FromHours(1)), expired);
        var foreignLink = await InviteLinkAsync(await other.ApiAsync(await other.AdminAsync()), foreign);

        var pages = new Dictionary<string, string>();
        foreach (var (name, link) in new[] { ("used", usedLink), ("revoked", revokedLink), ("expired", expiredLink), ("foreign", foreignLink) })
        {
            var page = await tenant.Client().GetAsync("/join/" + Token(link), Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            pages[name] = await page.Content.ReadAsStringAsync(Ct);
        }
        var again = await RegisterAsync(tenant, $"second-{Guid.NewGuid():N}@example.com", Token(usedLink));
        var afterRevoke = await RegisterAsync(tenant, revoked, Token(revokedLink));
        var afterExpiry = await RegisterAsync(tenant, expired, Token(expiredLink));
        var elsewhere = await RegisterAsync(tenant, foreign, Token(foreignLink));

        Assert.Contains("already been used", pages["used"]);
        Assert.Contains("withdrawn", pages["revoked"]);
        Assert.Contains("expired", pages["expired"]);
        Assert.Contains("not valid for this network", pages["foreign"]);
        foreach (var r in new[] { again, afterRevoke, afterExpiry, elsewhere }) await AssertValidationProblemAsync(r, "invitation");
        Assert.Equal(1, await tenant.DbAsync(db => db.Members.CountAsync(m => m.Role == MemberRole.Member)));
        Assert.Equal(0, await other.DbAsync(db => db.Members.CountAsync(m => m.Role == MemberRole.Member)));
        var revokedEntry = Assert.Single(await AuditAsync(tenant, "invitation.revoke"));
        Assert.Equal(revokedId.ToString(), revokedEntry.TargetId);
        Assert.DoesNotContain("@", revokedEntry.Before + revokedEntry.After);
    }

    [Fact]
    public async Task List_ShowsEachState_AndResendGivesANewLinkThatReplacesTheOld()
    {
        var (tenant, admin) = await RosterAsync();
        var pending = $"p-{Guid.NewGuid():N}@example.com";
        var joined = $"j-{Guid.NewGuid():N}@example.com";
        var oldLink = await InviteLinkAsync(admin, pending);
        var joinedLink = await InviteLinkAsync(admin, joined);
        await RegisterAsync(tenant, joined, Token(joinedLink));
        var id = await tenant.DbAsync(db => db.Set<Invitation>().Where(i => i.Email == pending).Select(i => i.Id).SingleAsync());

        var resent = await admin.PostAsync($"/api/v1/admin/invitations/{id}/resend", null, Ct);
        await App.SendQueuedMailAsync();
        var newLink = Mailbox.Link(Mailbox.Last(App, pending), "/join/");
        var resendUsed = await admin.PostAsync($"/api/v1/admin/invitations/{await tenant.DbAsync(db => db.Set<Invitation>().Where(i => i.Email == joined).Select(i => i.Id).SingleAsync())}/resend", null, Ct);
        var list = await JsonAsync(await admin.GetAsync("/api/v1/admin/invitations", Ct));
        var used = await JsonAsync(await admin.GetAsync("/api/v1/admin/invitations?state=used", Ct));

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.NotEqual(oldLink, newLink);
        Assert.Equal(HttpStatusCode.Conflict, resendUsed.StatusCode);
        Assert.Contains("not valid", await (await tenant.Client().GetAsync("/join/" + Token(oldLink), Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await tenant.Client().GetAsync("/join/" + Token(newLink), Ct)).StatusCode);
        Assert.Equal(["used", "pending"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("state").GetString()!).ToArray());
        Assert.Equal(joined, used.GetProperty("items")[0].GetProperty("email").GetString());
        Assert.Single(await AuditAsync(tenant, "invitation.resend"));
    }

    [Fact]
    public async Task Invitations_AreForAdminsOnly_AndABatchOfOnlyBadAddressesIsRefused_NamingEach()
    {
        var (tenant, admin) = await RosterAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var japanese = await tenant.ApiAsync(await tenant.AdminAsync(), "ja");

        var asMember = await member.PostAsJsonAsync("/api/v1/admin/invitations", new { emails = "x@example.com" }, Ct);
        var bad = await admin.PostAsJsonAsync("/api/v1/admin/invitations", new { emails = "not-an-email\nalso@bad@example.com" }, Ct);
        var badJa = await japanese.PostAsJsonAsync("/api/v1/admin/invitations", new { emails = "hanako@" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
        var errors = await AssertValidationProblemAsync(bad, "emails");
        Assert.Contains(errors["emails"], m => m.Contains("not-an-email") && m.Contains("not a valid email"));
        Assert.Contains(errors["emails"], m => m.Contains("also@bad@example.com"));
        var errorsJa = await AssertValidationProblemAsync(badJa, "emails");
        Assert.Contains(errorsJa["emails"], m => m.Contains("「hanako@」") && m.Contains("有効なメールアドレスではありません"));
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<Invitation>().CountAsync()));
    }

    [Fact]
    public async Task MixedBatch_InvitesTheValidAddresses_AndListsEachRefusedOneWithWhy_InTheApi()
    {
        var (tenant, admin) = await RosterAsync();
        var good1 = $"good1-{Guid.NewGuid():N}@example.com";
        var good2 = $"good2-{Guid.NewGuid():N}@example.com";
        var japanese = await tenant.ApiAsync(await tenant.AdminAsync(), "ja");

        var response = await admin.PostAsJsonAsync("/api/v1/admin/invitations", new { emails = $"{good1}\nnot an email\n{good2}, hanako@" }, Ct);
        var again = await japanese.PostAsJsonAsync("/api/v1/admin/invitations", new { emails = $"{good1}\nfoo@" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(2, json.GetProperty("invited").GetInt32());
        Assert.Equal(0, json.GetProperty("skipped").GetInt32());
        var refused = json.GetProperty("refused").EnumerateArray().ToList();
        Assert.Equal(["not", "an", "email", "hanako@"], refused.Select(r => r.GetProperty("email").GetString()));
        Assert.All(refused, r => Assert.Equal("email_invalid", r.GetProperty("code").GetString()));
        Assert.Contains("hanako@", refused[3].GetProperty("reason").GetString());
        var invited = await tenant.DbAsync(db => db.Set<Invitation>().Select(i => i.Email).OrderBy(e => e).ToListAsync());
        Assert.Equal([good1, good2], invited);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var jsonAgain = await JsonAsync(again);
        Assert.Equal(0, jsonAgain.GetProperty("invited").GetInt32());
        Assert.Equal(1, jsonAgain.GetProperty("skipped").GetInt32());
        Assert.Equal("「foo@」は有効なメールアドレスではありません。", jsonAgain.GetProperty("refused")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task MixedBatch_OnTheAdminPage_InvitesTheValidAddresses_AndNamesEachRefusedOneInTheReadersLanguage()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, admin.Email, admin.Password);
        var good = $"page-{Guid.NewGuid():N}@example.com";

        var mixed = await Forms.PostAsync(browser, "/admin/invitations?handler=Invite", new Dictionary<string, string> { ["Emails"] = $"{good}\nyamada@" }, "/admin/invitations");
        var html = await mixed.Content.ReadAsStringAsync(Ct);
        var onlyBad = await Forms.PostAsync(browser, "/admin/invitations?handler=Invite", new Dictionary<string, string> { ["Emails"] = "foo@, bar" }, "/admin/invitations");
        var htmlBad = await onlyBad.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
        Assert.Contains("1 件の招待を送信しました", html);
        Assert.Contains("「yamada@」は有効なメールアドレスではありません。", html);
        Assert.Contains(">yamada@</textarea>", html);
        Assert.Contains(good, html);
        Assert.Equal(HttpStatusCode.OK, onlyBad.StatusCode);
        Assert.Contains("「foo@」は有効なメールアドレスではありません。", htmlBad);
        Assert.Contains("「bar」は有効なメールアドレスではありません。", htmlBad);
        Assert.Equal([good], await tenant.DbAsync(db => db.Set<Invitation>().Select(i => i.Email).ToListAsync()));
    }

    [Fact]
    public async Task Registration_MatchingTheRosterByEmail_IsApprovedOnceConfirmed_OthersWaitWithTheClosestMatchShown()
    {
        var onRoster = $"roster-{Guid.NewGuid():N}@example.com";
        var stranger = $"stranger-{Guid.NewGuid():N}@example.com";
        var (tenant, admin) = await RosterAsync(Row("山田", "太郎", onRoster), Row("佐藤", "花子", "hanako.private@example.com", "人事部", 2001, 2011));

        await RegisterAsync(tenant, onRoster, null);
        await RegisterAsync(tenant, stranger, null, "佐藤", "花子");
        var client = tenant.Client();
        await Forms.ConfirmEmailAsync(client, Mailbox.Link(Mailbox.Last(App, onRoster), "/accounts/confirmemail"));
        await Forms.ConfirmEmailAsync(client, Mailbox.Link(Mailbox.Last(App, stranger), "/accounts/confirmemail"));
        var queue = await JsonAsync(await admin.GetAsync("/api/v1/admin/registrations?status=Pending", Ct));

        var approved = await tenant.DbAsync(db => db.Members.Where(m => m.User!.Email == onRoster).Select(m => m.Status).SingleAsync());
        Assert.Equal(MemberStatus.Approved, approved);
        var waiting = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.Equal(stranger, waiting.GetProperty("email").GetString());
        var match = waiting.GetProperty("rosterMatch");
        Assert.Equal("佐藤", match.GetProperty("familyName").GetString());
        Assert.True(match.GetProperty("nameMatches").GetBoolean());
        Assert.False(match.GetProperty("emailMatches").GetBoolean());
    }

    [Fact]
    public async Task Import_ApprovesRegistrationsAlreadyWaitingWithAnAddressOnTheRoster()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var waiting = await tenant.MemberAsync(status: MemberStatus.Pending, family: "待機");
        var other = await tenant.MemberAsync(status: MemberStatus.Pending, family: "他人");

        var body = await JsonAsync(await ImportAsync(admin, Utf8(Csv(Row("待機", "花子", waiting.Email)), false)));

        Assert.Equal(1, body.GetProperty("approved").GetInt32());
        Assert.Equal(MemberStatus.Approved, (await tenant.LoadMemberAsync(waiting.Id)).Status);
        Assert.Equal(MemberStatus.Pending, (await tenant.LoadMemberAsync(other.Id)).Status);
        Assert.Contains(tenant.Info.Name, Mailbox.Last(App, waiting.Email).Subject + Mailbox.Last(App, waiting.Email).TextBody);
    }

    [Fact]
    public async Task Registration_MatchingNameDepartmentAndYears_IsApproved_WhenTheNetworkChoseThatRule()
    {
        var email = $"private-{Guid.NewGuid():N}@example.com";
        var (tenant, admin) = await RosterAsync(Row("山田", "太郎", "taro.work@example.com", "営業部", 2005, 2015));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/admin/settings", new { rosterMatch = "emailOrNameAndCareer" }, Ct)).StatusCode);

        await RegisterAsync(tenant, email, null);
        await Forms.ConfirmEmailAsync(tenant.Client(), Mailbox.Link(Mailbox.Last(App, email), "/accounts/confirmemail"));

        Assert.Equal(MemberStatus.Approved, await tenant.DbAsync(db => db.Members.Where(m => m.User!.Email == email).Select(m => m.Status).SingleAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InvitationTestsOnSqlite(SqliteApp app) : InvitationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InvitationTestsOnPostgres(PostgresApp app) : InvitationTests(app);
