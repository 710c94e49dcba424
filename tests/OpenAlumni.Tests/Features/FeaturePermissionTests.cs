using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features;

/// <summary>
/// The job board's, the collaborations', a profile's and the member list's offers agree with what the API then
/// does: whoever is shown no button (or no can* flag) is refused, whoever is shown one is served.
/// </summary>
public abstract class FeaturePermissionTests(AlumniApp app) : AppTest(app)
{
    static bool Flag(JsonElement item, string name) => item.GetProperty(name).GetBoolean();

    static object Opening(string? status = null) => new
    {
        title = "事業開発マネージャー", department = "機械・インフラ本部", location = "東京本社", remote = "hybrid", description = "物流の経験",
        howToApply = "recruit@example.com まで", closesAt = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd"), status, keywords = "物流",
    };

    static object Referral() => new { name = "佐藤 一郎", email = "ichiro@example.com" };

    [Fact]
    public async Task JobInterest_AndReferral_FlagsAndRefusalsAgree_ByKindAndWhileOpen()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var alumnus = await tenant.ApiAsync(await tenant.MemberAsync());
        var employeeMember = await tenant.MemberAsync(MemberKind.Employee, family: "社員");
        var employee = await tenant.ApiAsync(employeeMember);
        var id = (await JsonAsync(await admin.PostAsJsonAsync("/api/v1/jobs", Opening(), Ct))).GetProperty("id").GetInt64();
        async Task<JsonElement> JobAsync(HttpClient c) => (await c.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}", Ct)).GetProperty("job");

        var seenByAlumnus = await JobAsync(alumnus);
        var seenByEmployee = await JobAsync(employee);
        var employeesPage = await (await BrowserAsync(tenant, employeeMember)).GetStringAsync($"/jobs/{id}", Ct);
        var byAlumnus = await alumnus.PostAsJsonAsync($"/api/v1/jobs/{id}/interest", new { consent = true }, Ct);
        var byEmployee = await employee.PostAsJsonAsync($"/api/v1/jobs/{id}/interest", new { consent = true }, Ct);
        var referral = await employee.PostAsJsonAsync($"/api/v1/jobs/{id}/referrals", Referral(), Ct);
        await admin.PatchAsJsonAsync($"/api/v1/jobs/{id}", new { status = "closed" }, Ct);
        var closed = await JobAsync(alumnus);
        var lateInterest = await alumnus.PostAsJsonAsync($"/api/v1/jobs/{id}/interest", new { consent = true }, Ct);
        var lateReferral = await alumnus.PostAsJsonAsync($"/api/v1/jobs/{id}/referrals", Referral(), Ct);

        Assert.True(Flag(seenByAlumnus, "canShowInterest") && Flag(seenByAlumnus, "canRefer"));
        Assert.Equal(HttpStatusCode.OK, byAlumnus.StatusCode);
        Assert.False(Flag(seenByEmployee, "canShowInterest"));
        Assert.True(Flag(seenByEmployee, "canRefer"));
        Assert.DoesNotContain("interest-form", employeesPage);
        Assert.Contains("referral-form", employeesPage);
        Assert.Equal(HttpStatusCode.Forbidden, byEmployee.StatusCode);
        Assert.Equal(HttpStatusCode.Created, referral.StatusCode);
        Assert.False(Flag(closed, "canShowInterest") || Flag(closed, "canRefer"));
        Assert.Equal(HttpStatusCode.Conflict, lateInterest.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lateReferral.StatusCode);
    }

    [Fact]
    public async Task Collaboration_EditAndDecide_FlagsAndRefusalsAgree()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var proposerMember = await tenant.MemberAsync(family: "提案");
        var proposer = await tenant.ApiAsync(proposerMember);
        var bystander = await tenant.ApiAsync(await tenant.MemberAsync(MemberKind.Employee, family: "傍観"));
        var created = await proposer.PostAsJsonAsync("/api/v1/collaborations", new { title = "共同配送PoC", stage = "idea", memberIds = new[] { proposerMember.Id } }, Ct);
        var id = (await JsonAsync(created)).GetProperty("collaboration").GetProperty("id").GetInt64();
        async Task<JsonElement> SeenAsync(HttpClient c) => (await c.GetFromJsonAsync<JsonElement>($"/api/v1/collaborations/{id}", Ct)).GetProperty("collaboration");

        var proposal = await SeenAsync(proposer);
        var proposalForAdmin = await SeenAsync(admin);
        var decideByProposer = await proposer.PostAsync($"/api/v1/collaborations/{id}/accept", null, Ct);
        var accept = await admin.PostAsync($"/api/v1/collaborations/{id}/accept", null, Ct);
        var decided = await SeenAsync(admin);
        var decideAgain = await admin.PostAsync($"/api/v1/collaborations/{id}/decline", null, Ct);
        var seenByBystander = await SeenAsync(bystander);
        var editByBystander = await bystander.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "talking" }, Ct);
        var editByProposer = await proposer.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "talking" }, Ct);

        Assert.True(Flag(proposal, "canEdit"));
        Assert.False(Flag(proposal, "canDecide"));
        Assert.Equal(HttpStatusCode.Forbidden, decideByProposer.StatusCode);
        Assert.True(Flag(proposalForAdmin, "canDecide"));
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.False(Flag(decided, "canDecide"));
        Assert.Equal(HttpStatusCode.Conflict, decideAgain.StatusCode);
        Assert.False(Flag(seenByBystander, "canEdit"));
        Assert.Equal(HttpStatusCode.Forbidden, editByBystander.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editByProposer.StatusCode);
    }

    [Fact]
    public async Task Profile_OffersMessageAndConsultation_OnlyWhenTheServicesWouldTakeThem()
    {
        var tenant = await App.CreateTenantAsync();
        var adviser = await tenant.MemberAsync(family: "相談", edit: m => m.OpenTo = OpenTo.Consultation);
        var meMember = await tenant.MemberAsync(MemberKind.Employee, family: "社員");
        var me = await tenant.ApiAsync(meMember);
        var browser = await BrowserAsync(tenant, meMember);
        object Ask() => new { memberId = adviser.Id, topic = "新規事業", goal = "進め方を伺いたい", format = "onlineCall" };

        var before = await browser.GetStringAsync($"/members/{adviser.Id}", Ct);
        // The adviser blocks me: the block stops both, whoever set it.
        await (await tenant.ApiAsync(adviser)).PostAsJsonAsync("/api/v1/me/blocks", new { memberId = meMember.Id }, Ct);
        var after = await browser.GetStringAsync($"/members/{adviser.Id}", Ct);
        var message = await me.PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { adviser.Id }, body = "こんにちは" }, Ct);
        var consultation = await me.PostAsJsonAsync("/api/v1/consultations", Ask(), Ct);

        Assert.Contains("send-message-link", before);
        Assert.Contains("request-consultation", before);
        Assert.DoesNotContain("send-message-link", after);
        Assert.DoesNotContain("request-consultation", after);
        Assert.Equal(HttpStatusCode.Forbidden, message.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, consultation.StatusCode);
    }

    [Fact]
    public async Task MemberList_OffersSuspendAndReinstate_AsTheServiceAllowsThem()
    {
        var tenant = await App.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        var admin = await tenant.ApiAsync(adminMember);
        var target = await tenant.MemberAsync(family: "対象");
        async Task<JsonElement> RowAsync(long id) => (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/members", Ct))
            .GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == id);

        var own = await RowAsync(adminMember.Id);
        var suspendSelf = await admin.PostAsJsonAsync($"/api/v1/admin/members/{adminMember.Id}/suspend", new { reason = "x" }, Ct);
        var approved = await RowAsync(target.Id);
        var reinstateApproved = await admin.PostAsJsonAsync($"/api/v1/admin/members/{target.Id}/reinstate", new { }, Ct);
        var suspend = await admin.PostAsJsonAsync($"/api/v1/admin/members/{target.Id}/suspend", new { reason = "spam" }, Ct);
        var suspended = await RowAsync(target.Id);
        var suspendAgain = await admin.PostAsJsonAsync($"/api/v1/admin/members/{target.Id}/suspend", new { reason = "spam" }, Ct);

        Assert.False(Flag(own, "canSuspend"));
        Assert.Equal(HttpStatusCode.Conflict, suspendSelf.StatusCode);
        Assert.True(Flag(approved, "canSuspend"));
        Assert.False(Flag(approved, "canReinstate"));
        Assert.Equal(HttpStatusCode.Conflict, reinstateApproved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.False(Flag(suspended, "canSuspend"));
        Assert.True(Flag(suspended, "canReinstate"));
        Assert.Equal(HttpStatusCode.Conflict, suspendAgain.StatusCode);
    }

    static async Task<HttpClient> BrowserAsync(TestTenant tenant, TestMember member)
    {
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FeaturePermissionTestsOnSqlite(SqliteApp app) : FeaturePermissionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FeaturePermissionTestsOnPostgres(PostgresApp app) : FeaturePermissionTests(app);
