using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Jobs;

/// <summary>The pages of the job board, collaborations and the community admin page, used as a person would.</summary>
public abstract class ConnectionPagesTests(AlumniApp app) : AppTest(app)
{
    static async Task<HttpClient> BrowserAsync(TestTenant tenant, TestMember member)
    {
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, TestTenant.Password);
        return browser;
    }

    [Fact]
    public async Task AdminPages_Render_AndTheNavLinksToThem()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await BrowserAsync(tenant, await tenant.AdminAsync());

        foreach (var path in new[] { "/jobs", "/jobs/edit", "/jobs/recruiters", "/collaborations", "/collaborations/edit", "/collaborations?status=proposed", "/admin/community" })
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path, Ct)).StatusCode);
        var home = await admin.GetStringAsync("/", Ct);
        Assert.Contains("href=\"/jobs\"", home);
        Assert.Contains("href=\"/collaborations\"", home);
        Assert.Contains("href=\"/admin/members\"", home);
        // The desk's own menu, on every admin page, leads to the community page's settings.
        Assert.Contains("href=\"/admin/community\"", await admin.GetStringAsync("/admin/members", Ct));
    }

    [Fact]
    public async Task MembersCannotOpenTheAdminPages_NorPostOpenings()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await BrowserAsync(tenant, await tenant.MemberAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/admin/community", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/jobs/recruiters", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/jobs/edit", Ct)).StatusCode);
        Assert.DoesNotContain("data-testid=\"new-job\"", await member.GetStringAsync("/jobs", Ct));
    }

    [Fact]
    public async Task OpeningForm_RefusesAPastClosingDate_ThenPublishes()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await BrowserAsync(tenant, await tenant.AdminAsync());
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "法人営業", ["Input.Department"] = "営業本部", ["Input.Location"] = "大阪", ["Input.Remote"] = "hybrid",
            ["Input.HowToApply"] = "メールで", ["Input.ClosesAt"] = "2020-03-31", ["Input.Status"] = "open",
        };

        var refused = await Forms.PostAsync(admin, "/jobs/edit", fields);
        fields["Input.ClosesAt"] = DateTimeOffset.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        var saved = await Forms.PostAsync(admin, "/jobs/edit", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("募集締切日は未来の日付にしてください。", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var job = await tenant.DbAsync(db => db.Set<JobOpening>().SingleAsync(Ct));
        Assert.Equal(JobStatus.Open, job.Status);
    }

    [Fact]
    public async Task RecruitersPage_LetsAnAdminMakeAMemberARecruiter()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await BrowserAsync(tenant, await tenant.AdminAsync());
        var employee = await tenant.MemberAsync(MemberKind.Employee, "人事", "花");

        var response = await Forms.PostAsync(admin, "/jobs/recruiters", new Dictionary<string, string> { ["MemberId"] = employee.Id.ToString(), ["recruiter"] = "true" });
        var bad = await Forms.PostAsync(admin, "/jobs/recruiters", new Dictionary<string, string> { ["MemberId"] = "abc", ["recruiter"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await tenant.LoadMemberAsync(employee.Id)).IsRecruiter);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var asRecruiter = await BrowserAsync(tenant, employee);
        Assert.Contains("data-testid=\"new-job\"", await asRecruiter.GetStringAsync("/jobs", Ct));
    }

    [Fact]
    public async Task ProposalForm_RecordsAProposalWithItsPeople()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync();
        var colleague = await tenant.MemberAsync(MemberKind.Employee, "田中", "一");
        var browser = await BrowserAsync(tenant, alumnus);

        var response = await Forms.PostAsync(browser, "/collaborations/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "新人研修の講師", ["Input.Stage"] = "idea", ["Input.MemberIds"] = colleague.Id.ToString(),
            ["Input.Departments"] = "人事部\n研修課", ["Input.OriginType"] = "other",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await tenant.DbAsync(db => db.Set<Collaboration>().Include(x => x.Members).SingleAsync(Ct));
        Assert.Equal(CollaborationStatus.Proposed, c.Status);
        Assert.Equal([colleague.Id], c.Members.Select(m => m.MemberId).ToList());
        Assert.Equal("人事部\n研修課", c.Departments);
    }

    [Fact]
    public async Task CommunityAdminPage_SwitchesThePageOn()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await BrowserAsync(tenant, await tenant.AdminAsync());

        var response = await Forms.PostAsync(admin, "/admin/community?handler=Toggle", new Dictionary<string, string> { ["enabled"] = "true" }, "/admin/community");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tenant.Client().GetAsync("/community", Ct)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConnectionPagesTestsOnSqlite(SqliteApp app) : ConnectionPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ConnectionPagesTestsOnPostgres(PostgresApp app) : ConnectionPagesTests(app);
