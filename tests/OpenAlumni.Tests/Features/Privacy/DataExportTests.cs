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
using static OpenAlumni.Tests.Features.Privacy.PrivacyTestData;

namespace OpenAlumni.Tests.Features.Privacy;

/// <summary>A member's export (GET /api/v1/me/export): everything of theirs, as JSON or a zip with their files, and nothing of others.</summary>
public abstract class DataExportTests(AlumniApp app) : AppTest(app)
{
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
}

[Collection(SqliteCollection.Name)]
public sealed class DataExportTestsOnSqlite(SqliteApp app) : DataExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DataExportTestsOnPostgres(PostgresApp app) : DataExportTests(app);
