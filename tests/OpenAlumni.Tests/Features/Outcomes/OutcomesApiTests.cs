using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Features.Jobs;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Outcomes;

namespace OpenAlumni.Tests.Features.Outcomes;

/// <summary>
/// The outcome ledger and its report: who records what, links checked within the network, exact sums and attribution,
/// the minimum group size, and a member's right to hide their name.
/// </summary>
public abstract class OutcomesApiTests(AlumniApp app) : AppTest(app)
{
    /// <summary>A day some time ago: in the past in any network's time zone, and inside the report's default year.</summary>
    static string DaysAgo(int days) => DateTime.UtcNow.AddDays(-days).ToString("yyyy-MM-dd");

    static object Outcome(string kind, long[]? memberIds = null, object? source = null, long? valueYen = null, string[]? departments = null, string? date = null) => new
    {
        kind, date = date ?? DaysAgo(3), memberIds = memberIds ?? [], departments = departments ?? ["エネルギー本部"], valueYen,
        source = source ?? new { type = "other" }, note = "事務局メモ",
    };

    static async Task<JsonElement> RecordAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/outcomes", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    static async Task<JsonElement> ReportAsync(HttpClient admin, string query = "")
    {
        var response = await admin.GetAsync("/api/v1/admin/analytics/outcomes" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    static JsonElement Row(JsonElement report, string list, string key, string value) =>
        report.GetProperty(list).EnumerateArray().Single(r => r.GetProperty(key).GetString() == value);

    [Fact]
    public async Task TheSecretariatKeepsTheLedger_RecruitersRecordHiresOnly_MembersNeither()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var recruiter = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee, "採用", "担当", edit: m => m.IsRecruiter = true));
        var alumnus = await tenant.MemberAsync(family: "出戻", given: "一郎");
        var member = await tenant.ClientForAsync(await tenant.MemberAsync());

        var deal = await RecordAsync(admin, Outcome("deal", [alumnus.Id], valueYen: 12_000_000));
        var rehire = await RecordAsync(recruiter, Outcome("rehire", [alumnus.Id]));
        var recruiterDeal = await recruiter.PostAsJsonAsync("/api/v1/outcomes", Outcome("deal", [alumnus.Id]), Ct);
        var recruiterList = await recruiter.GetFromJsonAsync<JsonElement>("/api/v1/outcomes", Ct);
        var recruiterReadsDeal = await recruiter.GetAsync($"/api/v1/outcomes/{deal.GetProperty("id").GetInt64()}", Ct);
        var recruiterTurnsHireIntoDeal = await recruiter.PatchAsJsonAsync($"/api/v1/outcomes/{rehire.GetProperty("id").GetInt64()}", new { kind = "deal" }, Ct);
        var memberList = await member.GetAsync("/api/v1/outcomes", Ct);
        var memberRecords = await member.PostAsJsonAsync("/api/v1/outcomes", Outcome("rehire", [alumnus.Id]), Ct);
        var adminList = await admin.GetFromJsonAsync<JsonElement>("/api/v1/outcomes", Ct);

        Assert.True(deal.GetProperty("canEdit").GetBoolean());
        Assert.Equal("rehire", rehire.GetProperty("kind").GetString());
        await AssertValidationProblemAsync(recruiterDeal, "kind");
        Assert.Equal([rehire.GetProperty("id").GetInt64()], recruiterList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.NotFound, recruiterReadsDeal.StatusCode);
        await AssertValidationProblemAsync(recruiterTurnsHireIntoDeal, "kind");
        Assert.Equal(HttpStatusCode.Forbidden, memberList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberRecords.StatusCode);
        Assert.Equal(2, adminList.GetProperty("total").GetInt32());
        Assert.Equal(2, await tenant.DbAsync(db => db.Set<Outcome>().CountAsync(Ct)));
    }

    [Theory]
    [InlineData("kind", "{\"date\":\"2026-01-05\"}")]
    [InlineData("kind", "{\"kind\":\"windfall\",\"date\":\"2026-01-05\"}")]
    [InlineData("date", "{\"kind\":\"deal\"}")]
    [InlineData("date", "{\"kind\":\"deal\",\"date\":\"05/01/2026\"}")]
    [InlineData("date", "{\"kind\":\"deal\",\"date\":\"2099-01-01\"}")]
    [InlineData("valueYen", "{\"kind\":\"deal\",\"date\":\"2026-01-05\",\"valueYen\":-1}")]
    [InlineData("valueYen", "{\"kind\":\"deal\",\"date\":\"2026-01-05\",\"valueYen\":1000000000001}")]
    [InlineData("memberIds", "{\"kind\":\"deal\",\"date\":\"2026-01-05\",\"memberIds\":[999999999]}")]
    [InlineData("memberIds", "{\"kind\":\"rehire\",\"date\":\"2026-01-05\"}")]
    [InlineData("source.type", "{\"kind\":\"deal\",\"date\":\"2026-01-05\",\"source\":{\"type\":\"rumour\"}}")]
    [InlineData("source.id", "{\"kind\":\"deal\",\"date\":\"2026-01-05\",\"source\":{\"type\":\"event\"}}")]
    [InlineData("source.id", "{\"kind\":\"deal\",\"date\":\"2026-01-05\",\"source\":{\"type\":\"event\",\"id\":999999999}}")]
    [InlineData("source.id", "{\"kind\":\"deal\",\"date\":\"2026-01-05\",\"source\":{\"type\":\"other\",\"id\":5}}")]
    [InlineData("source.id", "{\"kind\":\"sideProject\",\"date\":\"2026-01-05\",\"source\":{\"type\":\"consultation\"}}")]
    public async Task Record_WithBadInput_Is400AndWritesNothing(string field, string json)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());

        var response = await admin.PostAsync("/api/v1/outcomes", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<Outcome>().CountAsync(Ct)));
        Assert.Empty(await DeskTestData.AuditAsync(tenant, "outcome.create"));
    }

    [Fact]
    public async Task ABadEdit_ChangesNothing_AndTheRefusalIsInTheUsersLanguage()
    {
        var tenant = await App.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        var admin = await tenant.ClientForAsync(adminMember);
        var ja = await tenant.ApiAsync(adminMember, "ja");
        var alumnus = await tenant.MemberAsync();
        var id = (await RecordAsync(admin, Outcome("deal", [alumnus.Id], valueYen: 5_000_000))).GetProperty("id").GetInt64();

        var response = await ja.PatchAsJsonAsync($"/api/v1/outcomes/{id}", new { valueYen = 9_000_000, date = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"), memberIds = Array.Empty<long>() }, Ct);
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/outcomes/{id}", Ct);

        var errors = await AssertValidationProblemAsync(response, "date");
        Assert.Contains("今日以前", errors["date"][0]);
        Assert.Equal(5_000_000, after.GetProperty("valueYen").GetInt64());
        Assert.Single(after.GetProperty("members").EnumerateArray());
        Assert.Empty(await DeskTestData.AuditAsync(tenant, "outcome.update"));
    }

    [Fact]
    public async Task EachLink_IsCheckedInThisNetwork_AndAConsultationIsNeverNamed()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var otherAdmin = await other.ClientForAsync(await other.AdminAsync());
        var ownEvent = await EventTestData.CreateAsync(admin, EventTestData.Meetup());
        var foreignEvent = await EventTestData.CreateAsync(otherAdmin, EventTestData.Meetup());
        var foreignJob = await JobTestData.PostAsync(otherAdmin, JobTestData.Opening());
        var alumnus = await tenant.MemberAsync(family: "相談", given: "受子", edit: m => m.OpenTo = OpenTo.Consultation);
        var employee = await tenant.MemberAsync(MemberKind.Employee, "相談", "者");
        var request = await (await tenant.ClientForAsync(employee)).PostAsJsonAsync("/api/v1/consultations",
            new { memberId = alumnus.Id, topic = "新規事業の秘密の相談", goal = "提携先の紹介", format = "coffee" }, Ct);
        var consultation = (await JsonAsync(request)).GetProperty("id").GetInt64();
        await (await tenant.ClientForAsync(alumnus)).PostAsync($"/api/v1/consultations/{consultation}/accept", null, Ct);

        var fromEvent = await RecordAsync(admin, Outcome("engagement", [alumnus.Id], new { type = "event", id = ownEvent }));
        var fromForeignEvent = await admin.PostAsJsonAsync("/api/v1/outcomes", Outcome("engagement", [alumnus.Id], new { type = "event", id = foreignEvent }), Ct);
        var fromForeignJob = await admin.PostAsJsonAsync("/api/v1/outcomes", Outcome("rehire", [alumnus.Id], new { type = "job", id = foreignJob }), Ct);
        var fromConsultation = await RecordAsync(admin, Outcome("deal", [alumnus.Id, employee.Id], new { type = "consultation" }));
        var foreignReads = await otherAdmin.GetAsync($"/api/v1/outcomes/{fromEvent.GetProperty("id").GetInt64()}", Ct);
        var foreignEdits = await otherAdmin.PatchAsJsonAsync($"/api/v1/outcomes/{fromEvent.GetProperty("id").GetInt64()}", new { valueYen = 1 }, Ct);
        var foreignDeletes = await otherAdmin.DeleteAsync($"/api/v1/outcomes/{fromEvent.GetProperty("id").GetInt64()}", Ct);
        var foreignList = await otherAdmin.GetFromJsonAsync<JsonElement>("/api/v1/outcomes", Ct);

        Assert.Equal("丸の内アルムナイ交流会", fromEvent.GetProperty("source").GetProperty("title").GetString());
        Assert.Equal($"/events/{ownEvent}", fromEvent.GetProperty("source").GetProperty("url").GetString());
        await AssertValidationProblemAsync(fromForeignEvent, "source.id");
        await AssertValidationProblemAsync(fromForeignJob, "source.id");
        Assert.Equal(consultation, fromConsultation.GetProperty("source").GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, fromConsultation.GetProperty("source").GetProperty("title").ValueKind);
        Assert.DoesNotContain("秘密", fromConsultation.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, foreignReads.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignEdits.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignDeletes.StatusCode);
        Assert.Equal(0, foreignList.GetProperty("total").GetInt32());
        Assert.Equal(2, await tenant.DbAsync(db => db.Set<Outcome>().CountAsync(Ct)));
    }

    [Fact]
    public async Task AHireRecordedFromAnOpening_ClosesTheOpening()
    {
        var tenant = await App.CreateTenantAsync();
        var recruiter = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee, "採用", "担当", edit: m => m.IsRecruiter = true));
        var alumnus = await tenant.MemberAsync();
        var job = await JobTestData.PostAsync(recruiter, JobTestData.Opening());

        var hire = await RecordAsync(recruiter, Outcome("rehire", [alumnus.Id], new { type = "job", id = job }));
        var opening = await recruiter.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}", Ct);

        Assert.Equal("事業開発マネージャー", hire.GetProperty("source").GetProperty("title").GetString());
        Assert.Equal("closed", opening.GetProperty("job").GetProperty("status").GetString());
        Assert.Equal(JobStatus.Closed, await tenant.DbAsync(db => db.Set<JobOpening>().Where(j => j.Id == job).Select(j => j.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Values_AreSummedExactly_EnteredAndConfiguredPerKind()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var member = await tenant.ClientForAsync(await tenant.MemberAsync());
        var people = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => tenant.MemberAsync()));

        var setValues = await admin.PutAsJsonAsync("/api/v1/admin/outcomes/values", new { values = new { rehire = 3_000_000, engagement = 50_000 } }, Ct);
        var badValues = await admin.PutAsJsonAsync("/api/v1/admin/outcomes/values", new { values = new { rehire = -5 } }, Ct);
        var badKind = await admin.PutAsJsonAsync("/api/v1/admin/outcomes/values", new { values = new { windfall = 5 } }, Ct);
        var memberSets = await member.PutAsJsonAsync("/api/v1/admin/outcomes/values", new { values = new { rehire = 1 } }, Ct);
        await RecordAsync(admin, Outcome("rehire", [people[0].Id]));
        await RecordAsync(admin, Outcome("rehire", [people[1].Id], valueYen: 2_500_000));
        await RecordAsync(admin, Outcome("deal", [people[2].Id], valueYen: 12_345_678));
        await RecordAsync(admin, Outcome("engagement", [people[2].Id]));
        await RecordAsync(admin, Outcome("investment", [people[2].Id]));
        var old = await RecordAsync(admin, Outcome("deal", [people[2].Id], valueYen: 1_000, date: DaysAgo(500)));

        var values = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/outcomes/values", Ct);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/outcomes", Ct);
        var report = await ReportAsync(admin);
        var cleared = await admin.PatchAsJsonAsync($"/api/v1/outcomes/{old.GetProperty("id").GetInt64()}", new { noValue = true }, Ct);

        Assert.Equal(HttpStatusCode.OK, setValues.StatusCode);
        await AssertValidationProblemAsync(badValues, "values.rehire");
        await AssertValidationProblemAsync(badKind, "values");
        Assert.Equal(HttpStatusCode.Forbidden, memberSets.StatusCode);
        Assert.Equal(3_000_000, values.GetProperty("values").GetProperty("rehire").GetInt64());
        Assert.Equal(3_000_000 + 2_500_000 + 12_345_678 + 50_000 + 1_000, list.GetProperty("valueYen").GetInt64());
        var totals = report.GetProperty("totals");
        Assert.Equal(5, totals.GetProperty("outcomes").GetInt32());
        Assert.Equal(2_500_000 + 12_345_678, totals.GetProperty("enteredValueYen").GetInt64());
        Assert.Equal(3_000_000 + 50_000, totals.GetProperty("configuredValueYen").GetInt64());
        Assert.Equal(2_500_000 + 12_345_678 + 3_000_000 + 50_000, totals.GetProperty("valueYen").GetInt64());
        Assert.Equal(5_500_000, Row(report, "byKind", "kind", "rehire").GetProperty("valueYen").GetInt64());
        Assert.Equal(2, Row(report, "byKind", "kind", "rehire").GetProperty("outcomes").GetInt32());
        Assert.Equal(0, Row(report, "byKind", "kind", "investment").GetProperty("valueYen").GetInt64());
        Assert.Equal(12_345_678, report.GetProperty("notable")[0].GetProperty("valueYen").GetInt64());
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(cleared)).GetProperty("valueYen").ValueKind);
    }

    [Fact]
    public async Task Attribution_CountsEachActivityAndWhatCameOfIt_Exactly()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var alumnus = await tenant.MemberAsync(edit: m => m.OpenTo = OpenTo.Consultation);
        var employee = await tenant.MemberAsync(MemberKind.Employee);
        var request = await (await tenant.ClientForAsync(employee)).PostAsJsonAsync("/api/v1/consultations",
            new { memberId = alumnus.Id, topic = "協業の相談", goal = "共同開発の進め方", format = "coffee" }, Ct);
        await (await tenant.ClientForAsync(alumnus)).PostAsync($"/api/v1/consultations/{(await JsonAsync(request)).GetProperty("id").GetInt64()}/accept", null, Ct);
        var held = await EventTestData.CreateAsync(admin, EventTestData.Meetup());
        await EventTestData.EndAsync(admin, held);
        await EventTestData.CreateAsync(admin, EventTestData.Meetup()); // still to come: not yet an activity
        var post = await admin.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = "近況", body = "物流スタートアップを始めました" }, Ct);
        var postId = (await JsonAsync(post)).GetProperty("id").GetInt64();
        var job = await JobTestData.PostAsync(admin, JobTestData.Opening());
        var collaboration = await admin.PostAsJsonAsync("/api/v1/collaborations", new { title = "共同配送PoC", stage = "poc", memberIds = new[] { alumnus.Id } }, Ct);
        var collaborationId = (await JsonAsync(collaboration)).GetProperty("collaboration").GetProperty("id").GetInt64();
        await admin.PutAsJsonAsync("/api/v1/admin/outcomes/values", new { values = new { engagement = 50_000, rehire = 3_000_000 } }, Ct);

        await RecordAsync(admin, Outcome("deal", [alumnus.Id, employee.Id], new { type = "consultation" }, 1_000_000));
        await RecordAsync(admin, Outcome("engagement", [alumnus.Id], new { type = "event", id = held }));
        await RecordAsync(admin, Outcome("engagement", [employee.Id], new { type = "event", id = held }));
        await RecordAsync(admin, Outcome("referralHire", [employee.Id], new { type = "post", id = postId }, 2_000_000));
        await RecordAsync(admin, Outcome("rehire", [alumnus.Id], new { type = "job", id = job }));
        await RecordAsync(admin, Outcome("deal", [alumnus.Id], new { type = "collaboration", id = collaborationId }, 7_000_000));
        await RecordAsync(admin, Outcome("investment", [alumnus.Id], valueYen: 5_000_000));

        var report = await ReportAsync(admin);

        void Expect(string source, int? activities, int outcomes, long value)
        {
            var row = Row(report, "attribution", "source", source);
            Assert.Equal(activities, row.GetProperty("activities").ValueKind == JsonValueKind.Null ? null : row.GetProperty("activities").GetInt32());
            Assert.Equal(outcomes, row.GetProperty("outcomes").GetInt32());
            Assert.Equal(value, row.GetProperty("valueYen").GetInt64());
        }
        Expect("consultations", 1, 1, 1_000_000);
        Expect("events", 1, 2, 100_000);
        Expect("cards", 0, 0, 0);
        Expect("posts", 1, 1, 2_000_000);
        Expect("jobs", 1, 1, 3_000_000);
        Expect("projects", 0, 0, 0);
        Expect("collaborations", 1, 1, 7_000_000);
        Expect("other", null, 1, 5_000_000);
        Assert.Equal(18_100_000, report.GetProperty("totals").GetProperty("valueYen").GetInt64());
        var csv = await admin.GetStringAsync("/api/v1/admin/analytics/attribution.csv", Ct);
        Assert.Contains("Consultations,1,1,1000000", csv);
        Assert.Contains("Collaborations,1,1,7000000", csv);
        var chart = report.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "attribution");
        Assert.Equal([1, 2, 0, 1, 1, 0, 1, 1], chart.GetProperty("series")[1].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task NoSegmentedFigure_DescribesFewerThanFivePeople()
    {
        var tenant = await App.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        var admin = await tenant.ClientForAsync(adminMember);
        var ja = await tenant.ApiAsync(adminMember, "ja");
        var people = new List<TestMember>();
        for (var i = 0; i < 4; i++) people.Add(await tenant.MemberAsync()); // all of 総務部

        var smallReport = await admin.GetAsync("/api/v1/admin/analytics/outcomes?department=総務部", Ct);
        var smallDashboard = await ja.GetAsync("/api/v1/admin/analytics?department=総務部", Ct);
        var smallCsv = await admin.GetAsync("/api/v1/admin/analytics/members.csv?department=総務部", Ct);
        people.Add(await tenant.MemberAsync());
        var bigEnough = await admin.GetAsync("/api/v1/admin/analytics/outcomes?department=総務部", Ct);

        // Departments of an outcome: 5 people in エネルギー本部's; 食料本部 (2) and 化学品本部 (1) fold together, still too few.
        await RecordAsync(admin, Outcome("deal", people.Select(p => p.Id).ToArray(), valueYen: 10_000_000, departments: ["エネルギー本部"]));
        await RecordAsync(admin, Outcome("deal", [people[0].Id, people[1].Id], valueYen: 3_000_000, departments: ["食料本部"]));
        await RecordAsync(admin, Outcome("engagement", [people[2].Id], valueYen: 100_000, departments: ["化学品本部"]));
        var folded = await ReportAsync(admin);
        await RecordAsync(admin, Outcome("investment", [people[3].Id, people[4].Id], valueYen: 1_000_000, departments: ["金属本部"]));
        var foldedEnough = await ReportAsync(admin);

        await AssertValidationProblemAsync(smallReport, "department");
        var errors = await AssertValidationProblemAsync(smallDashboard, "department");
        Assert.Contains("5", errors["department"][0]);
        await AssertValidationProblemAsync(smallCsv, "department");
        Assert.Equal(HttpStatusCode.OK, bigEnough.StatusCode);
        var rows = folded.GetProperty("byDepartment").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("エネルギー本部", rows[0].GetProperty("department").GetString());
        Assert.Equal(10_000_000, rows[0].GetProperty("valueYen").GetInt64());
        Assert.True(rows[1].GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("outcomes").ValueKind);
        Assert.DoesNotContain("食料本部", folded.GetProperty("byDepartment").GetRawText());
        var other = foldedEnough.GetProperty("byDepartment")[1];
        Assert.Equal(JsonValueKind.Null, other.GetProperty("department").ValueKind);
        Assert.Equal(3, other.GetProperty("outcomes").GetInt32());
        Assert.Equal(4_100_000, other.GetProperty("valueYen").GetInt64());
    }

    [Fact]
    public async Task AMember_SeesTheirOutcomes_AndMayHideTheirName()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var shyMember = await tenant.MemberAsync(family: "控目", given: "静香");
        var partnerMember = await tenant.MemberAsync(family: "表立", given: "太郎");
        var shy = await tenant.ClientForAsync(shyMember);
        var partner = await tenant.ClientForAsync(partnerMember);
        var outsider = await tenant.ClientForAsync(await tenant.MemberAsync());
        var id = (await RecordAsync(admin, Outcome("investment", [shyMember.Id, partnerMember.Id], valueYen: 50_000_000))).GetProperty("id").GetInt64();
        var notMine = (await RecordAsync(admin, Outcome("deal", [partnerMember.Id], valueYen: 1))).GetProperty("id").GetInt64();

        var mineBefore = await shy.GetFromJsonAsync<JsonElement>("/api/v1/me/outcomes", Ct);
        var hide = await shy.PutAsJsonAsync($"/api/v1/me/outcomes/{id}", new { hideName = true }, Ct);
        var hideOthers = await shy.PutAsJsonAsync($"/api/v1/me/outcomes/{notMine}", new { hideName = true }, Ct);
        var partnerSees = await partner.GetFromJsonAsync<JsonElement>("/api/v1/me/outcomes", Ct);
        var outsiderSees = await outsider.GetFromJsonAsync<JsonElement>("/api/v1/me/outcomes", Ct);
        var adminSees = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/outcomes/{id}", Ct);
        var report = await ReportAsync(admin);

        Assert.Single(mineBefore.EnumerateArray());
        Assert.True((await JsonAsync(hide)).GetProperty("myNameHidden").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, hideOthers.StatusCode);
        var shared = partnerSees.EnumerateArray().Single(o => o.GetProperty("outcome").GetProperty("id").GetInt64() == id).GetProperty("outcome");
        var hiddenPerson = shared.GetProperty("members").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == shyMember.Id);
        Assert.Equal(JsonValueKind.Null, hiddenPerson.GetProperty("displayName").ValueKind);
        Assert.True(hiddenPerson.GetProperty("nameHidden").GetBoolean());
        Assert.DoesNotContain("控目", partnerSees.GetRawText());
        Assert.Empty(outsiderSees.EnumerateArray());
        Assert.Contains("控目", adminSees.GetRawText());
        var notable = report.GetProperty("notable").EnumerateArray().Single(o => o.GetProperty("id").GetInt64() == id);
        Assert.Equal(["表立 太郎"], notable.GetProperty("people").EnumerateArray().Select(p => p.GetString()));
        Assert.True(await tenant.DbAsync(db => db.Set<OutcomeMember>().AnyAsync(m => m.OutcomeId == id && m.MemberId == shyMember.Id && m.HideName, Ct)));
    }

    [Fact]
    public async Task Changes_AreAudited_AndADeletedOutcomeIsGone()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var alumnus = await tenant.MemberAsync();
        var id = (await RecordAsync(admin, Outcome("deal", [alumnus.Id], valueYen: 1_000_000))).GetProperty("id").GetInt64();

        var edited = await admin.PatchAsJsonAsync($"/api/v1/outcomes/{id}", new { valueYen = 2_000_000, note = "契約更新" }, Ct);
        var deleted = await admin.DeleteAsync($"/api/v1/outcomes/{id}", Ct);
        var gone = await admin.GetAsync($"/api/v1/outcomes/{id}", Ct);

        Assert.Equal(2_000_000, (await JsonAsync(edited)).GetProperty("valueYen").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var update = Assert.Single(await DeskTestData.AuditAsync(tenant, "outcome.update"));
        Assert.Contains("1000000", update.Before);
        Assert.Contains("2000000", update.After);
        Assert.DoesNotContain("契約更新", update.After);
        Assert.Single(await DeskTestData.AuditAsync(tenant, "outcome.create"));
        Assert.Single(await DeskTestData.AuditAsync(tenant, "outcome.delete"));
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<OutcomeMember>().CountAsync(Ct)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OutcomesApiTestsOnSqlite(SqliteApp app) : OutcomesApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OutcomesApiTestsOnPostgres(PostgresApp app) : OutcomesApiTests(app);
