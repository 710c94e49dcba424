using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Collaborations;

/// <summary>Collaborations: who records and edits them, the stage rules and their history, where they started.</summary>
public abstract class CollaborationsApiTests(AlumniApp app) : AppTest(app)
{
    static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/collaborations", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("collaboration");
    }

    static object Record(long[] memberIds, string stage = "talking", object? origin = null) => new
    {
        title = "ミライ物流との共同配送PoC", description = "アルムナイ起業のスタートアップと共同配送を検証", stage, memberIds,
        departments = new[] { "機械・インフラ本部", "DX推進室" }, origin,
    };

    [Fact]
    public async Task AdminsRecord_MembersPropose_AndAProposalIsPrivateUntilAccepted()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var proposerMember = await tenant.MemberAsync();
        var proposer = await tenant.ClientForAsync(proposerMember);
        var bystander = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee));

        var recorded = await CreateAsync(admin, Record([proposerMember.Id]));
        var proposal = await CreateAsync(proposer, Record([proposerMember.Id], stage: "idea"));
        var id = proposal.GetProperty("id").GetInt64();
        var hiddenFromBystander = await bystander.GetAsync($"/api/v1/collaborations/{id}", Ct);
        var listBefore = await bystander.GetFromJsonAsync<JsonElement>("/api/v1/collaborations", Ct);
        var acceptByMember = await proposer.PostAsync($"/api/v1/collaborations/{id}/accept", null, Ct);
        var accept = await admin.PostAsync($"/api/v1/collaborations/{id}/accept", null, Ct);
        var again = await admin.PostAsync($"/api/v1/collaborations/{id}/accept", null, Ct);
        var listAfter = await bystander.GetFromJsonAsync<JsonElement>("/api/v1/collaborations", Ct);

        Assert.Equal("accepted", recorded.GetProperty("status").GetString());
        Assert.Equal("proposed", proposal.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, hiddenFromBystander.StatusCode);
        Assert.Equal(1, listBefore.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, acceptByMember.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(2, listAfter.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("title", "{\"description\":\"x\"}")]
    [InlineData("title", "{\"title\":\"  \"}")]
    [InlineData("stage", "{\"title\":\"t\",\"stage\":\"dreaming\"}")]
    [InlineData("memberIds", "{\"title\":\"t\",\"memberIds\":[999999999]}")]
    [InlineData("origin.type", "{\"title\":\"t\",\"origin\":{\"type\":\"rumour\"}}")]
    [InlineData("origin.id", "{\"title\":\"t\",\"origin\":{\"type\":\"event\",\"id\":999999999}}")]
    [InlineData("origin.id", "{\"title\":\"t\",\"origin\":{\"type\":\"post\"}}")]
    [InlineData("origin.id", "{\"title\":\"t\",\"origin\":{\"type\":\"other\",\"id\":5}}")]
    public async Task Create_WithBadInput_Is400AndWritesNothing(string field, string json)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());

        var response = await admin.PostAsync("/api/v1/collaborations", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<Collaboration>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Edit_IsForTheMembersInvolvedAndAdmins()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var involvedMember = await tenant.MemberAsync();
        var involved = await tenant.ClientForAsync(involvedMember);
        var outsider = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee));
        var id = (await CreateAsync(admin, Record([involvedMember.Id]))).GetProperty("id").GetInt64();

        var byOutsider = await outsider.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "poc" }, Ct);
        var byInvolved = await involved.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "poc", description = "PoC開始" }, Ct);
        var byAdmin = await admin.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "contract" }, Ct);
        var seenByOutsider = await outsider.GetFromJsonAsync<JsonElement>($"/api/v1/collaborations/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byInvolved.StatusCode);
        Assert.True((await JsonAsync(byInvolved)).GetProperty("collaboration").GetProperty("canEdit").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal("contract", seenByOutsider.GetProperty("collaboration").GetProperty("stage").GetString());
        Assert.False(seenByOutsider.GetProperty("collaboration").GetProperty("canEdit").GetBoolean());
    }

    [Fact]
    public async Task ReplacingTheMembersInvolved_HandsOverTheRightToEdit()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var first = await tenant.MemberAsync();
        var second = await tenant.MemberAsync(MemberKind.Employee, "田中", "一");
        var id = (await CreateAsync(admin, Record([first.Id]))).GetProperty("id").GetInt64();

        var replaced = await admin.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { memberIds = new[] { second.Id } }, Ct);
        var byFormer = await (await tenant.ClientForAsync(first)).PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "poc" }, Ct);
        var byNew = await (await tenant.ClientForAsync(second)).PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "poc" }, Ct);

        Assert.Equal([second.Id], (await JsonAsync(replaced)).GetProperty("collaboration").GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToList());
        Assert.Equal(HttpStatusCode.Forbidden, byFormer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byNew.StatusCode);
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<CollaborationMember>().CountAsync(Ct)));
    }

    [Fact]
    public async Task StageChanges_AreRecorded_AndGoingBackNeedsAReason()
    {
        var tenant = await App.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        var admin = await tenant.ClientForAsync(adminMember);
        var id = (await CreateAsync(admin, Record([], stage: "idea"))).GetProperty("id").GetInt64();

        foreach (var stage in new[] { "talking", "poc", "contract", "launched" })
            Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage }, Ct)).StatusCode);
        var backWithoutReason = await admin.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "idea", title = "renamed" }, Ct);
        var unknown = await admin.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "finished" }, Ct);
        var unchanged = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/collaborations/{id}", Ct);
        var backWithReason = await admin.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "idea", reason = "先方の事業方針変更で白紙に" }, Ct);
        var stopped = await admin.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "stopped" }, Ct);
        var restartWithoutReason = await admin.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "talking" }, Ct);
        var restartWithNote = await admin.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "talking", note = "新体制で再開" }, Ct);
        var history = (await JsonAsync(restartWithNote)).GetProperty("history").EnumerateArray().ToList();

        await AssertValidationProblemAsync(backWithoutReason, "reason");
        await AssertValidationProblemAsync(unknown, "stage");
        Assert.Equal("launched", unchanged.GetProperty("collaboration").GetProperty("stage").GetString());
        Assert.NotEqual("renamed", unchanged.GetProperty("collaboration").GetProperty("title").GetString());
        Assert.Equal(5, unchanged.GetProperty("history").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, backWithReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        await AssertValidationProblemAsync(restartWithoutReason, "reason");
        Assert.Equal(HttpStatusCode.OK, restartWithNote.StatusCode);
        Assert.Equal([null, "idea", "talking", "poc", "contract", "launched", "idea", "stopped"], history.Select(h => h.GetProperty("from").GetString()).ToList());
        Assert.Equal(["idea", "talking", "poc", "contract", "launched", "idea", "stopped", "talking"], history.Select(h => h.GetProperty("to").GetString()).ToList());
        Assert.Equal("先方の事業方針変更で白紙に", history[5].GetProperty("reason").GetString());
        Assert.Equal(adminMember.Id, history[5].GetProperty("by").GetProperty("id").GetInt64());
        Assert.True(history[7].GetProperty("at").GetDateTimeOffset() >= history[0].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Origin_LinksARecordOfThisNetworkOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var otherAdmin = await other.ClientForAsync(await other.AdminAsync());
        var ownEvent = await EventTestData.CreateAsync(admin, EventTestData.Meetup());
        var foreignEvent = await EventTestData.CreateAsync(otherAdmin, EventTestData.Meetup());

        var fromEvent = await CreateAsync(admin, Record([], origin: new { type = "event", id = ownEvent }));
        var fromForeign = await admin.PostAsJsonAsync("/api/v1/collaborations", Record([], origin: new { type = "event", id = foreignEvent }), Ct);
        var alumnus = await tenant.MemberAsync(edit: m => m.OpenTo = OpenTo.Consultation);
        var employeeMember = await tenant.MemberAsync(MemberKind.Employee);
        var employee = await tenant.ClientForAsync(employeeMember);
        var request = await employee.PostAsJsonAsync("/api/v1/consultations",
            new { memberId = alumnus.Id, topic = "協業の相談", goal = "共同開発の進め方", format = "coffee" }, Ct);
        var consultation = (await JsonAsync(request)).GetProperty("id").GetInt64();
        await (await tenant.ClientForAsync(alumnus)).PostAsync($"/api/v1/consultations/{consultation}/accept", null, Ct);
        var fromConsultation = await CreateAsync(admin, Record([alumnus.Id, employeeMember.Id], origin: new { type = "consultation", id = consultation }));
        var fromUnknownConsultation = await admin.PostAsJsonAsync("/api/v1/collaborations", Record([alumnus.Id, employeeMember.Id], origin: new { type = "consultation", id = consultation + 1000 }), Ct);
        var fromOther = await CreateAsync(admin, Record([], origin: new { type = "other" }));

        Assert.Equal($"/events/{ownEvent}", fromEvent.GetProperty("origin").GetProperty("url").GetString());
        await AssertValidationProblemAsync(fromForeign, "origin.id");
        Assert.Equal("consultation", fromConsultation.GetProperty("origin").GetProperty("type").GetString());
        Assert.Equal(consultation, fromConsultation.GetProperty("origin").GetProperty("id").GetInt64());
        await AssertValidationProblemAsync(fromUnknownConsultation, "origin.id");
        Assert.Equal("other", fromOther.GetProperty("origin").GetProperty("type").GetString());
    }

    [Fact]
    public async Task ConsultationOrigin_WithoutANumber_IsTheAcceptedConsultationBetweenTheMembersInvolved()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var alumnus = await tenant.MemberAsync(edit: m => m.OpenTo = OpenTo.Consultation);
        var employee = await tenant.MemberAsync(MemberKind.Employee);
        var bystander = await tenant.MemberAsync(MemberKind.Employee);
        var request = await (await tenant.ClientForAsync(employee)).PostAsJsonAsync("/api/v1/consultations",
            new { memberId = alumnus.Id, topic = "協業の相談", goal = "共同開発の進め方", format = "coffee" }, Ct);
        var consultation = (await JsonAsync(request)).GetProperty("id").GetInt64();
        var beforeAccepted = await admin.PostAsJsonAsync("/api/v1/collaborations", Record([alumnus.Id, employee.Id], origin: new { type = "consultation" }), Ct);
        await (await tenant.ClientForAsync(alumnus)).PostAsync($"/api/v1/consultations/{consultation}/accept", null, Ct);

        var linked = await CreateAsync(admin, Record([alumnus.Id, employee.Id], origin: new { type = "consultation" }));
        var others = await admin.PostAsJsonAsync("/api/v1/collaborations", Record([alumnus.Id, bystander.Id], origin: new { type = "consultation" }), Ct);

        await AssertValidationProblemAsync(beforeAccepted, "origin.id");
        Assert.Equal(consultation, linked.GetProperty("origin").GetProperty("id").GetInt64());
        await AssertValidationProblemAsync(others, "origin.id");
    }

    [Fact]
    public async Task AMember_CannotUseTheOriginToFindOutWhoConsultedWhom()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: m => m.OpenTo = OpenTo.Consultation);
        var employee = await tenant.MemberAsync(MemberKind.Employee);
        var nosy = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee, "詮索", "好子"));
        var request = await (await tenant.ClientForAsync(employee)).PostAsJsonAsync("/api/v1/consultations",
            new { memberId = alumnus.Id, topic = "協業の相談", goal = "共同開発の進め方", format = "coffee" }, Ct);
        var consultation = (await JsonAsync(request)).GetProperty("id").GetInt64();
        await (await tenant.ClientForAsync(alumnus)).PostAsync($"/api/v1/consultations/{consultation}/accept", null, Ct);

        var byMembers = await nosy.PostAsJsonAsync("/api/v1/collaborations", Record([alumnus.Id, employee.Id], origin: new { type = "consultation" }), Ct);
        var byNumber = await nosy.PostAsJsonAsync("/api/v1/collaborations", Record([alumnus.Id, employee.Id], origin: new { type = "consultation", id = consultation }), Ct);
        var byAParty = await (await tenant.ClientForAsync(employee)).PostAsJsonAsync("/api/v1/collaborations",
            Record([alumnus.Id, employee.Id], origin: new { type = "consultation" }), Ct);

        await AssertValidationProblemAsync(byMembers, "origin.id");
        await AssertValidationProblemAsync(byNumber, "origin.id");
        Assert.Equal(HttpStatusCode.Created, byAParty.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByStage()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var poc = (await CreateAsync(admin, Record([], stage: "poc"))).GetProperty("id").GetInt64();
        await CreateAsync(admin, Record([], stage: "idea"));

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/collaborations?stage=poc", Ct);
        var bad = await admin.GetAsync("/api/v1/collaborations?stage=maybe", Ct);

        Assert.Equal([poc], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList());
        await AssertValidationProblemAsync(bad, "stage");
    }

    [Fact]
    public async Task AnotherTenantsCollaborationAndMembers_AreOutOfReach()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var otherAdmin = await other.ClientForAsync(await other.AdminAsync());
        var foreignMember = await other.MemberAsync();
        var id = (await CreateAsync(admin, Record([]))).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/api/v1/collaborations/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PatchAsJsonAsync($"/api/v1/collaborations/{id}", new { stage = "poc" }, Ct)).StatusCode);
        Assert.Equal(0, (await otherAdmin.GetFromJsonAsync<JsonElement>("/api/v1/collaborations", Ct)).GetProperty("total").GetInt32());
        await AssertValidationProblemAsync(await admin.PostAsJsonAsync("/api/v1/collaborations", Record([foreignMember.Id]), Ct), "memberIds");
    }

    [Fact]
    public async Task DetailsPage_ShowsTheTimeline_AndMovesTheStage()
    {
        var tenant = await App.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        var id = (await CreateAsync(await tenant.ClientForAsync(adminMember), Record([], stage: "launched"))).GetProperty("id").GetInt64();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, adminMember.Email, TestTenant.Password);

        var refused = await Forms.PostAsync(browser, $"/collaborations/{id}?handler=Stage", new Dictionary<string, string> { ["Stage"] = "idea" }, $"/collaborations/{id}");
        var moved = await Forms.PostAsync(browser, $"/collaborations/{id}?handler=Stage", new Dictionary<string, string> { ["Stage"] = "idea", ["Reason"] = "仕切り直し" }, $"/collaborations/{id}");
        var page = await browser.GetStringAsync($"/collaborations/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        // The admin's login prefers Japanese, so the page speaks it.
        Assert.Contains("ステージを戻す場合は理由を入力してください。", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("data-testid=\"history\"", page);
        Assert.Contains("仕切り直し", page);
        Assert.Contains("ローンチ → アイデア", page);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CollaborationsApiTestsOnSqlite(SqliteApp app) : CollaborationsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CollaborationsApiTestsOnPostgres(PostgresApp app) : CollaborationsApiTests(app);
