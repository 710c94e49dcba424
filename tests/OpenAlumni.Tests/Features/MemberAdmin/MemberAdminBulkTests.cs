using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Tests.Infrastructure.Trust;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.MemberAdmin;

/// <summary>Bulk actions on the members admin (issue 12, point 5): each member goes through the single action's rules.</summary>
public abstract partial class MemberAdminBulkTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task BulkApprove_ApprovesThePendingOnes_AndNamesEachRefusal_InTheUsersLanguage()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var api = await tenant.ApiAsync(admin);
        api.DefaultRequestHeaders.AcceptLanguage.Clear();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");
        var first = await tenant.MemberAsync(family: "保留一", status: MemberStatus.Pending);
        var second = await tenant.MemberAsync(family: "保留二", status: MemberStatus.Pending);
        var approved = await tenant.MemberAsync(family: "承認済");
        var stranger = await other.MemberAsync(status: MemberStatus.Pending);

        var response = await api.PostAsJsonAsync("/api/v1/admin/members/bulk",
            new { action = "approve", memberIds = new[] { first.Id, second.Id, approved.Id, stranger.Id } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(2, body.GetProperty("done").GetInt32());
        Assert.Equal(2, body.GetProperty("refused").GetInt32());
        var results = body.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt64());
        Assert.True(results[first.Id].GetProperty("done").GetBoolean());
        Assert.Equal("Validation.AlreadyDecided", results[approved.Id].GetProperty("code").GetString());
        Assert.Equal("Validation.NotFound", results[stranger.Id].GetProperty("code").GetString());
        Assert.Matches("[ぁ-んァ-ン一-龯]", results[stranger.Id].GetProperty("reason").GetString()!);
        Assert.Equal(MemberStatus.Approved, (await tenant.LoadMemberAsync(first.Id)).Status);
        Assert.Equal(MemberStatus.Approved, (await tenant.LoadMemberAsync(second.Id)).Status);
        Assert.Equal(MemberStatus.Pending, (await other.LoadMemberAsync(stranger.Id)).Status);
        // Audited per member, as a single approval is.
        var audited = await tenant.DbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "registration.approve").Select(a => a.TargetId).ToListAsync());
        Assert.Equal([first.Id.ToString(), second.Id.ToString()], audited.Order());
        TrustFigures.Report("Members bulk actions", $"{App.GetType().Name}: bulk approve of 4 ids (2 pending, 1 approved, 1 other network's) → 2 done, 2 refused with reasons; other network unchanged");
    }

    [Fact]
    public async Task BulkSuspend_KeepsTheLastAdmin_AndChangesNothingElseOnBadInput()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var api = await tenant.ApiAsync(admin);
        var a = await tenant.MemberAsync(family: "一");
        var b = await tenant.MemberAsync(family: "二");
        var stranger = await other.MemberAsync();

        var noReason = await api.PostAsJsonAsync("/api/v1/admin/members/bulk", new { action = "suspend", memberIds = new[] { a.Id } }, Ct);
        var unknownAction = await api.PostAsJsonAsync("/api/v1/admin/members/bulk", new { action = "delete", memberIds = new[] { a.Id } }, Ct);
        var tooMany = await api.PostAsJsonAsync("/api/v1/admin/members/bulk", new { action = "suspend", reason = "x", memberIds = Enumerable.Range(1, 101).Select(i => (long)i).ToArray() }, Ct);
        await AssertValidationProblemAsync(noReason, "reason");
        await AssertValidationProblemAsync(unknownAction, "action");
        await AssertValidationProblemAsync(tooMany, "memberIds");
        Assert.Equal(MemberStatus.Approved, (await tenant.LoadMemberAsync(a.Id)).Status);

        // The network's only admin ticks everyone, themselves included.
        var response = await api.PostAsJsonAsync("/api/v1/admin/members/bulk",
            new { action = "suspend", reason = "spam wave", memberIds = new[] { a.Id, b.Id, admin.Id, stranger.Id } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(2, body.GetProperty("done").GetInt32());
        var results = body.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt64());
        Assert.Equal("Validation.NotYourself", results[admin.Id].GetProperty("code").GetString());
        Assert.Equal("Validation.NotFound", results[stranger.Id].GetProperty("code").GetString());
        Assert.Equal(MemberStatus.Suspended, (await tenant.LoadMemberAsync(a.Id)).Status);
        Assert.Equal("spam wave", (await tenant.LoadMemberAsync(b.Id)).DecisionReason);
        var self = await tenant.LoadMemberAsync(admin.Id);
        Assert.Equal((MemberStatus.Approved, MemberRole.Admin), (self.Status, self.Role));
        Assert.Equal(MemberStatus.Approved, (await other.LoadMemberAsync(stranger.Id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/admin/members", Ct)).StatusCode);
        var audited = await tenant.DbAsync(db => db.Set<AuditEntry>().CountAsync(x => x.Action == "member.suspend"));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task ExportSelected_HasTheListsColumns_AndOnlyTheChosenMembersOfThisNetwork()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var api = await tenant.ApiAsync(admin);
        var chosen = await tenant.MemberAsync(family: "選択");
        var notChosen = await tenant.MemberAsync(family: "対象外");
        var stranger = await other.MemberAsync();

        var all = await (await api.GetAsync("/api/v1/admin/members?format=csv", Ct)).Content.ReadAsStringAsync(Ct);
        var response = await api.PostAsJsonAsync("/api/v1/admin/members/export", new { memberIds = new[] { chosen.Id, stranger.Id } }, Ct);
        var csv = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(all.Split('\n')[0], csv.Split('\n')[0]);
        Assert.Contains(chosen.Email, csv);
        Assert.DoesNotContain(notChosen.Email, csv);
        Assert.DoesNotContain(stranger.Email, csv);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        await AssertValidationProblemAsync(await api.PostAsJsonAsync("/api/v1/admin/members/export", new { memberIds = Array.Empty<long>() }, Ct), "memberIds");
    }

    [Fact]
    public async Task ListPage_ShowsFiftyOfSixtyFour_WithAPageTwo_AndKeepsFiltersAndSizeInTheLinks()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        await tenant.ManyMembersAsync(63);
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, admin.Email, admin.Password);

        var first = await browser.GetStringAsync("/admin/members", Ct);
        var second = await browser.GetStringAsync("/admin/members?page=2", Ct);
        var small = await browser.GetStringAsync("/admin/members?status=Approved&size=25&page=2", Ct);
        var badSize = await browser.GetAsync("/admin/members?size=7", Ct);

        Assert.Equal(50, Rows().Matches(first).Count);
        Assert.Equal(14, Rows().Matches(second).Count);
        Assert.Contains("href=\"/admin/members?page=2\"", first);
        Assert.Equal(25, Rows().Matches(small).Count);
        Assert.Contains("href=\"/admin/members?status=Approved&amp;size=25&amp;page=3\"", small);
        // One line per member: no select of kind or role on the row itself, only in its menu.
        Assert.DoesNotContain("<select name=\"kind\"", first.Split("<tbody>")[1].Split("row-menu-pop")[0]);
        Assert.Equal(HttpStatusCode.OK, badSize.StatusCode);
        Assert.Equal(50, Rows().Matches(await badSize.Content.ReadAsStringAsync(Ct)).Count);
    }

    [Fact]
    public async Task ListPage_BulkSuspend_ReportsWhatWasDoneAndWhatWasRefused()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var a = await tenant.MemberAsync(family: "一");
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, admin.Email, admin.Password);
        var token = await Forms.GetTokenAsync(browser, "/admin/members?status=Approved");

        var posted = await browser.PostAsync("/admin/members?status=Approved&page=1&handler=Bulk", new FormUrlEncodedContent(
        [
            new("bulkAction", "suspend"), new("reason", "一斉"), new("ids", a.Id.ToString()), new("ids", admin.Id.ToString()),
            new("__RequestVerificationToken", token),
        ]), Ct);
        var page = await browser.GetStringAsync(posted.Headers.Location!.ToString(), Ct);
        var withoutToken = await browser.PostAsync("/admin/members?handler=Bulk", new FormUrlEncodedContent(
            [new("bulkAction", "approve"), new("ids", a.Id.ToString())]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/admin/members?status=Approved&page=1", posted.Headers.Location!.ToString());
        Assert.Contains("1 件を処理し、1 件は行いませんでした", page);
        Assert.Contains("自分自身のアカウント", WebUtility.HtmlDecode(page));
        Assert.Equal(MemberStatus.Suspended, (await tenant.LoadMemberAsync(a.Id)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(MemberStatus.Approved, (await tenant.LoadMemberAsync(admin.Id)).Status);
    }

    [GeneratedRegex("<tr data-member-id=")]
    private static partial Regex Rows();
}

[Collection(SqliteCollection.Name)]
public sealed class MemberAdminBulkTestsOnSqlite(SqliteApp app) : MemberAdminBulkTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MemberAdminBulkTestsOnPostgres(PostgresApp app) : MemberAdminBulkTests(app);
