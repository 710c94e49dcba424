using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Infrastructure.Trust.Fuzz;

/// <summary>
/// A network with something behind every id the API takes: an admin, members of each kind, a pending applicant,
/// a post with a comment and a report, an event with a pitch, a conversation, a job, a collaboration, a
/// consultation, an invitation and a featured story. Its clients talk to an app without rate limits, so that the
/// fuzzer's inputs reach validation instead of a 429.
/// </summary>
public sealed class FuzzWorld
{
    public required TestTenant Tenant { get; init; }
    public required WebApplicationFactory<Program> Factory { get; init; }
    public required HttpClient Admin { get; init; }
    public required HttpClient Member { get; init; }
    /// <summary>A member of its own, for the operations that could end a caller's account (erase me).</summary>
    public required HttpClient Leaver { get; init; }
    public required IReadOnlyDictionary<string, long> Ids { get; init; }

    public static async Task<FuzzWorld> SeedAsync(AlumniApp app)
    {
        var factory = app.WithWebHostBuilder(b => b.UseSetting("RateLimiting:Enabled", "false"));
        var tenant = await app.CreateTenantAsync(employeeDomains: "corp.example");
        var ids = new Dictionary<string, long>();
        var adminMember = await tenant.AdminAsync();
        var alice = await tenant.MemberAsync(edit: m => m.OpenTo = OpenTo.Consultation | OpenTo.Collaboration | OpenTo.Rehire);
        var employee = await tenant.MemberAsync(MemberKind.Employee, "社員", "一郎");
        var victim = await tenant.MemberAsync(family: "対象", given: "次郎");
        var leaver = await tenant.MemberAsync(family: "退会", given: "三郎");
        var pending = await tenant.MemberAsync(family: "申請", given: "四郎", status: MemberStatus.Pending);
        ids["admin"] = adminMember.Id; ids["member"] = alice.Id; ids["employee"] = employee.Id; ids["victim"] = victim.Id; ids["pending"] = pending.Id;
        var admin = await ClientAsync(tenant, factory, adminMember);
        var member = await ClientAsync(tenant, factory, alice);
        var start = DateTimeOffset.UtcNow.AddDays(10);

        ids["post"] = await CreateAsync(admin, "/api/v1/posts", new { room = "updates", title = "近況", body = "こんにちは **世界**" });
        ids["comment"] = await CreateAsync(member, $"/api/v1/posts/{ids["post"]}/comments", new { body = "おめでとうございます" });
        ids["report"] = await CreateAsync(member, $"/api/v1/posts/{ids["post"]}/reports", new { reason = "spam" });
        ids["event"] = await CreateAsync(admin, "/api/v1/events", EventTestData.Meetup(kind: "pitch"));
        ids["pitch"] = await CreateAsync(member, $"/api/v1/events/{ids["event"]}/pitches", new { title = "新規事業", summary = "概要", seeking = new[] { "partners" } });
        ids["conversation"] = await CreateAsync(admin, "/api/v1/conversations", new { memberIds = new[] { alice.Id }, body = "はじめまして" });
        ids["message"] = await CreateAsync(member, $"/api/v1/conversations/{ids["conversation"]}/messages", new { body = "よろしくお願いします" });
        ids["messageReport"] = await CreateAsync(admin, $"/api/v1/messages/{ids["message"]}/reports", new { reason = "spam" });
        ids["job"] = await CreateAsync(admin, "/api/v1/jobs", new
        {
            title = "営業", department = "営業部", location = "東京", remote = "hybrid", description = "募集",
            howToApply = "人事部まで", closesAt = start.AddDays(20).ToString("yyyy-MM-dd"),
        });
        ids["collaboration"] = await CreateAsync(admin, "/api/v1/collaborations", new { title = "共同研究", description = "説明", stage = "idea", memberIds = new[] { alice.Id } });
        ids["consultation"] = await CreateAsync(admin, "/api/v1/consultations", new { memberId = alice.Id, topic = "転職", goal = "相談", format = "onlineCall" });
        ids["story"] = await CreateAsync(admin, "/api/v1/admin/community/stories", new { memberId = alice.Id, story = "活躍" });
        await admin.PostAsJsonAsync("/api/v1/admin/invitations", new { emails = "invitee@example.com" }, AppTest.Ct);
        ids["invitation"] = await FirstIdAsync(admin, "/api/v1/admin/invitations");
        ids["notification"] = await FirstIdAsync(member, "/api/v1/notifications");

        return new FuzzWorld
        {
            Tenant = tenant, Factory = factory, Admin = admin, Member = member, Leaver = await ClientAsync(tenant, factory, leaver), Ids = ids,
        };
    }

    /// <summary>The real id for a path parameter of an operation, read from its place in the path.</summary>
    public long IdFor(string path, string parameter)
    {
        var key = parameter switch
        {
            "pitchId" => "pitch",
            "commentId" => "comment",
            "memberId" => path.Contains("/recruiters/", StringComparison.Ordinal) ? "employee" : "victim",
            _ => path switch
            {
                _ when path.StartsWith("/api/v1/admin/registrations", StringComparison.Ordinal) => "pending",
                _ when path.StartsWith("/api/v1/admin/members", StringComparison.Ordinal) => "victim",
                _ when path.StartsWith("/api/v1/admin/message-reports", StringComparison.Ordinal) => "messageReport",
                _ when path.StartsWith("/api/v1/admin/reports", StringComparison.Ordinal) => "report",
                _ when path.StartsWith("/api/v1/admin/comments", StringComparison.Ordinal) => "comment",
                _ when path.StartsWith("/api/v1/admin/community/stories", StringComparison.Ordinal) => "story",
                _ when path.StartsWith("/api/v1/admin/invitations", StringComparison.Ordinal) => "invitation",
                _ when path.StartsWith("/api/v1/messages", StringComparison.Ordinal) => "message",
                _ when path.StartsWith("/api/v1/members", StringComparison.Ordinal) => "member",
                _ => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(Singular).FirstOrDefault(Ids.ContainsKey) ?? "member",
            },
        };
        return Ids[key];
    }

    static string Singular(string segment) => segment == "admin" ? "" : segment.TrimEnd('s');

    static async Task<HttpClient> ClientAsync(TestTenant tenant, WebApplicationFactory<Program> factory, TestMember who)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant.Host}/"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tenant.TokenForAsync(who, TimeSpan.FromHours(2)));
        // A member's first request of the day records the activity (Members, MemberActivity): done here, so that a
        // rejected call of the fuzzer is not blamed for it.
        (await client.GetAsync("/api/v1/members/me", AppTest.Ct)).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Creates through the API; the id of what was made, or 0 when the world has to do without it.</summary>
    static async Task<long> CreateAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body, AppTest.Ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Seeding the fuzzing world: POST {path} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(AppTest.Ct)}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(AppTest.Ct);
        // Most answer the created object; a collaboration answers it inside its detail.
        if (json.TryGetProperty("collaboration", out var inner)) json = inner;
        return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("id", out var id) && id.TryGetInt64(out var v) ? v : 0;
    }

    static async Task<long> FirstIdAsync(HttpClient client, string path)
    {
        var json = await client.GetFromJsonAsync<JsonElement>(path, AppTest.Ct);
        return json.TryGetProperty("items", out var items) && items.GetArrayLength() > 0 && items[0].TryGetProperty("id", out var id) ? id.GetInt64() : 0;
    }
}
