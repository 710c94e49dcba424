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

/// <summary>Raising a hand for an opening, what recruiters see of who did, referrals, and who is mailed when an opening is published.</summary>
public abstract class JobInterestTests(AlumniApp app) : AppTest(app)
{
    static Action<Member> OpenToRehire(string? department = null, string? skill = null, bool rehire = true) => m =>
    {
        if (rehire) m.OpenTo |= OpenTo.Rehire;
        if (department is not null) m.Career.Add(new CareerEntry { Department = department, FromYear = 2010, ToYear = 2018 });
        if (skill is not null) m.Tags.Add(new ProfileTag { Kind = TagKind.Skill, Name = skill, Key = SearchText.Normalize(skill) });
    };

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
}

[Collection(SqliteCollection.Name)]
public sealed class JobInterestTestsOnSqlite(SqliteApp app) : JobInterestTests(app);

[Collection(PostgresCollection.Name)]
public sealed class JobInterestTestsOnPostgres(PostgresApp app) : JobInterestTests(app);
