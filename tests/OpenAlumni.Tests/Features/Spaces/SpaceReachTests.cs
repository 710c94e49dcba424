using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Notifications;

namespace OpenAlumni.Tests.Features.Spaces;

/// <summary>
/// Who hears of a space, and who is counted in it: notifications by each member's choice for the space, announcements
/// aimed at spaces, the digest's section per space, the directory and the dashboard filtered by space, reports for a
/// space's moderators, and network supporters.
/// </summary>
public abstract class SpaceReachTests(AlumniApp app) : AppTest(app)
{
    static async Task<List<string>> NotificationTypesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct)).GetProperty("items").EnumerateArray()
            .Select(n => n.GetProperty("type").GetString()!).ToList();

    [Fact]
    public async Task SpaceNotifications_FollowEachMembersChoice_Everything_Highlights_Nothing()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var space = await SpaceTestData.CreateAsync(admin, "open");
        var people = new Dictionary<string, (TestMember Member, HttpClient Client)>();
        foreach (var level in new[] { "everything", "highlights", "nothing" })
        {
            var m = await tenant.MemberAsync(family: level);
            var c = await tenant.ApiAsync(m);
            Assert.Equal(HttpStatusCode.Created, (await c.PostAsync($"/api/v1/spaces/{space}/join", null, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await c.PutAsJsonAsync($"/api/v1/spaces/{space}/notifications", new { level }, Ct)).StatusCode);
            people[level] = (m, c);
        }
        var outsider = await tenant.ApiAsync(await tenant.MemberAsync(family: "部外"));
        var writerMember = await tenant.MemberAsync(family: "投稿");
        var writer = await tenant.ApiAsync(writerMember);
        await writer.PostAsync($"/api/v1/spaces/{space}/join", null, Ct);

        await SpaceTestData.PostAsync(writer, space, "スペースの近況");
        await SpaceTestData.PostAsync(admin, space, "スペースからのお知らせ", room: "announcements");
        await EventTestData.CreateAsync(admin, SpaceMembershipTests.WithSpace(EventTestData.Meetup(), space));

        Assert.Equal(["spaceEvent", "announcement", "spacePost"], await NotificationTypesAsync(people["everything"].Client));
        Assert.Equal(["spaceEvent", "announcement"], await NotificationTypesAsync(people["highlights"].Client));
        Assert.Empty(await NotificationTypesAsync(people["nothing"].Client));
        Assert.Empty(await NotificationTypesAsync(outsider));
    }

    [Fact]
    public async Task Announcement_AimedAtSpaces_ReachesTheirMembersOnly_OnEverySurface()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var energy = await SpaceTestData.CreateAsync(admin, "open");
        var singapore = await SpaceTestData.CreateAsync(admin, "request", "シンガポール拠点", "region");
        var health = await SpaceTestData.CreateAsync(admin, "open", "ヘルスケア");
        var inEnergy = await tenant.ApiAsync(await tenant.MemberAsync(family: "電力"));
        await inEnergy.PostAsync($"/api/v1/spaces/{energy}/join", null, Ct);
        var inSingaporeMember = await tenant.MemberAsync(family: "星");
        var inSingapore = await tenant.ApiAsync(inSingaporeMember);
        await SpaceTestData.AddAsync(admin, singapore, inSingaporeMember, inSingapore);
        var inHealth = await tenant.ApiAsync(await tenant.MemberAsync(family: "医療"));
        await inHealth.PostAsync($"/api/v1/spaces/{health}/join", null, Ct);
        var nowhere = await tenant.ApiAsync(await tenant.MemberAsync(family: "無所属"));

        var response = await admin.PostAsJsonAsync("/api/v1/posts", new { room = "announcements", title = "拠点長交代のお知らせ", body = "詳細", spaceIds = new[] { energy, singapore } }, Ct);
        var created = await JsonAsync(response);
        var id = created.GetProperty("id").GetInt64();
        var onUpdate = await inEnergy.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = "x", body = "y", spaceIds = new[] { energy } }, Ct);
        var unknownSpace = await admin.PostAsJsonAsync("/api/v1/posts", new { room = "announcements", title = "x", body = "y", spaceIds = new[] { 999_999_999L } }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal([energy, singapore], created.GetProperty("spaceIds").EnumerateArray().Select(x => x.GetInt64()).ToArray());
        foreach (var (reader, reaches) in new[] { (inEnergy, true), (inSingapore, true), (inHealth, false), (nowhere, false) })
        {
            Assert.Equal(reaches ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/posts/{id}", Ct)).StatusCode);
            Assert.Equal(reaches, (await SpaceTestData.FeedIdsAsync(reader)).Contains(id));
            Assert.Equal(reaches, (await SpaceTestData.FeedIdsAsync(reader, "&q=拠点長交代")).Contains(id));
            Assert.Equal(reaches, (await NotificationTypesAsync(reader)).Contains("announcement"));
        }
        await AssertValidationProblemAsync(onUpdate, "spaceIds");
        await AssertValidationProblemAsync(unknownSpace, "spaceIds");
    }

    [Fact]
    public async Task Directory_AndDashboard_FilterBySpace_AndASecretSpaceIsNoFilterForOutsiders()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var open = await SpaceTestData.CreateAsync(admin, "open");
        var secret = await SpaceTestData.CreateAsync(admin, "secret", "秘密の部屋", "project");
        var members = new List<(TestMember, HttpClient)>();
        for (var i = 0; i < 5; i++)
        {
            var m = await tenant.MemberAsync(family: "所属" + i);
            var c = await tenant.ApiAsync(m);
            await c.PostAsync($"/api/v1/spaces/{open}/join", null, Ct);
            members.Add((m, c));
        }
        var outsiderMember = await tenant.MemberAsync(family: "部外");
        var outsider = await tenant.ApiAsync(outsiderMember);
        await SpaceTestData.AddAsync(admin, secret, members[0].Item1, members[0].Item2);

        var inOpen = await outsider.GetFromJsonAsync<JsonElement>($"/api/v1/members?spaceId={open}", Ct);
        var inSecret = await outsider.GetAsync($"/api/v1/members?spaceId={secret}", Ct);
        var inSecretByMember = await members[0].Item2.GetFromJsonAsync<JsonElement>($"/api/v1/members?spaceId={secret}", Ct);
        var dashboard = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/analytics?spaceId={open}", Ct);
        var unknown = await admin.GetAsync("/api/v1/admin/analytics?spaceId=999999999", Ct);
        var tooSmall = await admin.GetAsync($"/api/v1/admin/analytics?spaceId={secret}", Ct);

        Assert.Equal(members.Select(m => m.Item1.Id).Order(), inOpen.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).Order());
        Assert.Equal(HttpStatusCode.NotFound, inSecret.StatusCode);
        Assert.Equal(members[0].Item1.Id, Assert.Single(inSecretByMember.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(5, dashboard.GetProperty("headline").GetProperty("members").GetInt32());
        await AssertValidationProblemAsync(unknown, "spaceId");
        await AssertValidationProblemAsync(tooSmall, "spaceId");
    }

    [Fact]
    public async Task CommunityPage_ShowsAnOpenSpacesEvents_NeverARequestOrSecretSpaces()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/admin/community", new { enabled = true }, Ct)).StatusCode);
        foreach (var visibility in new[] { "open", "request", "secret" })
        {
            var space = await SpaceTestData.CreateAsync(admin, visibility, "スペース" + visibility);
            var body = SpaceMembershipTests.WithSpace(EventTestData.Meetup(), space);
            body["title"] = "イベント-" + visibility;
            await EventTestData.CreateAsync(admin, body);
        }

        var page = await tenant.Client().GetFromJsonAsync<JsonElement>("/api/v1/community", Ct);

        Assert.Equal(["イベント-open"], page.GetProperty("upcomingEvents").EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToArray());
    }

    [Fact]
    public async Task Reports_OnASpacesPosts_AreItsModeratorsToDecide_AndNoOtherVolunteers()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var space = await SpaceTestData.CreateAsync(admin, "open");
        var other = await SpaceTestData.CreateAsync(admin, "open", "別のスペース");
        var modMember = await tenant.MemberAsync(family: "モデ");
        var otherModMember = await tenant.MemberAsync(family: "他モデ");
        await admin.PutAsync($"/api/v1/spaces/{space}/moderators/{modMember.Id}", null, Ct);
        await admin.PutAsync($"/api/v1/spaces/{other}/moderators/{otherModMember.Id}", null, Ct);
        var moderator = await tenant.ApiAsync(modMember);
        var otherModerator = await tenant.ApiAsync(otherModMember);
        var writer = await tenant.ApiAsync(await tenant.MemberAsync(family: "投稿"));
        await writer.PostAsync($"/api/v1/spaces/{space}/join", null, Ct);
        var reporter = await tenant.ApiAsync(await tenant.MemberAsync(family: "通報"));
        var post = await SpaceTestData.PostAsync(writer, space, "宣伝ばかりの投稿");
        var networkPost = await SpaceTestData.PostAsync(writer, null, "ネットワークの投稿");
        var report = await JsonAsync(await reporter.PostAsJsonAsync($"/api/v1/posts/{post}/reports", new { reason = "宣伝です" }, Ct));
        await reporter.PostAsJsonAsync($"/api/v1/posts/{networkPost}/reports", new { reason = "別件" }, Ct);
        var reportId = report.GetProperty("id").GetInt64();

        var queue = await moderator.GetFromJsonAsync<JsonElement>($"/api/v1/moderation/reports?spaceId={space}", Ct);
        var othersQueue = await otherModerator.GetAsync($"/api/v1/moderation/reports?spaceId={space}", Ct);
        var networkQueue = await moderator.GetAsync("/api/v1/moderation/reports", Ct);
        var decidedByOther = await otherModerator.PostAsJsonAsync($"/api/v1/moderation/reports/{reportId}/hide", new { reason = "x" }, Ct);
        var decided = await moderator.PostAsJsonAsync($"/api/v1/moderation/reports/{reportId}/hide", new { reason = "宣伝" }, Ct);

        Assert.Equal(reportId, Assert.Single(queue.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, othersQueue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, networkQueue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, decidedByOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.True((await writer.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{post}", Ct)).GetProperty("post").GetProperty("hidden").GetBoolean());
    }

    [Fact]
    public async Task NetworkSupporter_ModeratesTheNetworksRooms_ButNotAnnouncementsNorSpaces_UntilStoodDown()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var space = await SpaceTestData.CreateAsync(admin, "open");
        var supporterMember = await tenant.MemberAsync(family: "サポーター");
        var supporter = await tenant.ApiAsync(supporterMember);
        var writer = await tenant.ApiAsync(await tenant.MemberAsync(family: "投稿"));
        await writer.PostAsync($"/api/v1/spaces/{space}/join", null, Ct);
        var update = await SpaceTestData.PostAsync(writer, null, "ネットワークの近況");
        var inSpace = await SpaceTestData.PostAsync(writer, space, "スペースの近況");
        var announcement = await SpaceTestData.PostAsync(admin, null, "お知らせ", room: "announcements");

        var appointed = await admin.PutAsync($"/api/v1/admin/supporters/{supporterMember.Id}", null, Ct);
        var hidesUpdate = await supporter.PostAsJsonAsync($"/api/v1/posts/{update}/hide", new { reason = "重複" }, Ct);
        var hidesAnnouncement = await supporter.PostAsJsonAsync($"/api/v1/posts/{announcement}/hide", new { reason = "x" }, Ct);
        var hidesSpacePost = await supporter.PostAsJsonAsync($"/api/v1/posts/{inSpace}/hide", new { reason = "x" }, Ct);
        var flag = (await supporter.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{update}", Ct)).GetProperty("post").GetProperty("canModerate").GetBoolean();
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/supporters", Ct);
        await admin.DeleteAsync($"/api/v1/admin/supporters/{supporterMember.Id}", Ct);
        var restoreAfter = await supporter.PostAsync($"/api/v1/posts/{update}/restore", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, appointed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, hidesUpdate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, hidesAnnouncement.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, hidesSpacePost.StatusCode);
        Assert.True(flag);
        Assert.Equal(supporterMember.Id, Assert.Single(list.EnumerateArray()).GetProperty("memberId").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, restoreAfter.StatusCode);
    }

    [Fact]
    public async Task WeeklyDigest_GroupsBySpace_AsMuchAsEachSpaceIsHeard()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var loud = await SpaceTestData.CreateAsync(admin, "open", "エネルギー事業OB・OG会");
        var quiet = await SpaceTestData.CreateAsync(admin, "open", "ヘルスケア・スタートアップ");
        var muted = await SpaceTestData.CreateAsync(admin, "open", "シンガポール拠点");
        var readerMember = await tenant.MemberAsync(family: "読者");
        var reader = await tenant.ApiAsync(readerMember);
        Assert.Equal(HttpStatusCode.OK, (await reader.PutAsJsonAsync("/api/v1/me/notification-settings",
            new { delivery = new Dictionary<string, string> { ["spacePost"] = "digest" } }, Ct)).StatusCode);
        foreach (var (space, level) in new[] { (loud, "everything"), (quiet, "highlights"), (muted, "nothing") })
        {
            await reader.PostAsync($"/api/v1/spaces/{space}/join", null, Ct);
            await reader.PutAsJsonAsync($"/api/v1/spaces/{space}/notifications", new { level }, Ct);
        }
        var writer = await tenant.ApiAsync(await tenant.MemberAsync(family: "投稿"));
        foreach (var (space, title) in new[] { (loud, "洋上風力の近況"), (quiet, "医療データの近況"), (muted, "東南アジアの近況") })
        {
            await writer.PostAsync($"/api/v1/spaces/{space}/join", null, Ct);
            await SpaceTestData.PostAsync(writer, space, title);
        }
        await SpaceTestData.PostAsync(admin, quiet, "ヘルスケア勉強会のお知らせ", room: "announcements");

        await App.InTenantAsync(tenant, sp => sp.GetRequiredService<WeeklyDigest>().QueueAsync(DateTimeOffset.UtcNow, true, Ct));
        await App.SendQueuedMailAsync();

        var body = Mailbox.Last(App, readerMember.Email).TextBody;
        Assert.Contains("In your space: Energy business alumni", body);
        Assert.Contains("In your space: ヘルスケア・スタートアップ", body);
        Assert.DoesNotContain("シンガポール拠点", body);
        Assert.Contains("洋上風力の近況", body);
        Assert.Contains("ヘルスケア勉強会のお知らせ", body);
        Assert.DoesNotContain("医療データの近況", body);
        Assert.DoesNotContain("東南アジアの近況", body);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SpaceReachTestsOnSqlite(SqliteApp app) : SpaceReachTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SpaceReachTestsOnPostgres(PostgresApp app) : SpaceReachTests(app);
