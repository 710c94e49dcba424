using System.Net;
using System.Net.Http.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Registrations;

public abstract class AdminRegistrationsApiTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Queue_ListsPendingRegistrationsOfThisNetworkOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending, family: "保留");
        await tenant.MemberAsync(family: "承認済");
        await other.MemberAsync(status: MemberStatus.Pending);

        var body = await JsonAsync(await (await tenant.ApiAsync(admin)).GetAsync("/api/v1/admin/registrations?status=Pending", Ct));

        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.Equal(pending.Id, items.Single().GetProperty("id").GetInt64());
        Assert.Equal(pending.Email, items.Single().GetProperty("email").GetString());
    }

    [Fact]
    public async Task Approve_MakesTheMemberApprovedAndTellsThemByMail()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);

        var response = await (await tenant.ApiAsync(admin)).PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/approve", new { reason = "Welcome back!" }, Ct);
        var directory = await (await tenant.ApiAsync(pending)).GetAsync("/api/v1/members", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Approved", (await JsonAsync(response)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, directory.StatusCode);
        var mail = Mailbox.Last(App, pending.Email);
        Assert.Contains("approved", mail.Subject);
        Assert.Contains("Welcome back!", mail.TextBody);
    }

    [Fact]
    public async Task Reject_NeedsAReason_AndTellsTheApplicantIt()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);
        var api = await tenant.ApiAsync(admin);

        var withoutReason = await api.PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/reject", new { }, Ct);
        var statusAfterRefusal = (await tenant.LoadMemberAsync(pending.Id)).Status;
        var withReason = await api.PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/reject", new { reason = "Not on our roster" }, Ct);

        await AssertValidationProblemAsync(withoutReason, "reason");
        Assert.Equal(MemberStatus.Pending, statusAfterRefusal);
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        Assert.Equal(MemberStatus.Rejected, (await tenant.LoadMemberAsync(pending.Id)).Status);
        Assert.Contains("Not on our roster", Mailbox.Last(App, pending.Email).TextBody);
    }

    [Fact]
    public async Task Decide_Twice_IsA409()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);
        var api = await tenant.ApiAsync(admin);
        await api.PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/approve", new { }, Ct);

        var again = await api.PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/reject", new { reason = "changed my mind" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(MemberStatus.Approved, (await tenant.LoadMemberAsync(pending.Id)).Status);
    }

    [Fact]
    public async Task TwoAdminsDecidingAtOnce_OnlyOneDecisionIsTaken()
    {
        var tenant = await App.CreateTenantAsync();
        var first = await tenant.ApiAsync(await tenant.AdminAsync());
        var second = await tenant.ApiAsync(await tenant.AdminAsync());
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);

        var responses = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/approve", new { }, Ct),
            second.PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/reject", new { reason = "duplicate" }, Ct));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Single(Mailbox.For(App, pending.Email));
    }

    [Fact]
    public async Task Queue_IsForAdminsOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);
        var api = await tenant.ApiAsync(member);

        var list = await api.GetAsync("/api/v1/admin/registrations", Ct);
        var approve = await api.PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/approve", new { }, Ct);
        var anonymous = await tenant.Client().GetAsync("/api/v1/admin/registrations", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(MemberStatus.Pending, (await tenant.LoadMemberAsync(pending.Id)).Status);
    }

    [Fact]
    public async Task Queue_WithUnknownStatus_Is400()
    {
        var tenant = await App.CreateTenantAsync();
        var api = await tenant.ApiAsync(await tenant.AdminAsync());

        var response = await api.GetAsync("/api/v1/admin/registrations?status=Whatever", Ct);

        await AssertValidationProblemAsync(response, "status");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AdminRegistrationsApiTestsOnSqlite(SqliteApp app) : AdminRegistrationsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AdminRegistrationsApiTestsOnPostgres(PostgresApp app) : AdminRegistrationsApiTests(app);
