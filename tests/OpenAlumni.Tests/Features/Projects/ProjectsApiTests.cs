using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Outcomes;
using OpenAlumni.Web.Features.Projects;

namespace OpenAlumni.Tests.Features.Projects;

/// <summary>
/// Side projects: who posts, edits and decides; applying once while open; a confidential scope; matching skills first;
/// an engagement recorded in the outcome ledger; bad input; another network's projects.
/// </summary>
public abstract class ProjectsApiTests(AlumniApp app) : AppTest(app)
{
    static string Future(int days = 30) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd");

    static object Project(string title = "新規事業の市場調査", string skills = "市場調査, 事業開発", bool confidential = false, string? closesAt = null) => new
    {
        title, description = "東南アジアの食品市場を**3か月**で調査します。", skills, department = "新規事業開発室",
        startsOn = Future(40), endsOn = Future(130), hoursPerWeek = 8, remote = "remote", place = "", feeMinYen = 300_000, feeMaxYen = 500_000,
        closesAt = closesAt ?? Future(), confidential,
    };

    static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/projects", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    static async Task<long> ApplyAsync(HttpClient client, long project, string note = "食品業界で8年の経験があります。平日夜と週末に対応できます。")
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{project}/applications", new { note }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task AMemberPosts_OthersApplyOnce_AndThePosterDecides()
    {
        var tenant = await App.CreateTenantAsync();
        var posterMember = await tenant.MemberAsync(MemberKind.Employee, "募集", "部署");
        var poster = await tenant.ClientForAsync(posterMember);
        var applicantMember = await tenant.MemberAsync(family: "応募", given: "花子");
        var applicant = await tenant.ClientForAsync(applicantMember);
        var bystander = await tenant.ClientForAsync(await tenant.MemberAsync());
        var id = (await PostAsync(poster, Project())).GetProperty("id").GetInt64();

        var byPoster = await poster.PostAsJsonAsync($"/api/v1/projects/{id}/applications", new { note = "自分で応募" }, Ct);
        var application = await ApplyAsync(applicant, id);
        var again = await applicant.PostAsJsonAsync($"/api/v1/projects/{id}/applications", new { note = "もう一度" }, Ct);
        var bystanderReads = await bystander.GetAsync($"/api/v1/projects/{id}/applications", Ct);
        var bystanderEdits = await bystander.PatchAsJsonAsync($"/api/v1/projects/{id}", new { title = "乗っ取り" }, Ct);
        var bystanderDecides = await bystander.PatchAsJsonAsync($"/api/v1/projects/{id}/applications/{application}", new { status = "shortlisted" }, Ct);
        var shortlisted = await poster.PatchAsJsonAsync($"/api/v1/projects/{id}/applications/{application}", new { status = "shortlisted", answer = "来週お話しできますか。" }, Ct);
        var applications = await poster.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/applications", Ct);
        var seenByApplicant = await applicant.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byPoster.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bystanderReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bystanderEdits.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bystanderDecides.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shortlisted.StatusCode);
        var row = Assert.Single(applications.EnumerateArray());
        Assert.Equal("応募 花子", row.GetProperty("member").GetProperty("displayName").GetString());
        Assert.Equal("shortlisted", row.GetProperty("status").GetString());
        Assert.Equal("shortlisted", seenByApplicant.GetProperty("myApplication").GetProperty("status").GetString());
        Assert.Equal("来週お話しできますか。", seenByApplicant.GetProperty("myApplication").GetProperty("answer").GetString());
        Assert.False(seenByApplicant.GetProperty("canApply").GetBoolean());
        // The poster heard of the application, the applicant of the answer, each by mail.
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Infrastructure.Outbox.OutboxMessage>().CountAsync(m => m.TenantId == tenant.Info.Id && m.Key.StartsWith("project-application:"), Ct)));
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Infrastructure.Outbox.OutboxMessage>().CountAsync(m => m.TenantId == tenant.Info.Id && m.Key.StartsWith("project-decision:"), Ct)));
    }

    [Fact]
    public async Task Engaging_RecordsASideProjectOutcome_LinkedToTheProject()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var posterMember = await tenant.MemberAsync(MemberKind.Employee, "募集", "部署");
        var poster = await tenant.ClientForAsync(posterMember);
        var applicantMember = await tenant.MemberAsync(family: "応募", given: "花子");
        var id = (await PostAsync(poster, Project())).GetProperty("id").GetInt64();
        var application = await ApplyAsync(await tenant.ClientForAsync(applicantMember), id);

        var badValue = await poster.PostAsJsonAsync($"/api/v1/projects/{id}/applications/{application}/engage", new { valueYen = -1 }, Ct);
        var engaged = await poster.PostAsJsonAsync($"/api/v1/projects/{id}/applications/{application}/engage", new { valueYen = 1_200_000 }, Ct);
        var twice = await poster.PostAsJsonAsync($"/api/v1/projects/{id}/applications/{application}/engage", new { }, Ct);
        var ledger = await admin.GetFromJsonAsync<JsonElement>("/api/v1/outcomes?kind=sideProject", Ct);
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics/outcomes", Ct);
        var fromProject = await admin.PostAsJsonAsync("/api/v1/outcomes", new { kind = "deal", date = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"), source = new { type = "project", id } }, Ct);

        await AssertValidationProblemAsync(badValue, "valueYen");
        Assert.Equal(HttpStatusCode.OK, engaged.StatusCode);
        var outcomeId = (await JsonAsync(engaged)).GetProperty("outcomeId").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var outcome = Assert.Single(ledger.GetProperty("items").EnumerateArray());
        Assert.Equal(outcomeId, outcome.GetProperty("id").GetInt64());
        Assert.Equal("project", outcome.GetProperty("source").GetProperty("type").GetString());
        Assert.Equal("新規事業の市場調査", outcome.GetProperty("source").GetProperty("title").GetString());
        Assert.Equal(1_200_000, outcome.GetProperty("valueYen").GetInt64());
        Assert.Equal(new[] { applicantMember.Id, posterMember.Id }.Order(), outcome.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).Order());
        Assert.Equal(["新規事業開発室"], outcome.GetProperty("departments").EnumerateArray().Select(d => d.GetString()));
        var projects = report.GetProperty("attribution").EnumerateArray().Single(a => a.GetProperty("source").GetString() == "projects");
        Assert.Equal(1, projects.GetProperty("activities").GetInt32());
        Assert.Equal(1, projects.GetProperty("outcomes").GetInt32());
        Assert.Equal(1_200_000, projects.GetProperty("valueYen").GetInt64());
        Assert.Equal(HttpStatusCode.Created, fromProject.StatusCode);
        Assert.Contains("\"sourceId\":" + id, Assert.Single(await DeskTestData.AuditAsync(tenant, "outcome.create"), a => a.After!.Contains("sideProject")).After);
        // A double click on "engage" records one outcome.
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<Outcome>().CountAsync(o => o.Source == OutcomeSource.Project && o.Kind == OutcomeKind.SideProject, Ct)));
    }

    [Fact]
    public async Task AConfidentialScope_IsForThePosterAndTheShortlisted_AndIsNotSearched()
    {
        var tenant = await App.CreateTenantAsync();
        var poster = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee));
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var applicant = await tenant.ClientForAsync(await tenant.MemberAsync());
        var other = await tenant.ClientForAsync(await tenant.MemberAsync());
        var id = (await PostAsync(poster, Project(confidential: true))).GetProperty("id").GetInt64();
        var application = await ApplyAsync(applicant, id);

        var beforeShortlist = await applicant.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}", Ct);
        var byOther = await other.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}", Ct);
        var search = await other.GetFromJsonAsync<JsonElement>("/api/v1/projects?q=東南アジア", Ct);
        var byAdmin = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}", Ct);
        await poster.PatchAsJsonAsync($"/api/v1/projects/{id}/applications/{application}", new { status = "shortlisted" }, Ct);
        var afterShortlist = await applicant.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}", Ct);

        Assert.Equal(JsonValueKind.Null, beforeShortlist.GetProperty("description").ValueKind);
        Assert.True(beforeShortlist.GetProperty("detailsHidden").GetBoolean());
        Assert.DoesNotContain("東南アジア", byOther.GetRawText());
        Assert.Equal("新規事業の市場調査", byOther.GetProperty("title").GetString());
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        Assert.Contains("東南アジア", byAdmin.GetProperty("description").GetString());
        Assert.Contains("東南アジア", afterShortlist.GetProperty("description").GetString());
    }

    [Fact]
    public async Task MembersOpenToSideProjects_SeeTheMatchingProjectsFirst()
    {
        var tenant = await App.CreateTenantAsync();
        var poster = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee));
        var open = await tenant.ClientForAsync(await tenant.MemberAsync(edit: m =>
        {
            m.OpenTo = OpenTo.SideProjects;
            m.Tags.Add(new ProfileTag { Kind = TagKind.Skill, Name = "Scope3算定", Key = OpenAlumni.Web.Infrastructure.Search.SearchText.Normalize("Scope3算定") });
        }));
        var notOpen = await tenant.ClientForAsync(await tenant.MemberAsync(edit: m =>
            m.Tags.Add(new ProfileTag { Kind = TagKind.Skill, Name = "Scope3算定", Key = OpenAlumni.Web.Infrastructure.Search.SearchText.Normalize("Scope3算定") })));
        var soon = (await PostAsync(poster, Project("英文IR資料の翻訳", "翻訳, 英語", closesAt: Future(5)))).GetProperty("id").GetInt64();
        var matching = (await PostAsync(poster, Project("サプライヤーのScope3算定支援", "Scope3算定, 脱炭素", closesAt: Future(50)))).GetProperty("id").GetInt64();

        var forOpen = await open.GetFromJsonAsync<JsonElement>("/api/v1/projects", Ct);
        var forNotOpen = await notOpen.GetFromJsonAsync<JsonElement>("/api/v1/projects", Ct);

        Assert.Equal([matching, soon], forOpen.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
        Assert.Equal(1, forOpen.GetProperty("items")[0].GetProperty("matches").GetInt32());
        Assert.Equal([soon, matching], forNotOpen.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("title", "{\"description\":\"d\",\"remote\":\"remote\",\"closesAt\":\"2099-01-01\"}")]
    [InlineData("description", "{\"title\":\"t\",\"remote\":\"remote\",\"closesAt\":\"2099-01-01\"}")]
    [InlineData("remote", "{\"title\":\"t\",\"description\":\"d\",\"remote\":\"moon\",\"closesAt\":\"2099-01-01\"}")]
    [InlineData("place", "{\"title\":\"t\",\"description\":\"d\",\"remote\":\"onsite\",\"closesAt\":\"2099-01-01\"}")]
    [InlineData("closesAt", "{\"title\":\"t\",\"description\":\"d\",\"remote\":\"remote\"}")]
    [InlineData("closesAt", "{\"title\":\"t\",\"description\":\"d\",\"remote\":\"remote\",\"closesAt\":\"2020-01-01\"}")]
    [InlineData("hoursPerWeek", "{\"title\":\"t\",\"description\":\"d\",\"remote\":\"remote\",\"closesAt\":\"2099-01-01\",\"hoursPerWeek\":61}")]
    [InlineData("skills", "{\"title\":\"t\",\"description\":\"d\",\"remote\":\"remote\",\"closesAt\":\"2099-01-01\",\"skills\":\"aaaaaaaaaaaaaaaaaaaaaaaa、bbbbbbbbbbbbbbbbbbbbbbbb、cccccccccccccccccccccccc、dddddddddddddddddddddddd、eeeeeeeeeeeeeeeeeeeeeeee、ffffffffffffffffffffffff、gggggggggggggggggggggggg、hhhhhhhhhhhhhhhhhhhhhhhh、iiiiiiiiiiiiiiiiiiiiiiii、jjjjjjjjjjjjjjjjjjjjjjjj、kkkkkkkkkkkkkkkkkkkkkkkk、llllllllllllllllllllllll、mmmmmmmmmmmmmmmmmmmmmmmm、nnnnnnnnnnnnnnnnnnnnnnnn、oooooooooooooooooooooooo、pppppppppppppppppppppppp、qqqqqqqqqqqqqqqqqqqqqqqq、rrrrrrrrrrrrrrrrrrrrrrrr、ssssssssssssssssssssssss、tttttttttttttttttttttttt\"}")]
    [InlineData("endsOn", "{\"title\":\"t\",\"description\":\"d\",\"remote\":\"remote\",\"closesAt\":\"2099-01-01\",\"startsOn\":\"2099-03-01\",\"endsOn\":\"2099-02-01\"}")]
    [InlineData("feeMaxYen", "{\"title\":\"t\",\"description\":\"d\",\"remote\":\"remote\",\"closesAt\":\"2099-01-01\",\"feeMinYen\":500000,\"feeMaxYen\":100000}")]
    [InlineData("feeMinYen", "{\"title\":\"t\",\"description\":\"d\",\"remote\":\"remote\",\"closesAt\":\"2099-01-01\",\"feeMinYen\":-5}")]
    public async Task Post_WithBadInput_Is400AndWritesNothing(string field, string json)
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ClientForAsync(await tenant.MemberAsync());

        var response = await member.PostAsync("/api/v1/projects", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<Project>().CountAsync(Ct)));
    }

    [Fact]
    public async Task AnEdit_IsCheckedAsTheProjectWouldEndUp_AndABadOneChangesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var poster = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee));
        var id = (await PostAsync(poster, Project())).GetProperty("id").GetInt64();

        var upsideDown = await poster.PatchAsJsonAsync($"/api/v1/projects/{id}", new { feeMaxYen = 100_000, title = "変更" }, Ct);
        var lowerOnly = await poster.PatchAsJsonAsync($"/api/v1/projects/{id}", new { feeMinYen = 400_000 }, Ct);
        var toDiscuss = await poster.PatchAsJsonAsync($"/api/v1/projects/{id}", new { feeToDiscuss = true, hoursPerWeek = 0 }, Ct);

        await AssertValidationProblemAsync(upsideDown, "feeMaxYen");
        var kept = await JsonAsync(lowerOnly);
        Assert.Equal("新規事業の市場調査", kept.GetProperty("title").GetString());
        Assert.Equal(400_000, kept.GetProperty("feeMinYen").GetInt64());
        Assert.Equal(500_000, kept.GetProperty("feeMaxYen").GetInt64());
        var cleared = await JsonAsync(toDiscuss);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("feeMinYen").ValueKind);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("feeMaxYen").ValueKind);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("hoursPerWeek").ValueKind);
    }

    [Fact]
    public async Task AClosedOrDraftProject_TakesNoApplication_AndAnotherNetworksIsNotFound()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var poster = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee));
        var applicant = await tenant.ClientForAsync(await tenant.MemberAsync());
        var foreign = await other.ClientForAsync(await other.AdminAsync());
        var id = (await PostAsync(poster, Project())).GetProperty("id").GetInt64();
        var draft = (await PostAsync(poster, new { title = "下書き", description = "d", remote = "remote", closesAt = Future(), status = "draft" })).GetProperty("id").GetInt64();

        await poster.PatchAsJsonAsync($"/api/v1/projects/{id}", new { status = "closed" }, Ct);
        var toClosed = await applicant.PostAsJsonAsync($"/api/v1/projects/{id}/applications", new { note = "応募" }, Ct);
        var draftRead = await applicant.GetAsync($"/api/v1/projects/{draft}", Ct);
        var foreignRead = await foreign.GetAsync($"/api/v1/projects/{id}", Ct);
        var foreignApply = await foreign.PostAsJsonAsync($"/api/v1/projects/{id}/applications", new { note = "他社" }, Ct);
        var emptyNote = await applicant.PostAsJsonAsync($"/api/v1/projects/{draft}/applications", new { note = "" }, Ct);
        var foreignList = await foreign.GetFromJsonAsync<JsonElement>("/api/v1/projects?status=closed", Ct);

        Assert.Equal(HttpStatusCode.Conflict, toClosed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draftRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignApply.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, emptyNote.StatusCode);
        Assert.Equal(0, foreignList.GetProperty("total").GetInt32());
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<ProjectApplication>().CountAsync(Ct)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ProjectsApiTestsOnSqlite(SqliteApp app) : ProjectsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ProjectsApiTestsOnPostgres(PostgresApp app) : ProjectsApiTests(app);
