using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Roster;
using static OpenAlumni.Tests.Infrastructure.AppTest;

namespace OpenAlumni.Tests.Features.Privacy;

/// <summary>What the privacy tests make through the API: posts, consents, and a member connected to every other feature.</summary>
public static class PrivacyTestData
{
    public static async Task<long> PostAsync(HttpClient client, string title, string room = "updates")
    {
        var response = await client.PostAsJsonAsync("/api/v1/posts", new { room, title, body = "本文 " + title });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task SetConsentAsync(HttpClient client, string purpose, bool granted)
    {
        var response = await client.PutAsJsonAsync("/api/v1/me/consents", new { purposes = new Dictionary<string, bool> { [purpose] = granted } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<List<long>> DirectoryIdsAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=100");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
    }

    public sealed record Connections(long ConversationId, long CollaborationId, long JobId, string ReferredEmail, string OthersRosterEmail);

    /// <summary>
    /// Everything #6 and #7 can hold on a member: a conversation (from an accepted consultation), a block, a message report,
    /// a job interest with consent and a referral, a collaboration with a stage change of theirs, a featured story,
    /// their roster row and an invitation to their address; plus another member's roster row and invitation, which must stay.
    /// </summary>
    public static async Task<Connections> ConnectAsync(TestTenant tenant, HttpClient admin, HttpClient api, TestMember me, string family, TestMember otherMember, HttpClient other)
    {
        var third = await tenant.MemberAsync(family: "第三", given: "者");
        var consultation = await api.PostAsJsonAsync("/api/v1/consultations", new { memberId = otherMember.Id, topic = "転職の相談", goal = "進め方を伺いたいです", format = "onlineCall" }, Ct);
        Assert.Equal(HttpStatusCode.Created, consultation.StatusCode);
        var consultationId = (await JsonAsync(consultation)).GetProperty("id").GetInt64();
        var accepted = await other.PostAsync($"/api/v1/consultations/{consultationId}/accept", null, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var conversationId = (await JsonAsync(accepted)).GetProperty("conversationId").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { body = "私のメッセージ" }, Ct)).StatusCode);
        var reply = await other.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { body = "相手の返信" }, Ct);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var replyId = (await JsonAsync(reply)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/messages/{replyId}/reports", new { reason = "私の通報理由" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/me/blocks", new { memberId = third.Id }, Ct)).StatusCode);

        var job = await admin.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = "事業開発マネージャー", department = "機械・インフラ本部", location = "東京本社", remote = "hybrid", description = "物流", howToApply = "人事まで",
            closesAt = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd"), keywords = "物流",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, job.StatusCode);
        var jobId = (await JsonAsync(job)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/jobs/{jobId}/interest", new { consent = true }, Ct)).StatusCode);
        var referred = $"referred-{Guid.NewGuid():N}@example.org";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/jobs/{jobId}/referrals", new { name = "紹介 一郎", email = referred, note = "元同僚です" }, Ct)).StatusCode);

        var collaboration = await admin.PostAsJsonAsync("/api/v1/collaborations", new
        {
            title = "共同配送PoC", description = "検証", stage = "talking", memberIds = new[] { me.Id, otherMember.Id }, departments = new[] { "DX推進室" },
            origin = new { type = "consultation", id = consultationId },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, collaboration.StatusCode);
        var collaborationId = (await JsonAsync(collaboration)).GetProperty("collaboration").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/collaborations/{collaborationId}", new { stage = "poc" }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/community/stories", new { memberId = me.Id, story = "起業して会社と共同配送を始めました" }, Ct)).StatusCode);

        var othersEmail = $"roster-{Guid.NewGuid():N}@example.com";
        await tenant.DbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var adminId = await db.Members.Where(m => m.Role == MemberRole.Admin).Select(m => m.Id).FirstAsync(Ct);
            var row = new RosterEntry { FamilyName = family, GivenName = "花子", Email = me.Email.ToUpperInvariant(), EmailKey = me.Email.ToLowerInvariant(), Department = "物流部", CreatedAt = now, UpdatedAt = now };
            var otherRow = new RosterEntry { FamilyName = "名簿", GivenName = "残る", Email = othersEmail, EmailKey = othersEmail, CreatedAt = now, UpdatedAt = now };
            db.AddRange(row, otherRow);
            await db.SaveChangesAsync(Ct);
            db.AddRange(
                new Invitation { Email = me.Email, EmailKey = me.Email.ToLowerInvariant(), RosterEntryId = row.Id, TokenHash = Guid.NewGuid().ToString("N"), Language = "ja",
                    CreatedAt = now, SentAt = now, SendCount = 1, ExpiresAt = now.AddDays(30), CreatedByMemberId = adminId },
                new Invitation { Email = othersEmail, EmailKey = othersEmail, RosterEntryId = otherRow.Id, TokenHash = Guid.NewGuid().ToString("N"), Language = "ja",
                    CreatedAt = now, SentAt = now, SendCount = 1, ExpiresAt = now.AddDays(30), CreatedByMemberId = adminId });
            return await db.SaveChangesAsync(Ct);
        });
        return new Connections(conversationId, collaborationId, jobId, referred, othersEmail);
    }
}
