using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Spaces;

namespace OpenAlumni.Tests.Features.Spaces;

/// <summary>Joining and leaving by visibility, moderators admitting and inviting, and the secretariat's space form with bad input.</summary>
public abstract class SpaceMembershipTests(AlumniApp app) : AppTest(app)
{
    static async Task<string?> StatusInAsync(HttpClient client, long space) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{space}", Ct)).GetProperty("myStatus") is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    [Fact]
    public async Task Join_OpenSpace_MakesAMemberAt201_RequestSpace_WaitsAt202_UntilAModeratorAdmits()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var open = await SpaceTestData.CreateAsync(admin, "open");
        var request = await SpaceTestData.CreateAsync(admin, "request", "シンガポール拠点", "region");
        var moderatorMember = await tenant.MemberAsync(family: "モデ");
        await admin.PutAsync($"/api/v1/spaces/{request}/moderators/{moderatorMember.Id}", null, Ct);
        var moderator = await tenant.ApiAsync(moderatorMember);
        var applicantMember = await tenant.MemberAsync(family: "申請");
        var applicant = await tenant.ApiAsync(applicantMember);
        var bystander = await tenant.ApiAsync(await tenant.MemberAsync(family: "部外"));

        var joinedOpen = await applicant.PostAsync($"/api/v1/spaces/{open}/join", null, Ct);
        var again = await applicant.PostAsync($"/api/v1/spaces/{open}/join", null, Ct);
        var asked = await applicant.PostAsync($"/api/v1/spaces/{request}/join", null, Ct);
        var statusWhileWaiting = await StatusInAsync(applicant, request);
        var feedWhileWaiting = await applicant.GetAsync($"/api/v1/posts?spaceId={request}", Ct);
        var pendingSeenByModerator = await moderator.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{request}/members?status=pending", Ct);
        var pendingByBystander = await bystander.GetAsync($"/api/v1/spaces/{request}/members?status=pending", Ct);
        var approvedByBystander = await bystander.PostAsync($"/api/v1/spaces/{request}/requests/{applicantMember.Id}/approve", null, Ct);
        var approved = await moderator.PostAsync($"/api/v1/spaces/{request}/requests/{applicantMember.Id}/approve", null, Ct);
        var approvedTwice = await moderator.PostAsync($"/api/v1/spaces/{request}/requests/{applicantMember.Id}/approve", null, Ct);

        Assert.Equal(HttpStatusCode.Created, joinedOpen.StatusCode);
        Assert.Equal("member", (await JsonAsync(joinedOpen)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal("pending", (await JsonAsync(asked)).GetProperty("status").GetString());
        Assert.Equal("pending", statusWhileWaiting);
        Assert.Equal(HttpStatusCode.Forbidden, feedWhileWaiting.StatusCode);
        Assert.Equal(applicantMember.Id, Assert.Single(pendingSeenByModerator.GetProperty("items").EnumerateArray()).GetProperty("memberId").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, pendingByBystander.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approvedByBystander.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, approvedTwice.StatusCode);
        Assert.Equal("member", await StatusInAsync(applicant, request));
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/api/v1/posts?spaceId={request}", Ct)).StatusCode);
        var told = await applicant.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        Assert.Contains(told.GetProperty("items").EnumerateArray(), n => n.GetProperty("type").GetString() == "spaceJoined");
    }

    [Fact]
    public async Task SecretSpace_IsJoinedOnlyByInvitation_AndLeavingIsFinal()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var secret = await SpaceTestData.CreateAsync(admin, "secret", "2005年入社 同期会", "cohort");
        var guestMember = await tenant.MemberAsync(family: "同期");
        var guest = await tenant.ApiAsync(guestMember);

        var uninvited = await guest.PostAsync($"/api/v1/spaces/{secret}/join", null, Ct);
        var invited = await admin.PostAsync($"/api/v1/spaces/{secret}/invitations/{guestMember.Id}", null, Ct);
        var seenWhenInvited = await guest.GetAsync($"/api/v1/spaces/{secret}", Ct);
        var accepted = await guest.PostAsync($"/api/v1/spaces/{secret}/join", null, Ct);
        var left = await guest.DeleteAsync($"/api/v1/spaces/{secret}/join", Ct);
        var afterLeaving = await guest.GetAsync($"/api/v1/spaces/{secret}", Ct);
        var rejoin = await guest.PostAsync($"/api/v1/spaces/{secret}/join", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, uninvited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Equal("invited", (await JsonAsync(seenWhenInvited)).GetProperty("myStatus").GetString());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterLeaving.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rejoin.StatusCode);
    }

    [Fact]
    public async Task ModeratorsPower_EndsTheMomentTheRoleIsTakenAway_OrTheyLeave_AndEachActionIsAuditedWithItsScope()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var space = await SpaceTestData.CreateAsync(admin, "request");
        var volunteerMember = await tenant.MemberAsync(family: "世話人");
        var volunteer = await tenant.ApiAsync(volunteerMember);
        var writerMember = await tenant.MemberAsync(family: "投稿者");
        var writer = await tenant.ApiAsync(writerMember);
        await SpaceTestData.AddAsync(admin, space, writerMember, writer);
        var post = await SpaceTestData.PostAsync(writer, space, "スペースの近況");

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/spaces/{space}/moderators/{volunteerMember.Id}", null, Ct)).StatusCode);
        var hidden = await volunteer.PostAsJsonAsync($"/api/v1/posts/{post}/hide", new { reason = "重複" }, Ct);
        var restored = await volunteer.PostAsync($"/api/v1/posts/{post}/restore", null, Ct);
        var pinned = await volunteer.PostAsync($"/api/v1/posts/{post}/pin", null, Ct);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/spaces/{space}/moderators/{volunteerMember.Id}", Ct)).StatusCode);
        var hideAfterRemoval = await volunteer.PostAsJsonAsync($"/api/v1/posts/{post}/hide", new { reason = "x" }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/spaces/{space}/moderators/{volunteerMember.Id}", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await volunteer.DeleteAsync($"/api/v1/spaces/{space}/join", Ct)).StatusCode);
        var hideAfterLeaving = await volunteer.PostAsJsonAsync($"/api/v1/posts/{post}/hide", new { reason = "x" }, Ct);
        var eventAfterLeaving = await volunteer.PostAsJsonAsync("/api/v1/events", WithSpace(EventTestData.Meetup(), space), Ct);

        Assert.Equal(HttpStatusCode.NoContent, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pinned.StatusCode);
        Assert.True((await JsonAsync(pinned)).GetProperty("pinned").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, hideAfterRemoval.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hideAfterLeaving.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, eventAfterLeaving.StatusCode);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?action=content.", Ct);
        var hides = audit.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("action").GetString() == "content.hide").ToList();
        Assert.Single(hides);
        var entries = await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Features.Audit.AuditEntry>().Where(a => a.Action.StartsWith("space.") || a.Action.StartsWith("content.")).ToListAsync());
        Assert.All(entries.Where(e => e.Action != "space.create"), e => Assert.Contains($"space:{space}", e.After ?? ""));
        Assert.Equal(2, entries.Count(e => e.Action == "space.moderator_remove"));
        Assert.Equal(volunteerMember.Id, entries.First(e => e.Action == "content.hide").ActorMemberId);
    }

    [Fact]
    public async Task Moderator_HoldsEventsInTheirSpaceOnly_AndAMemberInNone()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var mine = await SpaceTestData.CreateAsync(admin, "open");
        var other = await SpaceTestData.CreateAsync(admin, "open", "別のスペース");
        var volunteerMember = await tenant.MemberAsync(family: "世話人");
        await admin.PutAsync($"/api/v1/spaces/{mine}/moderators/{volunteerMember.Id}", null, Ct);
        var volunteer = await tenant.ApiAsync(volunteerMember);
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var inMine = await volunteer.PostAsJsonAsync("/api/v1/events", WithSpace(EventTestData.Meetup(publish: false), mine), Ct);
        var created = await JsonAsync(inMine);
        var id = created.GetProperty("id").GetInt64();
        var published = await volunteer.PostAsync($"/api/v1/events/{id}/publish", null, Ct);
        var edited = await volunteer.PatchAsJsonAsync($"/api/v1/events/{id}", new { title = "スペースの勉強会" }, Ct);
        var inOther = await volunteer.PostAsJsonAsync("/api/v1/events", WithSpace(EventTestData.Meetup(), other), Ct);
        var inNetwork = await volunteer.PostAsJsonAsync("/api/v1/events", EventTestData.Meetup(), Ct);
        var byMember = await member.PostAsJsonAsync("/api/v1/events", WithSpace(EventTestData.Meetup(), mine), Ct);
        var attendees = await volunteer.GetAsync($"/api/v1/events/{id}/attendees", Ct);
        var listed = await member.GetFromJsonAsync<JsonElement>($"/api/v1/events?spaceId={mine}", Ct);

        Assert.Equal(HttpStatusCode.Created, inMine.StatusCode);
        Assert.Equal(mine, created.GetProperty("spaceId").GetInt64());
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, inOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, inNetwork.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, attendees.StatusCode);
        Assert.Equal("スペースの勉強会", Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task CreateSpace_WithBadInput_AnswersEachFieldInTheReadersLanguage_AndCreatesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        var admin = await tenant.ApiAsync(adminMember, "ja");
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var bad = await admin.PostAsJsonAsync("/api/v1/spaces", new { name = " ", kind = "company", visibility = "hidden", description = new string('あ', 2001) }, Ct);
        var byMember = await member.PostAsJsonAsync("/api/v1/spaces", new { name = "勝手に", kind = "interest", visibility = "open" }, Ct);
        var space = await SpaceTestData.CreateAsync(admin, "open");
        var badPatch = await admin.PatchAsJsonAsync($"/api/v1/spaces/{space}", new { name = new string('x', 101), visibility = "everyone" }, Ct);
        var badLevel = await admin.PutAsJsonAsync($"/api/v1/spaces/{space}/notifications", new { level = "sometimes" }, Ct);

        var errors = await AssertValidationProblemAsync(bad, "name", "kind", "visibility", "description");
        Assert.Contains("必須", errors["name"][0]);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        await AssertValidationProblemAsync(badPatch, "name", "visibility");
        await AssertValidationProblemAsync(badLevel, "level");
        var stored = await tenant.DbAsync(db => db.Set<Space>().ToListAsync());
        Assert.Equal("エネルギー事業OB・OG会", Assert.Single(stored).Name);
        Assert.Equal(SpaceVisibility.Open, stored[0].Visibility);
    }

    [Fact]
    public async Task Join_RacingTaps_MakeOneMembership()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var space = await SpaceTestData.CreateAsync(admin, "open");
        var person = await tenant.MemberAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => tenant.ApiAsync(person)));

        var answers = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/spaces/{space}/join", null, Ct)));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<SpaceMember>().CountAsync(m => m.MemberId == person.Id)));
    }

    internal static Dictionary<string, object?> WithSpace(object body, long space)
    {
        var fields = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["spaceId"] = space;
        return fields;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SpaceMembershipTestsOnSqlite(SqliteApp app) : SpaceMembershipTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SpaceMembershipTestsOnPostgres(PostgresApp app) : SpaceMembershipTests(app);
