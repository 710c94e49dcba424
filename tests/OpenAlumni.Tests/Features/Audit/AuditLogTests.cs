using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using static OpenAlumni.Tests.Infrastructure.EventTestData;

namespace OpenAlumni.Tests.Features.Audit;

public abstract class AuditLogTests(AlumniApp app) : AppTest(app)
{
    static async Task<List<JsonElement>> EntriesAsync(HttpClient admin, string query = "")
    {
        var response = await admin.GetAsync("/api/v1/admin/audit" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task ApprovingARegistration_IsRecordedWithWhoWhatAndBeforeAfter_WithoutTheirEmail()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);
        var api = await tenant.ApiAsync(admin);

        await api.PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/approve", new { reason = "ようこそ" }, Ct);

        var entry = Assert.Single(await EntriesAsync(api));
        Assert.Equal("registration.approve", entry.GetProperty("action").GetString());
        Assert.Equal(admin.Id, entry.GetProperty("actorMemberId").GetInt64());
        Assert.Equal("事務局 太郎", entry.GetProperty("actor").GetString());
        Assert.Equal("member", entry.GetProperty("targetType").GetString());
        Assert.Equal(pending.Id.ToString(), entry.GetProperty("targetId").GetString());
        Assert.Contains("pending", entry.GetProperty("before").GetString());
        Assert.Contains("approved", entry.GetProperty("after").GetString());
        Assert.DoesNotContain(pending.Email, entry.GetRawText());
    }

    [Fact]
    public async Task HidingContent_CancellingAnEvent_AndExportingAttendees_AreRecorded()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var post = await author.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = "近況", body = "元気です" }, Ct);
        var postId = (await JsonAsync(post)).GetProperty("id").GetInt64();
        var eventId = await CreateAsync(admin, Meetup());

        await admin.PostAsJsonAsync($"/api/v1/admin/posts/{postId}/hide", new { reason = "重複" }, Ct);
        await admin.GetAsync($"/api/v1/events/{eventId}/attendees?format=csv", Ct);
        await admin.PostAsync($"/api/v1/events/{eventId}/cancel", null, Ct);

        var actions = (await EntriesAsync(admin)).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["event.cancel", "event.export_attendees", "content.hide", "event.create"], actions);
    }

    [Fact]
    public async Task CreatingEditingAndPublishingAnEvent_AreRecorded_AnEditWithOnlyWhatItChanged()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var eventId = await CreateAsync(admin, Meetup(capacity: 40, publish: false));

        var moved = await admin.PatchAsJsonAsync($"/api/v1/events/{eventId}", new { capacity = 25, venue = "丸の内オフィス 3F" }, Ct);
        var unchanged = await admin.PatchAsJsonAsync($"/api/v1/events/{eventId}", new { capacity = 25 }, Ct);
        var refused = await admin.PatchAsJsonAsync($"/api/v1/events/{eventId}", new { capacity = -1 }, Ct);
        var published = await admin.PostAsync($"/api/v1/events/{eventId}/publish", null, Ct);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var entries = await EntriesAsync(admin);
        Assert.Equal(["event.publish", "event.update", "event.create"], entries.Select(e => e.GetProperty("action").GetString()));
        var edit = entries[1];
        Assert.Equal(eventId.ToString(), edit.GetProperty("targetId").GetString());
        var before = JsonDocument.Parse(edit.GetProperty("before").GetString()!).RootElement;
        var after = JsonDocument.Parse(edit.GetProperty("after").GetString()!).RootElement;
        Assert.Equal(["capacity", "venue"], after.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(40, before.GetProperty("capacity").GetInt32());
        Assert.Equal(25, after.GetProperty("capacity").GetInt32());
        Assert.Equal("丸の内オフィス 3F", after.GetProperty("venue").GetString());
        Assert.Contains("draft", entries[2].GetProperty("after").GetString());
        Assert.Contains("published", entries[0].GetProperty("after").GetString());
    }

    [Fact]
    public async Task TheLog_FiltersByActionPrefixAndDate()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var a = await tenant.MemberAsync(status: MemberStatus.Pending);
        var b = await tenant.MemberAsync(status: MemberStatus.Pending);
        var eventId = await CreateAsync(admin, Meetup());
        await admin.PostAsJsonAsync($"/api/v1/admin/registrations/{a.Id}/approve", new { }, Ct);
        await admin.PostAsJsonAsync($"/api/v1/admin/registrations/{b.Id}/reject", new { reason = "名簿にありません" }, Ct);
        await admin.PostAsync($"/api/v1/events/{eventId}/cancel", null, Ct);

        var registrations = await EntriesAsync(admin, "?action=registration.");
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");
        var future = await EntriesAsync(admin, $"?from={tomorrow}");
        var badRange = await admin.GetAsync("/api/v1/admin/audit?from=2026-05-02&to=2026-05-01", Ct);

        Assert.Equal(["registration.reject", "registration.approve"], registrations.Select(e => e.GetProperty("action").GetString()));
        Assert.Empty(future);
        await AssertValidationProblemAsync(badRange, "to");
    }

    [Fact]
    public async Task TheLog_ByAKnownAction_ListsThatActionOnly_NotOthersStartingAlike()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/admin/members?format=csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me/export?format=zip", Ct)).StatusCode);

        var exports = await EntriesAsync(admin, "?action=member.export");
        var family = await EntriesAsync(admin, "?action=member.");

        Assert.Equal(["member.export"], exports.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["member.export", "member.export_self"], family.Select(e => e.GetProperty("action").GetString()).Order());
    }

    [Theory]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("from=1899-12-31&to=2026-01-01", "from")]
    public async Task TheLog_RefusesDatesOutsideTheYearsItCanFilter_ByTheirField(string query, string field)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync(), "ja");

        var response = await admin.GetAsync($"/api/v1/admin/audit?{query}", Ct);

        var errors = await AssertValidationProblemAsync(response, field);
        Assert.Contains("1900", errors[field][0]);
    }

    [Fact]
    public async Task OnlyAdmins_ReadTheLog_AndOnlyTheirOwnNetworks()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var otherAdmin = await other.ApiAsync(await other.AdminAsync());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var memberPage = tenant.Client();
        var someone = await tenant.MemberAsync();
        await Forms.SignInAsync(memberPage, someone.Email, someone.Password);
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);
        await admin.PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/approve", new { }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/admin/audit", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await memberPage.GetAsync("/admin/audit", Ct)).StatusCode);
        Assert.Empty(await EntriesAsync(otherAdmin));
        Assert.Single(await EntriesAsync(admin));
    }

    [Fact]
    public async Task ThePage_ShowsEntriesInTheAdminsLanguage()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);
        await (await tenant.ApiAsync(admin)).PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/approve", new { }, Ct);
        var page = tenant.Client("ja");
        await Forms.SignInAsync(page, admin.Email, admin.Password);

        var html = await page.GetStringAsync("/admin/audit", Ct);

        Assert.Contains("監査ログ", html);
        Assert.Contains("登録を承認", html);
        Assert.Contains("registration.approve", html);
    }

    [Fact]
    public async Task Entries_CannotBeChangedOrDeleted_NotEvenBelowTheApp()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var pending = await tenant.MemberAsync(status: MemberStatus.Pending);
        await admin.PostAsJsonAsync($"/api/v1/admin/registrations/{pending.Id}/approve", new { }, Ct);

        var throughEf = await Record.ExceptionAsync(() => tenant.DbAsync(async db =>
        {
            var entry = await db.Set<AuditEntry>().FirstAsync(Ct);
            entry.Action = "registration.reject";
            return await db.SaveChangesAsync(Ct);
        }));
        var update = await Record.ExceptionAsync(() => tenant.DbAsync(db =>
            db.Set<AuditEntry>().ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, "nothing"), Ct)));
        var delete = await Record.ExceptionAsync(() => tenant.DbAsync(db => db.Set<AuditEntry>().ExecuteDeleteAsync(Ct)));
        var writes = new[] { "PUT", "PATCH", "DELETE", "POST" }.Select(m => admin.SendAsync(new HttpRequestMessage(new HttpMethod(m), "/api/v1/admin/audit"), Ct));

        Assert.IsType<InvalidOperationException>(throughEf);
        Assert.NotNull(update);
        Assert.NotNull(delete);
        Assert.All(await Task.WhenAll(writes), r => Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode));
        var entry = Assert.Single(await EntriesAsync(admin));
        Assert.Equal("registration.approve", entry.GetProperty("action").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditLogTestsOnSqlite(SqliteApp app) : AuditLogTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditLogTestsOnPostgres(PostgresApp app) : AuditLogTests(app);
