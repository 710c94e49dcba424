using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Infrastructure.Search;

namespace OpenAlumni.Tests.Features.Jobs;

/// <summary>The rehire job board: who posts, who raises a hand, what recruiters see, and who is mailed.</summary>
public abstract class JobsApiTests(AlumniApp app) : AppTest(app)
{
    static string Future(int days = 30) => DateTimeOffset.UtcNow.AddDays(days).ToString("yyyy-MM-dd");

    static object Opening(string title = "事業開発マネージャー", string department = "機械・インフラ本部", string? closesAt = null, string remote = "hybrid",
        string? status = null, string keywords = "物流, 事業開発") =>
        new { title, department, location = "東京本社", remote, description = "**歓迎**：物流の経験", howToApply = "recruit@example.com まで", closesAt = closesAt ?? Future(), status, keywords };

    static async Task<long> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/jobs", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    static Action<Member> OpenToRehire(string? department = null, string? skill = null, bool rehire = true) => m =>
    {
        if (rehire) m.OpenTo |= OpenTo.Rehire;
        if (department is not null) m.Career.Add(new CareerEntry { Department = department, FromYear = 2010, ToYear = 2018 });
        if (skill is not null) m.Tags.Add(new ProfileTag { Kind = TagKind.Skill, Name = skill, Key = SearchText.Normalize(skill) });
    };

    [Fact]
    public async Task Openings_ArePostedByAdminsAndRecruitersOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var recruiterMember = await tenant.MemberAsync(MemberKind.Employee, "人事", "採用");
        var recruiter = await tenant.ClientForAsync(recruiterMember);
        var alumnus = await tenant.ClientForAsync(await tenant.MemberAsync());

        var beforeFlag = await recruiter.PostAsJsonAsync("/api/v1/jobs", Opening(), Ct);
        var byAlumnus = await alumnus.PostAsJsonAsync("/api/v1/jobs", Opening(), Ct);
        var flagByMember = await alumnus.PutAsJsonAsync($"/api/v1/admin/recruiters/{recruiterMember.Id}", new { recruiter = true }, Ct);
        var flag = await admin.PutAsJsonAsync($"/api/v1/admin/recruiters/{recruiterMember.Id}", new { recruiter = true }, Ct);
        var afterFlag = await recruiter.PostAsJsonAsync("/api/v1/jobs", Opening(), Ct);
        var byAdmin = await admin.PostAsJsonAsync("/api/v1/jobs", Opening(), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, beforeFlag.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAlumnus.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, flagByMember.StatusCode);
        Assert.Equal(HttpStatusCode.OK, flag.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterFlag.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        var job = await JsonAsync(byAdmin);
        Assert.Equal("open", job.GetProperty("status").GetString());
        Assert.Contains("<strong>歓迎</strong>", job.GetProperty("descriptionHtml").GetString());
        Assert.Equal(2, (await tenant.DbAsync(db => db.Set<JobOpening>().CountAsync(Ct))));
    }

    [Theory]
    [InlineData("closesAt", "{\"title\":\"PM\",\"department\":\"営業部\",\"location\":\"大阪\",\"remote\":\"onsite\",\"howToApply\":\"mail\",\"closesAt\":\"2020-01-01\"}")]
    [InlineData("closesAt", "{\"title\":\"PM\",\"department\":\"営業部\",\"location\":\"大阪\",\"remote\":\"onsite\",\"howToApply\":\"mail\",\"closesAt\":\"2020-01-01T10:00:00+09:00\"}")]
    [InlineData("closesAt", "{\"title\":\"PM\",\"department\":\"営業部\",\"location\":\"大阪\",\"remote\":\"onsite\",\"howToApply\":\"mail\",\"closesAt\":\"next week\"}")]
    [InlineData("title", "{\"title\":\"\",\"department\":\"営業部\",\"location\":\"大阪\",\"remote\":\"onsite\",\"howToApply\":\"mail\",\"closesAt\":\"2099-01-01\"}")]
    [InlineData("remote", "{\"title\":\"PM\",\"department\":\"営業部\",\"location\":\"大阪\",\"remote\":\"moon\",\"howToApply\":\"mail\",\"closesAt\":\"2099-01-01\"}")]
    [InlineData("status", "{\"title\":\"PM\",\"department\":\"営業部\",\"location\":\"大阪\",\"remote\":\"onsite\",\"howToApply\":\"mail\",\"closesAt\":\"2099-01-01\",\"status\":\"maybe\"}")]
    [InlineData("howToApply", "{\"title\":\"PM\",\"department\":\"営業部\",\"location\":\"大阪\",\"remote\":\"onsite\",\"closesAt\":\"2099-01-01\"}")]
    public async Task Create_WithBadInput_Is400AndWritesNothing(string field, string json)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());

        var response = await admin.PostAsync("/api/v1/jobs", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<JobOpening>().CountAsync(Ct)));
    }

    [Fact]
    public async Task PastClosingDate_IsExplainedInTheUsersLanguage()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        admin.DefaultRequestHeaders.AcceptLanguage.Clear();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");

        var response = await admin.PostAsJsonAsync("/api/v1/jobs", Opening(closesAt: "2001-04-01"), Ct);

        var errors = await AssertValidationProblemAsync(response, "closesAt");
        Assert.Equal("募集締切日は未来の日付にしてください。", errors["closesAt"][0]);
    }

    [Fact]
    public async Task Edit_KeepsTheClosingDateAhead_UnlessTheOpeningIsBeingClosed()
    {
        var tenant = await App.CreateTenantAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = App.WithClock(clock);
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync(), app, TimeSpan.FromDays(40));
        var id = await PostAsync(admin, Opening(closesAt: clock.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd")));

        var moveIntoPast = await admin.PatchAsJsonAsync($"/api/v1/jobs/{id}", new { closesAt = "2021-05-01" }, Ct);
        clock.Advance(TimeSpan.FromDays(32)); // past the closing date
        var reopenExpired = await admin.PatchAsJsonAsync($"/api/v1/jobs/{id}", new { status = "open" }, Ct);
        var closeExpired = await admin.PatchAsJsonAsync($"/api/v1/jobs/{id}", new { status = "closed", closesAt = clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd") }, Ct);
        var reopenWithNewDate = await admin.PatchAsJsonAsync($"/api/v1/jobs/{id}", new { status = "open", closesAt = clock.GetUtcNow().AddDays(10).ToString("yyyy-MM-dd") }, Ct);

        await AssertValidationProblemAsync(moveIntoPast, "closesAt");
        await AssertValidationProblemAsync(reopenExpired, "closesAt");
        Assert.Equal(HttpStatusCode.OK, closeExpired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reopenWithNewDate.StatusCode);
        Assert.Equal("open", (await JsonAsync(reopenWithNewDate)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Interest_WithoutConsent_HidesWhoFromTheRecruiter()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var sharing = await tenant.MemberAsync(MemberKind.Alumni, "佐藤", "健");
        var private_ = await tenant.MemberAsync(MemberKind.Alumni, "鈴木", "一郎");
        var other = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Alumni, "高橋", "誠"));
        var id = await PostAsync(admin, Opening());

        var consented = await (await tenant.ClientForAsync(sharing)).PostAsJsonAsync($"/api/v1/jobs/{id}/interest", new { consent = true }, Ct);
        var notConsented = await (await tenant.ClientForAsync(private_)).PostAsJsonAsync($"/api/v1/jobs/{id}/interest", new { consent = false }, Ct);
        var recruiterView = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}", Ct);
        var memberView = await other.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, consented.StatusCode);
        Assert.Equal(HttpStatusCode.OK, notConsented.StatusCode);
        Assert.True((await JsonAsync(consented)).GetProperty("job").GetProperty("iInterested").GetBoolean());
        Assert.Equal(2, recruiterView.GetProperty("interestCount").GetInt32());
        var interested = recruiterView.GetProperty("interested").EnumerateArray().ToList();
        var one = Assert.Single(interested);
        Assert.Equal("佐藤 健", one.GetProperty("displayName").GetString());
        Assert.Equal(sharing.Email, one.GetProperty("email").GetString());
        Assert.Equal($"/members/{sharing.Id}", one.GetProperty("profileUrl").GetString());
        Assert.Equal(1, recruiterView.GetProperty("withoutConsentCount").GetInt32());
        Assert.DoesNotContain(private_.Email, recruiterView.GetRawText());
        Assert.DoesNotContain("鈴木", recruiterView.GetRawText());
        Assert.Equal(JsonValueKind.Null, memberView.GetProperty("interested").ValueKind);
        Assert.DoesNotContain(sharing.Email, memberView.GetRawText());
    }

    [Fact]
    public async Task Interest_GivingConsentLater_ShowsTheAlumnusThen_AndWithdrawingRemovesThem()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var alumnus = await tenant.MemberAsync();
        var client = await tenant.ClientForAsync(alumnus);
        var id = await PostAsync(admin, Opening());

        await client.PostAsJsonAsync($"/api/v1/jobs/{id}/interest", new { consent = false }, Ct);
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}", Ct);
        await client.PostAsJsonAsync($"/api/v1/jobs/{id}/interest", new { consent = true }, Ct);
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}", Ct);
        await client.DeleteAsync($"/api/v1/jobs/{id}/interest", Ct);
        var withdrawn = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}", Ct);

        Assert.Empty(before.GetProperty("interested").EnumerateArray());
        Assert.Equal(alumnus.Id, Assert.Single(after.GetProperty("interested").EnumerateArray().ToList()).GetProperty("memberId").GetInt64());
        Assert.Equal(0, withdrawn.GetProperty("interestCount").GetInt32());
    }

    [Fact]
    public async Task Interest_IsForAlumni_AndOnlyWhileTheOpeningIsOpen()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var employee = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee));
        var alumnus = await tenant.ClientForAsync(await tenant.MemberAsync());
        var open = await PostAsync(admin, Opening());
        var closed = await PostAsync(admin, Opening(status: "closed"));
        var draft = await PostAsync(admin, Opening(status: "draft"));

        var byEmployee = await employee.PostAsJsonAsync($"/api/v1/jobs/{open}/interest", new { consent = true }, Ct);
        var onClosed = await alumnus.PostAsJsonAsync($"/api/v1/jobs/{closed}/interest", new { consent = true }, Ct);
        var onDraft = await alumnus.PostAsJsonAsync($"/api/v1/jobs/{draft}/interest", new { consent = true }, Ct);
        var boardForEmployee = await employee.GetFromJsonAsync<JsonElement>("/api/v1/jobs", Ct);
        var draftForAlumnus = await alumnus.GetAsync($"/api/v1/jobs/{draft}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byEmployee.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, onClosed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onDraft.StatusCode);
        Assert.Equal([open], boardForEmployee.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList());
        Assert.Equal(HttpStatusCode.NotFound, draftForAlumnus.StatusCode);
    }

    [Fact]
    public async Task AClosingDateBeyondAnyCalendar_IsA400_EvenWestOfUtc()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/admin/settings", new { timeZone = "America/Los_Angeles" }, Ct)).StatusCode);

        var response = await admin.PostAsJsonAsync("/api/v1/jobs", Opening(closesAt: "9999-12-31"), Ct);

        await AssertValidationProblemAsync(response, "closesAt");
    }

    [Fact]
    public async Task Publishing_MailsOnlyMatchingAlumniOpenToRehire_InTheirLanguage_Once()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var byDepartment = await tenant.MemberAsync(edit: OpenToRehire(department: "機械・インフラ本部"));
        var bySkill = await tenant.MemberAsync(edit: OpenToRehire(skill: "物流"));
        var notOpen = await tenant.MemberAsync(edit: OpenToRehire(department: "機械・インフラ本部", rehire: false));
        var noMatch = await tenant.MemberAsync(edit: OpenToRehire(department: "営業部", skill: "会計"));
        var partialWord = await tenant.MemberAsync(edit: OpenToRehire(department: "機械・インフラ本部企画室"));
        var employee = await tenant.MemberAsync(MemberKind.Employee, edit: OpenToRehire(department: "機械・インフラ本部"));
        var withdrewRehireContact = await tenant.MemberAsync(edit: m => { OpenToRehire(department: "機械・インフラ本部")(m); m.WithheldPurposes = Purpose.RehireContact; });
        await tenant.DbAsync(db => db.Users.Where(u => u.Email == bySkill.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "ja"), Ct));

        var id = await PostAsync(admin, Opening(status: "draft"));
        await App.SendQueuedMailAsync();
        var whileDraft = Mailbox.For(App, byDepartment.Email).Count;
        await admin.PatchAsJsonAsync($"/api/v1/jobs/{id}", new { status = "open" }, Ct);
        await admin.PatchAsJsonAsync($"/api/v1/jobs/{id}", new { status = "closed" }, Ct);
        await admin.PatchAsJsonAsync($"/api/v1/jobs/{id}", new { status = "open" }, Ct);
        await App.SendQueuedMailAsync();

        Assert.Equal(0, whileDraft);
        var english = Assert.Single(Mailbox.For(App, byDepartment.Email));
        Assert.Contains("事業開発マネージャー", english.Subject);
        Assert.Contains("An opening for you", english.Subject);
        Assert.Contains($"/jobs/{id}", english.TextBody);
        var japanese = Assert.Single(Mailbox.For(App, bySkill.Email));
        Assert.Contains("あなたに合う求人", japanese.Subject);
        Assert.Empty(Mailbox.For(App, notOpen.Email));
        Assert.Empty(Mailbox.For(App, noMatch.Email));
        Assert.Empty(Mailbox.For(App, partialWord.Email));
        Assert.Empty(Mailbox.For(App, employee.Email));
        Assert.Empty(Mailbox.For(App, withdrewRehireContact.Email));
    }

    [Fact]
    public async Task Referral_GoesToTheRecruiters_AndIsCheckedLikeAnyInput()
    {
        var tenant = await App.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        var admin = await tenant.ClientForAsync(adminMember);
        var employee = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee, "田中", "太郎"));
        var id = await PostAsync(admin, Opening());

        var bad = await employee.PostAsJsonAsync($"/api/v1/jobs/{id}/referrals", new { name = "", email = "not-an-email" }, Ct);
        var good = await employee.PostAsJsonAsync($"/api/v1/jobs/{id}/referrals", new { name = "伊藤 美咲", email = "misaki@example.org", note = "元同僚です" }, Ct);
        await App.SendQueuedMailAsync();
        var recruiterView = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}", Ct);
        var employeeView = await employee.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}", Ct);

        await AssertValidationProblemAsync(bad, "name", "email");
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var referral = Assert.Single(recruiterView.GetProperty("referrals").EnumerateArray().ToList());
        Assert.Equal("misaki@example.org", referral.GetProperty("email").GetString());
        Assert.Equal("田中 太郎", referral.GetProperty("referredBy").GetString());
        Assert.Equal(JsonValueKind.Null, employeeView.GetProperty("referrals").ValueKind);
        // Admins are created preferring Japanese: the recruiter's mail is in their language.
        Assert.Contains("への紹介がありました", Mailbox.Last(App, adminMember.Email).Subject);
        Assert.DoesNotContain("misaki@example.org", Mailbox.Last(App, adminMember.Email).TextBody);
    }

    [Fact]
    public async Task Board_FiltersByDepartmentPlaceRemoteAndText()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var member = await tenant.ClientForAsync(await tenant.MemberAsync());
        var infra = await PostAsync(admin, Opening(title: "インフラ投資アナリスト", department: "機械・インフラ本部", remote: "onsite"));
        var sales = await PostAsync(admin, Opening(title: "法人営業", department: "営業本部", remote: "remote", keywords: "SaaS"));

        async Task<List<long>> Ids(string query) => (await member.GetFromJsonAsync<JsonElement>("/api/v1/jobs" + query, Ct))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

        Assert.Equal([infra], await Ids("?department=" + Uri.EscapeDataString("インフラ")));
        Assert.Equal([sales], await Ids("?remote=remote"));
        Assert.Equal([sales], await Ids("?q=saas"));
        Assert.Equal([infra, sales], (await Ids("?location=" + Uri.EscapeDataString("東京"))).Order().ToList());
        await AssertValidationProblemAsync(await member.GetAsync("/api/v1/jobs?remote=moon", Ct), "remote");
        await AssertValidationProblemAsync(await member.GetAsync("/api/v1/jobs?status=draft", Ct), "status");
    }

    [Fact]
    public async Task AnotherTenantsOpening_IsNotFound()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var otherAdmin = await other.ClientForAsync(await other.AdminAsync());
        var outsider = await other.ClientForAsync(await other.MemberAsync());
        var id = await PostAsync(admin, Opening());

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/jobs/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/jobs/{id}/interest", new { consent = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/jobs/{id}/referrals", new { name = "x", email = "x@example.org" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PatchAsJsonAsync($"/api/v1/jobs/{id}", new { title = "taken" }, Ct)).StatusCode);
        Assert.Empty((await outsider.GetFromJsonAsync<JsonElement>("/api/v1/jobs", Ct)).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await tenant.Client().GetAsync("/api/v1/jobs", Ct)).StatusCode);
    }

    [Fact]
    public async Task BoardPage_ShowsOpenings_AndTheInterestFormToAlumniOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var id = await PostAsync(admin, Opening());
        var alumnus = tenant.Client();
        await Forms.SignInAsync(alumnus, (await tenant.MemberAsync()).Email, TestTenant.Password);
        var employee = tenant.Client();
        await Forms.SignInAsync(employee, (await tenant.MemberAsync(MemberKind.Employee)).Email, TestTenant.Password);

        var board = await alumnus.GetStringAsync("/jobs", Ct);
        var forAlumnus = await alumnus.GetStringAsync($"/jobs/{id}", Ct);
        var forEmployee = await employee.GetStringAsync($"/jobs/{id}", Ct);
        var marked = await Forms.PostAsync(alumnus, $"/jobs/{id}?handler=Interest", new Dictionary<string, string> { ["Consent"] = "true" }, $"/jobs/{id}");

        Assert.Contains("事業開発マネージャー", board);
        Assert.Contains("data-testid=\"interest-form\"", forAlumnus);
        Assert.DoesNotContain("data-testid=\"interest-form\"", forEmployee);
        Assert.Contains("data-testid=\"referral-form\"", forEmployee);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var interests = await tenant.DbAsync(db => db.Set<JobInterest>().ToListAsync(Ct));
        Assert.True(Assert.Single(interests).ConsentToShare);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class JobsApiTestsOnSqlite(SqliteApp app) : JobsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class JobsApiTestsOnPostgres(PostgresApp app) : JobsApiTests(app);
