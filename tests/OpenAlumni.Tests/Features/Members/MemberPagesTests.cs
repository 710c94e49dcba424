using System.Net;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Members;

public abstract class MemberPagesTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task ApprovalPage_AdminApprovesAnApplicant()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var applicant = await tenant.MemberAsync(status: MemberStatus.Pending, family: "申請");
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, admin.Email, admin.Password);

        var queue = await browser.GetStringAsync("/admin/registrations", Ct);
        var approve = await Forms.PostAsync(browser, $"/admin/registrations?handler=Approve&id={applicant.Id}", new Dictionary<string, string> { ["reason"] = "" }, "/admin/registrations");

        Assert.Contains("申請 花子", queue);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(MemberStatus.Approved, (await tenant.LoadMemberAsync(applicant.Id)).Status);
    }

    [Fact]
    public async Task ApprovalPage_RejectWithoutReason_ShowsTheErrorAndChangesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var applicant = await tenant.MemberAsync(status: MemberStatus.Pending);
        var browser = tenant.Client("en");
        await Forms.SignInAsync(browser, admin.Email, admin.Password);

        var reject = await Forms.PostAsync(browser, $"/admin/registrations?handler=Reject&id={applicant.Id}", new Dictionary<string, string> { ["reason"] = " " }, "/admin/registrations");

        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        Assert.Contains("この項目は必須です。", await reject.Content.ReadAsStringAsync(Ct));
        Assert.Equal(MemberStatus.Pending, (await tenant.LoadMemberAsync(applicant.Id)).Status);
    }

    [Fact]
    public async Task ApprovalPage_IsNotForMembers()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);

        var response = await browser.GetAsync("/admin/registrations", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/accounts/accessdenied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task DirectoryPage_SearchesAndShowsOnlyVisibleFields()
    {
        var tenant = await App.CreateTenantAsync();
        await tenant.MemberAsync(family: "森", given: "誠", edit: m =>
        {
            m.FamilyNameKana = "もり"; m.Organization = "Northwind Consulting"; m.Title = "Partner";
            m.Location = "大阪府"; m.LocationVisibility = Visibility.Admins;
        });
        var viewer = await tenant.MemberAsync(family: "青木");
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, viewer.Email, viewer.Password);

        var html = await browser.GetStringAsync("/members?q=" + Uri.EscapeDataString("もり"), Ct);

        Assert.Contains("森 誠", html);
        Assert.Contains("Northwind Consulting", html);
        Assert.DoesNotContain("大阪府", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"member-card\""));
        Assert.Contains("Members found: 1", html);
    }

    [Fact]
    public async Task ProfilePage_OfAnotherTenantsMember_Is404()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var stranger = await other.MemberAsync();
        var viewer = await tenant.MemberAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, viewer.Email, viewer.Password);

        var response = await browser.GetAsync($"/members/{stranger.Id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task EditPage_SavesTheProfileAndItsVisibility()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync();
        var browser = tenant.Client("en");
        await Forms.SignInAsync(browser, me.Email, me.Password);

        var response = await Forms.PostAsync(browser, "/members/edit", new Dictionary<string, string>
        {
            ["Input.FamilyName"] = "山田", ["Input.GivenName"] = "花子", ["Input.Organization"] = "株式会社ミライ物流",
            ["Input.Location"] = "福岡県", ["Input.Visibility.Location"] = "Employees", ["Input.Skills"] = "物流、事業開発, M&A",
            ["Input.Career[0].Department"] = "機械本部", ["Input.Career[0].FromYear"] = "2009", ["Input.Career[0].ToYear"] = "2019",
            ["Input.OpenTo"] = "Consultation",
        });
        var saved = await tenant.LoadMemberAsync(me.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("株式会社ミライ物流", saved.Organization);
        Assert.Equal(Visibility.Employees, saved.LocationVisibility);
        Assert.Equal(["物流", "事業開発", "M&A"], saved.Tags.OrderBy(t => t.Id).Select(t => t.Name));
        Assert.Equal("機械本部", saved.Career.Single().Department);
        Assert.Equal(OpenTo.Consultation, saved.OpenTo);
    }

    [Fact]
    public async Task EditPage_InvalidInput_IsShownWithMessagesAndNothingIsSaved()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync(edit: m => m.Organization = "Before");
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, me.Email, me.Password);

        var response = await Forms.PostAsync(browser, "/members/edit", new Dictionary<string, string>
        {
            ["Input.FamilyName"] = "", ["Input.GivenName"] = "花子", ["Input.Organization"] = "After",
            ["Input.Links"] = "ftp://example.com", ["Input.Career[0].Department"] = "機械本部", ["Input.Career[0].FromYear"] = "twenty",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a year as a number", html);
        Assert.Contains("This field is required.", html);
        Assert.Contains("http:// or https://", html);
        Assert.Equal("Before", (await tenant.LoadMemberAsync(me.Id)).Organization);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MemberPagesTestsOnSqlite(SqliteApp app) : MemberPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MemberPagesTestsOnPostgres(PostgresApp app) : MemberPagesTests(app);
