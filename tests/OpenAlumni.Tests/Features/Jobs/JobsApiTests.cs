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
using static OpenAlumni.Tests.Features.Jobs.JobTestData;

namespace OpenAlumni.Tests.Features.Jobs;

/// <summary>The rehire job board: who posts openings, their closing dates, the board and its page.</summary>
public abstract class JobsApiTests(AlumniApp app) : AppTest(app)
{
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

    [Fact]
    public async Task AClosingTimeWithoutAnOffset_IsTheNetworksWallClock_NotTheServers()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var year = DateTime.UtcNow.Year + 1;

        var response = await admin.PostAsJsonAsync("/api/v1/jobs", Opening(closesAt: $"{year}-03-31T18:00"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await tenant.DbAsync(db => db.Set<JobOpening>().Select(j => j.ClosesAt).SingleAsync(Ct));
        Assert.Equal(new DateTimeOffset(year, 3, 31, 9, 0, 0, TimeSpan.Zero), stored);
        Assert.Equal($"{year}-03-31T18:00:00+09:00", (await JsonAsync(response)).GetProperty("closesAt").GetString());
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
    public async Task AClosingDateBeyondAnyCalendar_IsA400_EvenWestOfUtc()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/admin/settings", new { timeZone = "America/Los_Angeles" }, Ct)).StatusCode);

        var response = await admin.PostAsJsonAsync("/api/v1/jobs", Opening(closesAt: "9999-12-31"), Ct);

        await AssertValidationProblemAsync(response, "closesAt");
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
