using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using static OpenAlumni.Tests.Infrastructure.DeskTestData;

namespace OpenAlumni.Tests.Features.MemberAdmin;

public abstract class MemberAdminTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task List_FiltersByKindStatusDepartmentOpenToAndActivity_ForAdminsOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var api = await tenant.ApiAsync(admin);
        var consultant = await tenant.MemberAsync(family: "相談", edit: m => { m.OpenTo = OpenTo.Consultation | OpenTo.Rehire; m.Career[0].Department = "経理部"; });
        var employee = await tenant.MemberAsync(MemberKind.Employee, family: "社員");
        var pending = await tenant.MemberAsync(family: "保留", status: MemberStatus.Pending);
        var member = await tenant.ApiAsync(consultant);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/members/me", Ct)).StatusCode);

        async Task<long[]> Ids(string query) => (await JsonAsync(await api.GetAsync("/api/v1/admin/members?" + query, Ct)))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order().ToArray();

        Assert.Equal([admin.Id, employee.Id], await Ids("kind=employee&status=approved"));
        Assert.Equal([pending.Id], await Ids("status=pending"));
        Assert.Equal([consultant.Id], await Ids("department=経理&openTo=consultation,rehire"));
        // The consultant has just used the API, so they are "active"; the others never signed in.
        Assert.Contains(consultant.Id, await Ids("activeDays=30"));
        Assert.DoesNotContain(employee.Id, await Ids("activeDays=30"));
        Assert.Contains(employee.Id, await Ids("inactiveDays=30"));
        await AssertValidationProblemAsync(await api.GetAsync("/api/v1/admin/members?kind=robot&activeDays=0", Ct), "kind", "activeDays");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/admin/members", Ct)).StatusCode);
        var lastActive = await tenant.DbAsync(db => db.Members.Where(m => m.Id == consultant.Id).Select(m => m.LastActiveAt).SingleAsync());
        Assert.NotNull(lastActive);
    }

    [Fact]
    public async Task Suspend_BlocksSignIn_AndTheMembersTokens_UntilReinstated_AndIsAudited()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var target = await tenant.MemberAsync();
        var theirApi = await tenant.ApiAsync(target);
        Assert.Equal(HttpStatusCode.OK, (await theirApi.GetAsync("/api/v1/members/me", Ct)).StatusCode);

        var noReason = await admin.PostAsJsonAsync($"/api/v1/admin/members/{target.Id}/suspend", new { reason = "" }, Ct);
        var suspended = await admin.PostAsJsonAsync($"/api/v1/admin/members/{target.Id}/suspend", new { reason = "spam" }, Ct);
        var oldToken = await theirApi.GetAsync("/api/v1/members/me", Ct);
        var login = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = target.Email, password = target.Password }, Ct);
        var reinstated = await admin.PostAsJsonAsync($"/api/v1/admin/members/{target.Id}/reinstate", new { reason = "cleared" }, Ct);
        var loginAgain = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = target.Email, password = target.Password }, Ct);

        await AssertValidationProblemAsync(noReason, "reason");
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal("suspended", (await JsonAsync(suspended)).GetProperty("status").GetString());
        // The token no longer carries a membership here (its security stamp is stale).
        Assert.Contains(oldToken.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reinstated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loginAgain.StatusCode);
        var entry = Assert.Single(await AuditAsync(tenant, "member.suspend"));
        Assert.Equal(target.Id.ToString(), entry.TargetId);
        Assert.DoesNotContain("@", entry.After + entry.Before);
        Assert.Single(await AuditAsync(tenant, "member.reinstate"));
    }

    [Fact]
    public async Task SuspendedMember_CannotOpenThePages()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var target = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, target.Email, target.Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/members", Ct)).StatusCode);

        await admin.PostAsJsonAsync($"/api/v1/admin/members/{target.Id}/suspend", new { reason = "spam" }, Ct);
        var page = await browser.GetAsync("/members", Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Matches("/accounts/(login|accessdenied)", page.Headers.Location!.ToString());
    }

    [Fact]
    public async Task TwoAdminsSuspendingEachOtherAtOnce_LeaveOneAdmin()
    {
        var tenant = await App.CreateTenantAsync();
        var a = await tenant.AdminAsync();
        var b = await tenant.AdminAsync();
        var (apiA, apiB) = (await tenant.ApiAsync(a), await tenant.ApiAsync(b));

        var answers = await Task.WhenAll(
            apiA.PostAsJsonAsync($"/api/v1/admin/members/{b.Id}/suspend", new { reason = "交代" }, Ct),
            apiB.PostAsJsonAsync($"/api/v1/admin/members/{a.Id}/suspend", new { reason = "交代" }, Ct));

        Assert.DoesNotContain(answers, r => r.StatusCode == HttpStatusCode.InternalServerError);
        var statuses = new[] { (await tenant.LoadMemberAsync(a.Id)).Status, (await tenant.LoadMemberAsync(b.Id)).Status };
        Assert.Contains(MemberStatus.Approved, statuses);
    }

    [Fact]
    public async Task ChangeKindAndRole_ButTheLastAdminCannotBeRemoved()
    {
        var tenant = await App.CreateTenantAsync();
        var first = await tenant.AdminAsync();
        var api = await tenant.ApiAsync(first);
        var member = await tenant.MemberAsync();

        var selfDemote = await api.PatchAsJsonAsync($"/api/v1/admin/members/{first.Id}", new { role = "member" }, Ct);
        var promote = await api.PatchAsJsonAsync($"/api/v1/admin/members/{member.Id}", new { role = "admin", kind = "employee" }, Ct);
        var bad = await api.PatchAsJsonAsync($"/api/v1/admin/members/{member.Id}", new { role = "owner" }, Ct);
        var demoteNow = await api.PatchAsJsonAsync($"/api/v1/admin/members/{first.Id}", new { role = "member" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, selfDemote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        var promoted = await JsonAsync(promote);
        Assert.Equal("admin", promoted.GetProperty("role").GetString());
        Assert.Equal("employee", promoted.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, demoteNow.StatusCode);
        await AssertValidationProblemAsync(bad, "role");
        Assert.Equal(2, (await AuditAsync(tenant, "member.role")).Count);
        var kindOnly = await api.PatchAsJsonAsync($"/api/v1/admin/members/{member.Id}", new { kind = "alumni" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, kindOnly.StatusCode); // the first admin is a member now
        var secondApi = await tenant.ApiAsync(member);
        var lastOne = await secondApi.PostAsJsonAsync($"/api/v1/admin/members/{member.Id}/suspend", new { reason = "x" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, lastOne.StatusCode);
        var kind = await secondApi.PatchAsJsonAsync($"/api/v1/admin/members/{first.Id}", new { kind = "alumni" }, Ct);
        Assert.Equal("alumni", (await JsonAsync(kind)).GetProperty("kind").GetString());
        Assert.Single(await AuditAsync(tenant, "member.kind"));
    }

    [Fact]
    public async Task Merge_MovesPostsCommentsReactionsAndRsvps_ThenRemovesTheDuplicate()
    {
        var tenant = await App.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        var admin = await tenant.ApiAsync(adminMember);
        var keep = await tenant.MemberAsync(family: "山田", given: "花子");
        var dup = await tenant.MemberAsync(family: "山田", given: "花子");
        var dupApi = await tenant.ApiAsync(dup);
        var keepApi = await tenant.ApiAsync(keep);
        var post = await JsonAsync(await dupApi.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = "近況", body = "元気です" }, Ct));
        var postId = post.GetProperty("id").GetInt64();
        await dupApi.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { body = "追記" }, Ct);
        await dupApi.PostAsJsonAsync($"/api/v1/posts/{postId}/reactions", new { kind = "like" }, Ct);
        await keepApi.PostAsJsonAsync($"/api/v1/posts/{postId}/reactions", new { kind = "like" }, Ct);
        var bothEvent = await EventTestData.CreateAsync(admin, EventTestData.Meetup(capacity: 10));
        var dupEvent = await EventTestData.CreateAsync(admin, EventTestData.Meetup(capacity: 10));
        await dupApi.PostAsync($"/api/v1/events/{bothEvent}/rsvp", null, Ct);
        await keepApi.PostAsync($"/api/v1/events/{bothEvent}/rsvp", null, Ct);
        await dupApi.PostAsync($"/api/v1/events/{dupEvent}/rsvp", null, Ct);
        var conversation = await dupApi.PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { adminMember.Id }, body = "はじめまして" }, Ct);
        Assert.Equal(HttpStatusCode.Created, conversation.StatusCode);

        var merged = await admin.PostAsJsonAsync($"/api/v1/admin/members/{keep.Id}/merge", new { duplicateId = dup.Id }, Ct);

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(keep.Id, await tenant.DbAsync(db => db.Set<Post>().Where(p => p.Id == postId).Select(p => p.AuthorMemberId).SingleAsync()));
        Assert.Equal(keep.Id, await tenant.DbAsync(db => db.Set<Comment>().Where(c => c.PostId == postId).Select(c => c.AuthorMemberId).SingleAsync()));
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<Reaction>().CountAsync(r => r.PostId == postId)));
        Assert.Equal(2, await tenant.DbAsync(db => db.Set<Rsvp>().CountAsync(r => r.MemberId == keep.Id)));
        Assert.Equal(1, (await EventTestData.GetAsync(admin, bothEvent)).GetProperty("confirmedCount").GetInt32());
        Assert.Equal(keep.Id, await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Features.Messages.Message>().Select(m => m.SenderMemberId).SingleAsync()));
        Assert.False(await tenant.DbAsync(db => db.Members.AnyAsync(m => m.Id == dup.Id)));
        Assert.False(await tenant.DbAsync(db => db.Users.AnyAsync(u => u.Email == dup.Email)));
        Assert.Single(await AuditAsync(tenant, "member.merge"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/v1/admin/members/999999/merge", new { duplicateId = keep.Id }, Ct)).StatusCode);
    }

    [Fact]
    public async Task ExportCsv_HasBom_EscapesFormulaCells_AndIsAudited()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        await tenant.MemberAsync(family: "=HYPERLINK(\"http://evil\")", given: "花子", edit: m => m.Organization = "+81 株式会社");

        var response = await admin.GetAsync("/api/v1/admin/members?format=csv", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("花子", text);
        Assert.Contains("'=HYPERLINK", text);
        Assert.Contains("'+81", text);
        Assert.DoesNotContain(",=HYPERLINK", text);
        Assert.StartsWith("Id,FamilyName,GivenName", text);
        var entry = Assert.Single(await AuditAsync(tenant, "member.export"));
        Assert.Contains("\"count\":2", entry.After);
    }

    [Fact]
    public async Task AnotherNetworksMember_IsNotFound()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var stranger = await other.MemberAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/admin/members/{stranger.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/v1/admin/members/{stranger.Id}/suspend", new { reason = "x" }, Ct)).StatusCode);
        Assert.Equal(MemberStatus.Approved, (await other.LoadMemberAsync(stranger.Id)).Status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MemberAdminTestsOnSqlite(SqliteApp app) : MemberAdminTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MemberAdminTestsOnPostgres(PostgresApp app) : MemberAdminTests(app);
