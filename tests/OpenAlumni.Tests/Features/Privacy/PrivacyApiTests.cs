using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Community;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Features.Roster;

namespace OpenAlumni.Tests.Features.Privacy;

public abstract class PrivacyApiTests(AlumniApp app) : AppTest(app)
{
    static async Task PublishPolicyAsync(HttpClient admin, string ja, string en)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/privacy/policy", new { ja, en });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    static async Task<long> PostAsync(HttpClient client, string title, string room = "updates")
    {
        var response = await client.PostAsJsonAsync("/api/v1/posts", new { room, title, body = "本文 " + title });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    static async Task SetConsentAsync(HttpClient client, string purpose, bool granted)
    {
        var response = await client.PutAsJsonAsync("/api/v1/me/consents", new { purposes = new Dictionary<string, bool> { [purpose] = granted } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    static async Task<List<long>> DirectoryIdsAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=100");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
    }

    [Fact]
    public async Task Policy_EachAdminEditIsANewVersion_ThePublicSeesTheCurrentOne_OldOnesStay()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        await PublishPolicyAsync(admin, "第1版の本文", "First version");
        await PublishPolicyAsync(admin, "第2版の本文", "Second version");
        var byMember = await member.PostAsJsonAsync("/api/v1/admin/privacy/policy", new { ja = "x", en = "x" }, Ct);
        var current = await tenant.Client().GetFromJsonAsync<JsonElement>("/api/v1/privacy/policy?lang=en", Ct);
        var old = await tenant.Client().GetFromJsonAsync<JsonElement>("/api/v1/privacy/policy?lang=ja&version=1", Ct);
        var page = await tenant.Client("ja").GetStringAsync("/privacy", Ct);
        var versions = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/privacy/policy", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal("Second version", current.GetProperty("text").GetString());
        Assert.Equal("第1版の本文", old.GetProperty("text").GetString());
        Assert.Contains("第2版の本文", page);
        Assert.Equal(2, versions.GetArrayLength());
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?action=privacy.", Ct);
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PolicyEditPage_IsForAdmins_AndPublishesAVersion()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var member = await tenant.MemberAsync();
        var adminBrowser = tenant.Client("ja");
        await Forms.SignInAsync(adminBrowser, admin.Email, admin.Password);
        var memberBrowser = tenant.Client();
        await Forms.SignInAsync(memberBrowser, member.Email, member.Password);

        var denied = await memberBrowser.GetAsync("/admin/privacy", Ct);
        var published = await Forms.PostAsync(adminBrowser, "/admin/privacy", new Dictionary<string, string> { ["Ja"] = "ページから公開した本文", ["En"] = "Published from the page" });
        var empty = await Forms.PostAsync(adminBrowser, "/admin/privacy", new Dictionary<string, string> { ["Ja"] = "", ["En"] = "" });
        var page = await tenant.Client("en").GetStringAsync("/privacy", Ct);

        Assert.Contains("/accounts/accessdenied", denied.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("現在の版と同じ内容", await empty.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Published from the page", page);
        Assert.Equal(2, await tenant.DbAsync(db => db.Set<PrivacyPolicy>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Register_RecordsAConsentOrRefusalPerPurpose_WithThePolicyVersion()
    {
        var tenant = await App.CreateTenantAsync();
        await PublishPolicyAsync(await tenant.ApiAsync(await tenant.AdminAsync()), "本文", "text");
        var email = $"r-{Guid.NewGuid():N}@example.com";

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/registrations", new
        {
            email, password = TestTenant.Password, kind = "Alumni", familyName = "佐藤", givenName = "一郎", department = "営業部", leftYear = 2020,
            consents = new[] { "directory", "eventPhotos" },
        }, Ct);
        var id = await tenant.DbAsync(db => db.Members.Where(m => m.User!.Email == email).Select(m => m.Id).SingleAsync(Ct));
        var records = await tenant.DbAsync(db => db.Set<ConsentRecord>().Where(c => c.MemberId == id).ToListAsync(Ct));
        var member = await tenant.LoadMemberAsync(id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.Equal(1, r.PolicyVersion));
        Assert.Equal([Purpose.Directory, Purpose.EventPhotos], records.Where(r => r.Granted).Select(r => r.Purpose).Order());
        Assert.Equal(Purpose.CompanyNews | Purpose.RehireContact | Purpose.Featured, member.WithheldPurposes);
    }

    [Fact]
    public async Task Register_WithAnUnknownPurpose_Is400AndWritesNothing()
    {
        var tenant = await App.CreateTenantAsync();

        var response = await tenant.Client().PostAsJsonAsync("/api/v1/registrations", new
        {
            email = $"r-{Guid.NewGuid():N}@example.com", password = TestTenant.Password, kind = "Employee", familyName = "佐藤", givenName = "一郎",
            consents = new[] { "directory", "spam" },
        }, Ct);

        await AssertValidationProblemAsync(response, "consents");
        Assert.Equal(0, await tenant.DbAsync(db => db.Members.CountAsync(Ct)));
    }

    [Fact]
    public async Task WithdrawingDirectory_TakesTheMemberOutOfTheDirectory_ButNotOutOfTheAdminsView_AndIsRecorded()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        await PublishPolicyAsync(admin, "本文", "text");
        var hidden = await tenant.MemberAsync(family: "隠岐", given: "花子", edit: m => m.OpenTo = OpenTo.Consultation);
        var viewer = await tenant.ApiAsync(await tenant.MemberAsync());
        var hiddenApi = await tenant.ApiAsync(hidden);

        await SetConsentAsync(hiddenApi, "directory", false);
        var seenByMember = await DirectoryIdsAsync(viewer);
        var searchedByMember = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/members?q=隠岐", Ct);
        var seenByAdmin = await DirectoryIdsAsync(admin);
        var home = await viewer.GetStringAsync("/", Ct);
        var mine = await hiddenApi.GetFromJsonAsync<JsonElement>("/api/v1/me/consents", Ct);

        Assert.DoesNotContain(hidden.Id, seenByMember);
        Assert.Equal(0, searchedByMember.GetProperty("total").GetInt32());
        Assert.Contains(hidden.Id, seenByAdmin);
        Assert.DoesNotContain("隠岐", home);
        var directory = mine.GetProperty("purposes").EnumerateArray().First(p => p.GetProperty("purpose").GetString() == "directory");
        Assert.False(directory.GetProperty("granted").GetBoolean());
        var last = mine.GetProperty("history")[0];
        Assert.Equal("directory", last.GetProperty("purpose").GetString());
        Assert.False(last.GetProperty("granted").GetBoolean());
        Assert.Equal(1, last.GetProperty("policyVersion").GetInt32());
    }

    [Fact]
    public async Task WithdrawingCompanyNews_StopsAnnouncements_NotificationMailAndDigest()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var quiet = await tenant.MemberAsync();
        var listening = await tenant.MemberAsync();
        await SetConsentAsync(await tenant.ApiAsync(quiet), "companyNews", false);

        await PostAsync(admin, "年次総会のお知らせ", "announcements");
        var quietNotes = await tenant.DbAsync(db => db.Set<Notification>().CountAsync(n => n.MemberId == quiet.Id, Ct));
        var listeningNotes = await tenant.DbAsync(db => db.Set<Notification>().CountAsync(n => n.MemberId == listening.Id, Ct));
        await App.SendQueuedMailAsync();

        Assert.Equal(0, quietNotes);
        Assert.Equal(1, listeningNotes);
        Assert.Empty(Mailbox.For(App, quiet.Email));
        Assert.Single(Mailbox.For(App, listening.Email));
    }

    [Fact]
    public async Task WithdrawingEventPhotos_MarksTheAttendeeForTheSecretariat()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var shy = await tenant.ApiAsync(await tenant.MemberAsync());
        var happy = await tenant.ApiAsync(await tenant.MemberAsync(family: "写真", given: "好子"));
        var eventId = await EventTestData.CreateAsync(admin, EventTestData.Meetup(capacity: 5));
        await SetConsentAsync(shy, "eventPhotos", false);
        Assert.Equal(HttpStatusCode.OK, (await shy.PostAsJsonAsync($"/api/v1/events/{eventId}/rsvp", new { mode = "inPerson" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await happy.PostAsJsonAsync($"/api/v1/events/{eventId}/rsvp", new { mode = "inPerson" }, Ct)).StatusCode);

        var attendees = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/events/{eventId}/attendees", Ct);

        Assert.Equal([false, true], attendees.EnumerateArray().OrderBy(a => a.GetProperty("displayName").GetString() == "山田 花子").Select(a => a.GetProperty("noPhotos").GetBoolean()));
    }

    [Fact]
    public async Task Consents_AreOnlyMine_AndBadInputIs400()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var api = await tenant.ApiAsync(member);
        var token = await tenant.TokenAsync(member);
        var foreign = other.Client();
        foreign.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var anonymous = await tenant.Client().GetAsync("/api/v1/me/consents", Ct);
        var elsewhere = await foreign.GetAsync("/api/v1/me/consents", Ct);
        var bad = await api.PutAsJsonAsync("/api/v1/me/consents", new { purposes = new Dictionary<string, bool> { ["spam"] = true } }, Ct);
        var empty = await api.PutAsJsonAsync("/api/v1/me/consents", new { purposes = new Dictionary<string, bool>() }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        await AssertValidationProblemAsync(bad, "purposes.spam");
        await AssertValidationProblemAsync(empty, "purposes");
    }

    [Fact]
    public async Task Export_HoldsMyDataAndFiles_AndNothingOfOthers()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync(family: "輸出", given: "太郎");
        var other = await tenant.MemberAsync(family: "他人", given: "次郎");
        var api = await tenant.ApiAsync(me);
        var otherApi = await tenant.ApiAsync(other);
        var photo = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(64, 64)), "photo", "me.png" } };
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/members/me/photo", photo, Ct)).StatusCode);
        var image = await api.PostAsync("/api/v1/posts/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(80, 60)), "image", "x.png" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, image.StatusCode);
        var mine = await PostAsync(api, "私の近況MINE");
        var theirs = await PostAsync(otherApi, "他人の近況THEIRS");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/posts/{theirs}/comments", new { body = "私のコメントMYCOMMENT" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await otherApi.PostAsJsonAsync($"/api/v1/posts/{mine}/comments", new { body = "他人のコメントTHEIRCOMMENT" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/posts/{theirs}/reactions", new { kind = "thanks" }, Ct)).StatusCode);

        var json = (await api.GetStringAsync("/api/v1/me/export", Ct)).Replace("\": ", "\":");
        var zipResponse = await api.GetAsync("/api/v1/me/export?format=zip", Ct);
        using var zip = new ZipArchive(await zipResponse.Content.ReadAsStreamAsync(Ct));

        Assert.Contains(me.Email, json);
        Assert.Contains("私の近況MINE", json);
        Assert.Contains("私のコメントMYCOMMENT", json);
        Assert.Contains("\"kind\":\"Thanks\"", json);
        Assert.Contains("\"directory\":true", json);
        Assert.DoesNotContain(other.Email, json);
        Assert.DoesNotContain("他人のコメントTHEIRCOMMENT", json);
        Assert.DoesNotContain("他人", json.Replace("他人の近況THEIRS", ""));
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType?.MediaType);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("data.json", names);
        Assert.Contains("files/photo.jpg", names);
        Assert.Single(names, n => n.StartsWith("files/post-images/"));
    }

    [Fact]
    public async Task Export_HoldsMyMessagesConsultationsJobsCollaborationsAndRoster_NotWhatOthersKeepToThemselves()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var family = "輸出" + Guid.NewGuid().ToString("N")[..6];
        var me = await tenant.MemberAsync(family: family, given: "花子");
        var otherMember = await tenant.MemberAsync(family: "相手", given: "次郎", edit: m => m.OpenTo = OpenTo.Consultation);
        var other = await tenant.ApiAsync(otherMember);
        var api = await tenant.ApiAsync(me);
        var connections = await ConnectAsync(tenant, admin, api, me, family, otherMember, other);
        var blocker = await tenant.MemberAsync(family: "秘密", given: "遮断");
        Assert.Equal(HttpStatusCode.Created, (await (await tenant.ApiAsync(blocker)).PostAsJsonAsync("/api/v1/me/blocks", new { memberId = me.Id }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync($"/api/v1/jobs/{connections.JobId}/interest", new { consent = true }, Ct)).StatusCode);

        var json = await JsonAsync(await api.GetAsync("/api/v1/me/export", Ct));
        var text = json.GetRawText();

        var conversation = Assert.Single(json.GetProperty("conversations").EnumerateArray());
        Assert.Equal(["相手 次郎"], conversation.GetProperty("with").EnumerateArray().Select(x => x.GetString()).ToList());
        Assert.Contains("私のメッセージ", conversation.GetProperty("myMessages").GetRawText());
        Assert.DoesNotContain("相手の返信", text);
        Assert.Equal("第三 者", Assert.Single(json.GetProperty("blocks").EnumerateArray()).GetProperty("name").GetString());
        Assert.DoesNotContain("秘密", text);
        Assert.Equal("私の通報理由", Assert.Single(json.GetProperty("messageReports").EnumerateArray()).GetProperty("reason").GetString());
        var consultation = Assert.Single(json.GetProperty("consultations").EnumerateArray());
        Assert.Equal("sent", consultation.GetProperty("direction").GetString());
        Assert.Equal("転職の相談", consultation.GetProperty("topic").GetString());
        Assert.Equal("相手 次郎", consultation.GetProperty("with").GetString());
        Assert.True(Assert.Single(json.GetProperty("jobInterests").EnumerateArray()).GetProperty("consentToShare").GetBoolean());
        Assert.Equal(connections.ReferredEmail, Assert.Single(json.GetProperty("jobReferrals").EnumerateArray()).GetProperty("email").GetString());
        var collaboration = Assert.Single(json.GetProperty("collaborations").EnumerateArray());
        Assert.Equal("共同配送PoC", collaboration.GetProperty("title").GetString());
        Assert.Equal("poc", Assert.Single(json.GetProperty("collaborationStageChanges").EnumerateArray()).GetProperty("to").GetString()!.ToLowerInvariant());
        Assert.Equal("起業して会社と共同配送を始めました", json.GetProperty("featuredStory").GetProperty("story").GetString());
        Assert.Equal("物流部", Assert.Single(json.GetProperty("roster").EnumerateArray()).GetProperty("department").GetString());
        Assert.Single(json.GetProperty("invitations").EnumerateArray());
        Assert.DoesNotContain(otherMember.Email, text);
        Assert.DoesNotContain(connections.OthersRosterEmail, text);
        Assert.True(json.GetProperty("membership").TryGetProperty("lastActiveAt", out _));
    }

    sealed record Connections(long ConversationId, long CollaborationId, long JobId, string ReferredEmail, string OthersRosterEmail);

    /// <summary>
    /// Everything #6 and #7 can hold on a member: a conversation (from an accepted consultation), a block, a message report,
    /// a job interest with consent and a referral, a collaboration with a stage change of theirs, a featured story,
    /// their roster row and an invitation to their address; plus another member's roster row and invitation, which must stay.
    /// </summary>
    async Task<Connections> ConnectAsync(TestTenant tenant, HttpClient admin, HttpClient api, TestMember me, string family, TestMember otherMember, HttpClient other)
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

    /// <summary>What is left after a member with a bit of everything (see <see cref="ConnectAsync"/>) deleted themselves.</summary>
    sealed record Erasure(TestMember Me, TestMember OtherMember, HttpClient Admin, Connections Connections, List<string> Files,
        HttpResponseMessage Response, HttpResponseMessage Afterwards, HttpResponseMessage Login, List<string> EmailHits, List<string> NameHits,
        JsonElement TheirDetail, HttpResponseMessage MyPostNow, JsonElement Event, List<OpenAlumni.Web.Features.Audit.AuditEntry> Audit,
        List<string> ReferralHits, HttpResponseMessage Conversation, JsonElement Collaboration, JsonElement Job, Remains Left);

    sealed record Remains(int Consultations, int Blocks, int Stories, List<string> Roster, List<string> Invitations, int Participants, int TheirConsultationNotices);

    /// <summary>
    /// A member with a profile, photo, post image, post, comment, reaction, RSVP and every connection (<see cref="ConnectAsync"/>)
    /// deletes themselves with <paramref name="posts"/> as the choice for their posts; then everything is looked at.
    /// </summary>
    async Task<Erasure> DeleteMeAsync(string posts)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var family = "消去" + Guid.NewGuid().ToString("N")[..6];
        var me = await tenant.MemberAsync(family: family, given: "花子", edit: m => { m.Bio = "自己紹介"; m.Location = "札幌"; });
        var otherMember = await tenant.MemberAsync(edit: m => m.OpenTo = OpenTo.Consultation);
        var other = await tenant.ApiAsync(otherMember);
        var api = await tenant.ApiAsync(me);
        var token = await tenant.TokenAsync(me);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync("/api/v1/members/me/photo", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(64, 64)), "photo", "me.png" } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/posts/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(80, 60)), "image", "x.png" } }, Ct)).StatusCode);
        var files = await tenant.DbAsync(async db => (await db.Members.Where(m => m.Id == me.Id).Select(m => m.PhotoPath!).ToListAsync(Ct))
            .Concat(await db.Set<Attachment>().Where(a => a.UploaderMemberId == me.Id).Select(a => a.Path).ToListAsync(Ct)).ToList());
        var myPost = await PostAsync(api, "消える近況");
        var theirPost = await PostAsync(other, "残る近況");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/posts/{theirPost}/comments", new { body = "消えるコメント" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync($"/api/v1/posts/{myPost}/comments", new { body = "返信" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/posts/{theirPost}/reactions", new { kind = "like" }, Ct)).StatusCode);
        var eventId = await EventTestData.CreateAsync(admin, EventTestData.Meetup(capacity: 5));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/events/{eventId}/rsvp", new { mode = "inPerson" }, Ct)).StatusCode);
        await SetConsentAsync(api, "featured", false);
        var connections = await ConnectAsync(tenant, admin, api, me, family, otherMember, other);

        var response = await api.DeleteAsync($"/api/v1/me?posts={posts}", Ct);
        var afterwards = await tenant.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/members/me") { Headers = { Authorization = new("Bearer", token) } }, Ct);
        var login = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = me.Email, password = me.Password }, Ct);
        var emailHits = await tenant.DbAsync(db => PrivacyData.TablesContainingAsync(db, me.Email));
        var nameHits = await tenant.DbAsync(db => PrivacyData.TablesContainingAsync(db, family));
        var theirDetail = await other.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{theirPost}", Ct);
        var myPostNow = await other.GetAsync($"/api/v1/posts/{myPost}", Ct);
        var ev = await EventTestData.GetAsync(admin, eventId);
        var audit = await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Features.Audit.AuditEntry>().Where(a => a.Action == "member.delete_self").ToListAsync(Ct));
        var referralHits = await tenant.DbAsync(db => PrivacyData.TablesContainingAsync(db, connections.ReferredEmail));
        var conversation = await other.GetAsync($"/api/v1/conversations/{connections.ConversationId}", Ct);
        var collaboration = await JsonAsync(await admin.GetAsync($"/api/v1/collaborations/{connections.CollaborationId}", Ct));
        var job = await JsonAsync(await admin.GetAsync($"/api/v1/jobs/{connections.JobId}", Ct));
        var left = await tenant.DbAsync(async db => new Remains(
            Consultations: await db.Set<ConsultationRequest>().CountAsync(Ct),
            Blocks: await db.Set<MemberBlock>().CountAsync(Ct),
            Stories: await db.Set<FeaturedStory>().CountAsync(Ct),
            Roster: await db.Set<RosterEntry>().Select(r => r.Email).ToListAsync(Ct),
            Invitations: await db.Set<Invitation>().Select(i => i.Email).ToListAsync(Ct),
            Participants: await db.Set<ConversationParticipant>().Where(p => p.MemberId == me.Id).CountAsync(Ct),
            TheirConsultationNotices: await db.Set<Notification>().CountAsync(n => n.MemberId == otherMember.Id && n.Type == NotificationType.ConsultationRequest, Ct)));

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", App.Logs.Lines.Where(l => l.StartsWith("Error"))));
        return new Erasure(me, otherMember, admin, connections, files, response, afterwards, login, emailHits, nameHits, theirDetail, myPostNow, ev, audit,
            referralHits, conversation, collaboration, job, left);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("anonymize")]
    public async Task DeleteMe_LeavesNoTraceOfMeInAnyTable(string posts)
    {
        var erased = await DeleteMeAsync(posts);

        Assert.Empty(erased.EmailHits);
        Assert.Empty(erased.NameHits);
        Assert.Empty(erased.ReferralHits);
        Assert.Equal(0, erased.Left.Consultations);
        Assert.Equal(0, erased.Left.Blocks);
        Assert.Equal(0, erased.Left.Stories);
        Assert.Equal(0, erased.Left.Participants);
        Assert.Equal(0, erased.Left.TheirConsultationNotices);
        Assert.Equal([erased.Connections.OthersRosterEmail], erased.Left.Roster);
        Assert.Equal([erased.Connections.OthersRosterEmail], erased.Left.Invitations);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("anonymize")]
    public async Task DeleteMe_DeletesMyPhotoAndUploadedImages(string posts)
    {
        var erased = await DeleteMeAsync(posts);

        Assert.NotEmpty(erased.Files);
        Assert.All(erased.Files, f => Assert.False(File.Exists(Path.Combine(App.Root, "files", f)), f));
    }

    [Fact]
    public async Task DeleteMe_EndsMySessions_AndDeletesMyLogin()
    {
        var erased = await DeleteMeAsync("delete");

        Assert.True((await JsonAsync(erased.Response)).GetProperty("loginDeleted").GetBoolean());
        Assert.Contains(erased.Afterwards.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.Unauthorized, erased.Login.StatusCode);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("anonymize")]
    public async Task DeleteMe_IsAuditedWithMyChoiceOnly(string posts)
    {
        var erased = await DeleteMeAsync(posts);

        var entry = Assert.Single(erased.Audit);
        Assert.Equal(erased.Me.Id.ToString(), entry.TargetId);
        Assert.Equal($"{{\"posts\":\"{posts}\"}}", entry.After);
    }

    [Fact]
    public async Task DeleteMe_GivesBackMySeat_AndTakesBackMyReactionInterestAndReferral()
    {
        var erased = await DeleteMeAsync("delete");

        Assert.Equal(0, erased.Event.GetProperty("confirmedCount").GetInt32());
        Assert.Equal(0, erased.TheirDetail.GetProperty("post").GetProperty("reactions").EnumerateObject().Sum(r => r.Value.ValueKind == JsonValueKind.Number ? r.Value.GetInt32() : 0));
        Assert.Equal(0, erased.Job.GetProperty("interestCount").GetInt32());
        Assert.Empty(erased.Job.GetProperty("referrals").EnumerateArray());
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("anonymize")]
    public async Task DeleteMe_LeavesTheConversationToTheOthers_WithTheirMessages(string posts)
    {
        var erased = await DeleteMeAsync(posts);

        Assert.Equal(HttpStatusCode.OK, erased.Conversation.StatusCode);
        var messages = (await JsonAsync(erased.Conversation)).GetProperty("messages").EnumerateArray().ToList();
        Assert.Contains(messages, x => x.GetProperty("body").GetString() == "相手の返信" && x.GetProperty("senderId").GetInt64() == erased.OtherMember.Id);
        Assert.DoesNotContain(messages, x => x.GetProperty("senderId").GetInt64() == erased.Me.Id);
    }

    [Fact]
    public async Task DeleteMe_LeavesTheCollaborationToTheOthers_WithMyStageChangeUnnamed_AndNoOriginLink()
    {
        var erased = await DeleteMeAsync("delete");

        var collab = erased.Collaboration.GetProperty("collaboration");
        Assert.Equal("poc", collab.GetProperty("stage").GetString());
        Assert.Equal([erased.OtherMember.Id], collab.GetProperty("members").EnumerateArray().Select(x => x.GetProperty("id").GetInt64()).ToList());
        Assert.Equal("consultation", collab.GetProperty("origin").GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, collab.GetProperty("origin").GetProperty("id").ValueKind);
        var change = Assert.Single(erased.Collaboration.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString() == "poc");
        Assert.Equal(JsonValueKind.Null, change.GetProperty("by").ValueKind);
    }

    [Fact]
    public async Task DeleteMe_ChoosingDelete_RemovesMyPostsCommentsAndMessages()
    {
        var erased = await DeleteMeAsync("delete");

        Assert.Equal(HttpStatusCode.NotFound, erased.MyPostNow.StatusCode);
        Assert.Empty(erased.TheirDetail.GetProperty("comments").EnumerateArray());
        var messages = (await JsonAsync(erased.Conversation)).GetProperty("messages").EnumerateArray();
        Assert.All(messages, x => Assert.Equal(erased.OtherMember.Id, x.GetProperty("senderId").GetInt64()));
    }

    [Fact]
    public async Task DeleteMe_ChoosingAnonymize_KeepsMyPostsCommentsAndMessages_AsAFormerMember()
    {
        var erased = await DeleteMeAsync("anonymize");

        var kept = await JsonAsync(erased.MyPostNow);
        Assert.True(kept.GetProperty("post").GetProperty("author").GetProperty("formerMember").GetBoolean());
        var comment = erased.TheirDetail.GetProperty("comments")[0];
        Assert.Equal("消えるコメント", comment.GetProperty("body").GetString());
        Assert.True(comment.GetProperty("author").GetProperty("formerMember").GetBoolean());
        var directory = await DirectoryIdsAsync(erased.Admin);
        Assert.DoesNotContain(kept.GetProperty("post").GetProperty("author").GetProperty("id").GetInt64(), directory);
        var mine = (await JsonAsync(erased.Conversation)).GetProperty("messages").EnumerateArray()
            .Where(x => x.GetProperty("senderId").GetInt64() != erased.OtherMember.Id).ToList();
        Assert.Contains(mine, x => x.GetProperty("body").GetString() == "私のメッセージ");
        Assert.All(mine, x => Assert.True(x.GetProperty("formerMember").GetBoolean()));
        Assert.All(mine, x => Assert.Equal("", x.GetProperty("sender").GetString()));
    }

    [Fact]
    public async Task DeleteMe_WhenTheLoginBelongsToAnotherNetwork_RemovesOnlyThisMembership()
    {
        var tenant = await App.CreateTenantAsync();
        var second = await App.CreateTenantAsync();
        var email = $"two-{Guid.NewGuid():N}@example.com";
        var here = await tenant.MemberAsync(email: email);
        var there = await second.MemberAsync(email: email);
        var api = await tenant.ApiAsync(here);

        var response = await api.DeleteAsync("/api/v1/me?posts=delete", Ct);
        var loginHere = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestTenant.Password }, Ct);
        var loginThere = await second.Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestTenant.Password }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await JsonAsync(response)).GetProperty("loginDeleted").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, loginHere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loginThere.StatusCode);
        Assert.True(await second.DbAsync(db => db.Members.AnyAsync(m => m.Id == there.Id, Ct)));
    }

    [Fact]
    public async Task DeleteMe_NeedsAChoice_AndTheLastAdminCannotLeave()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var noChoice = await member.DeleteAsync("/api/v1/me", Ct);
        var badChoice = await member.DeleteAsync("/api/v1/me?posts=keep-forever", Ct);
        var lastAdmin = await admin.DeleteAsync("/api/v1/me?posts=delete", Ct);
        var anonymous = await tenant.Client().DeleteAsync("/api/v1/me?posts=delete", Ct);

        await AssertValidationProblemAsync(noChoice, "posts");
        await AssertValidationProblemAsync(badChoice, "posts");
        Assert.Equal(HttpStatusCode.Conflict, lastAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task MyDataPage_ChangesConsents_AndDeletesMe_WithConfirmation()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync();
        var client = tenant.Client();
        await Forms.SignInAsync(client, me.Email, me.Password);

        var page = await client.GetStringAsync("/privacy/me", Ct);
        var saved = await Forms.PostAsync(client, "/privacy/me?handler=Consents", new Dictionary<string, string>
        {
            ["Granted[directory]"] = "false", ["Granted[companyNews]"] = "true", ["Granted[rehireContact]"] = "false", ["Granted[featured]"] = "false", ["Granted[eventPhotos]"] = "false",
        }, "/privacy/me");
        var withheld = (await tenant.LoadMemberAsync(me.Id)).WithheldPurposes;
        var unconfirmed = await Forms.PostAsync(client, "/privacy/me?handler=Delete", new Dictionary<string, string> { ["Posts"] = "delete" }, "/privacy/me");
        var stillThere = await tenant.DbAsync(db => db.Members.AnyAsync(m => m.Id == me.Id, Ct));
        var export = await client.GetAsync("/privacy/me?handler=Export", Ct);
        var deleted = await Forms.PostAsync(client, "/privacy/me?handler=Delete", new Dictionary<string, string> { ["Posts"] = "delete", ["Confirm"] = "true" }, "/privacy/me");

        Assert.Contains("data-testid=\"consent-directory\"", page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Purpose.Directory | Purpose.RehireContact | Purpose.Featured | Purpose.EventPhotos, withheld);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.True(stillThere);
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await tenant.DbAsync(db => db.Members.AnyAsync(m => m.Id == me.Id, Ct)));
    }

    [Fact]
    public async Task RegisterPage_ShowsThePurposes_AndRecordsWhatWasTicked()
    {
        var tenant = await App.CreateTenantAsync();
        var email = $"p-{Guid.NewGuid():N}@example.com";
        var client = tenant.Client("ja");

        var form = await client.GetStringAsync("/accounts/register", Ct);
        var token = Forms.Token(form);
        var response = await client.PostAsync("/accounts/register", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("Input.Kind", "Employee"), new("Input.FamilyName", "中村"), new("Input.GivenName", "亮"),
            new("Input.Email", email), new("Input.Password", "long-enough-1"), new("Input.Consents", "companyNews"), new("Input.Consents", "featured"),
        }), Ct);
        var member = await tenant.DbAsync(db => db.Members.Include(m => m.User).FirstAsync(m => m.User!.Email == email, Ct));

        Assert.Contains("メンバー名簿への掲載", form);
        Assert.Contains("checked=\"checked\" data-testid=\"consent-directory\"", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Purpose.Directory | Purpose.RehireContact | Purpose.EventPhotos, member.WithheldPurposes);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PrivacyApiTestsOnSqlite(SqliteApp app) : PrivacyApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PrivacyApiTestsOnPostgres(PostgresApp app) : PrivacyApiTests(app);
