using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using static OpenAlumni.Tests.Infrastructure.EventTestData;

namespace OpenAlumni.Tests.Features.Events;

/// <summary>
/// An event's can* flags and what the API does agree: whoever is shown no flag is refused, whoever is shown
/// one is served; the event page draws its buttons from the same flags.
/// </summary>
public abstract class EventPermissionTests(AlumniApp app) : AppTest(app)
{
    static bool Flag(JsonElement item, string name) => item.GetProperty(name).GetBoolean();

    [Fact]
    public async Task RaiseHand_FlagAndRefusalAgree_BeforeAndAfterTheStart_ByKind_AndForOnesOwnPitch()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(kind: "pitch"));
        var pitcher = await tenant.ApiAsync(await tenant.MemberAsync(MemberKind.Employee, family: "起業"));
        var employeeMember = await tenant.MemberAsync(MemberKind.Employee, family: "社員");
        var employee = await tenant.ApiAsync(employeeMember);
        var alumnusMember = await tenant.MemberAsync(family: "同窓");
        var alumnus = await tenant.ApiAsync(alumnusMember);
        var pitchId = (await JsonAsync(await pitcher.PostAsJsonAsync($"/api/v1/events/{id}/pitches", new { title = "t", summary = "s" }, Ct))).GetProperty("id").GetInt64();
        await admin.PostAsync($"/api/v1/events/{id}/pitches/{pitchId}/accept", null, Ct);
        string Interest() => $"/api/v1/events/{id}/pitches/{pitchId}/interest";

        var early = (await GetAsync(employee, id)).GetProperty("programme")[0];
        var tooEarly = await employee.PostAsync(Interest(), null, Ct);
        await EndAsync(admin, id);
        var seenByEmployee = await GetAsync(employee, id);
        var seenByAlumnus = await GetAsync(alumnus, id);
        var seenByPitcher = await GetAsync(pitcher, id);
        var employeesPage = await (await BrowserAsync(tenant, employeeMember)).GetStringAsync($"/events/{id}", Ct);
        var alumnusPage = await (await BrowserAsync(tenant, alumnusMember)).GetStringAsync($"/events/{id}", Ct);
        var byEmployee = await employee.PostAsync(Interest(), null, Ct);
        var byAlumnus = await alumnus.PostAsync(Interest(), null, Ct);
        var byPitcher = await pitcher.PostAsync(Interest(), null, Ct);

        Assert.False(Flag(early, "canRaiseHand"));
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.True(Flag(seenByEmployee, "canRaiseHand"));
        Assert.True(Flag(seenByEmployee.GetProperty("programme")[0], "canRaiseHand"));
        Assert.Equal(HttpStatusCode.OK, byEmployee.StatusCode);
        Assert.False(Flag(seenByAlumnus, "canRaiseHand"));
        Assert.False(Flag(seenByAlumnus.GetProperty("programme")[0], "canRaiseHand"));
        Assert.Equal(HttpStatusCode.Forbidden, byAlumnus.StatusCode);
        Assert.True(Flag(seenByPitcher, "canRaiseHand"));
        Assert.False(Flag(seenByPitcher.GetProperty("programme")[0], "canRaiseHand"));
        Assert.Equal(HttpStatusCode.Conflict, byPitcher.StatusCode);
        Assert.Contains("handler=Interest", employeesPage);
        Assert.DoesNotContain("handler=Interest", alumnusPage);
    }

    [Fact]
    public async Task CancelRsvp_FlagAndRefusalAgree_UntilTheEventBegins()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup());
        var attendeeMember = await tenant.MemberAsync(family: "出席");
        var attendee = await tenant.ApiAsync(attendeeMember);
        var stranger = await tenant.ApiAsync(await tenant.MemberAsync(family: "未登録"));
        await attendee.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);

        var before = await GetAsync(attendee, id);
        var notSignedUp = await GetAsync(stranger, id);
        var strangerCancels = await stranger.DeleteAsync($"/api/v1/events/{id}/rsvp", Ct);
        await EndAsync(admin, id);
        var after = await GetAsync(attendee, id);
        var tooLate = await attendee.DeleteAsync($"/api/v1/events/{id}/rsvp", Ct);
        var page = await (await BrowserAsync(tenant, attendeeMember)).GetStringAsync($"/events/{id}", Ct);

        Assert.True(Flag(before, "canCancelRsvp"));
        Assert.False(Flag(notSignedUp, "canCancelRsvp"));
        Assert.Equal(HttpStatusCode.NotFound, strangerCancels.StatusCode);
        Assert.False(Flag(after, "canCancelRsvp"));
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        Assert.Equal("confirmed", (await GetAsync(attendee, id)).GetProperty("myStatus").GetString());
        Assert.DoesNotContain("handler=CancelRsvp", page);
    }

    [Fact]
    public async Task ApplyToPitch_AndFeedback_FlagsAndRefusalsAgree()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var pitchEvent = await CreateAsync(admin, Meetup(kind: "pitch"));
        var meetup = await CreateAsync(admin, Meetup());
        var member = await tenant.ApiAsync(await tenant.MemberAsync(family: "出席"));
        var absent = await tenant.ApiAsync(await tenant.MemberAsync(family: "欠席"));
        await member.PostAsync($"/api/v1/events/{meetup}/rsvp", null, Ct);
        object Pitch() => new { title = "t", summary = "s" };

        var mayApply = Flag(await GetAsync(member, pitchEvent), "canApplyToPitch");
        var applied = await member.PostAsJsonAsync($"/api/v1/events/{pitchEvent}/pitches", Pitch(), Ct);
        var mayApplyAgain = Flag(await GetAsync(member, pitchEvent), "canApplyToPitch");
        var again = await member.PostAsJsonAsync($"/api/v1/events/{pitchEvent}/pitches", Pitch(), Ct);
        var mayPitchAtMeetup = Flag(await GetAsync(member, meetup), "canApplyToPitch");
        var atMeetup = await member.PostAsJsonAsync($"/api/v1/events/{meetup}/pitches", Pitch(), Ct);
        var mayGiveFeedbackEarly = Flag(await GetAsync(member, meetup), "canGiveFeedback");
        var early = await member.PostAsJsonAsync($"/api/v1/events/{meetup}/feedback", new { rating = 4 }, Ct);
        await EndAsync(admin, meetup);
        var mayGiveFeedback = Flag(await GetAsync(member, meetup), "canGiveFeedback");
        var feedback = await member.PostAsJsonAsync($"/api/v1/events/{meetup}/feedback", new { rating = 4 }, Ct);
        var absentMay = Flag(await GetAsync(absent, meetup), "canGiveFeedback");
        var fromAbsent = await absent.PostAsJsonAsync($"/api/v1/events/{meetup}/feedback", new { rating = 4 }, Ct);

        Assert.True(mayApply);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.False(mayApplyAgain);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.False(mayPitchAtMeetup);
        Assert.Equal(HttpStatusCode.Conflict, atMeetup.StatusCode);
        Assert.False(mayGiveFeedbackEarly);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.True(mayGiveFeedback);
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        Assert.False(absentMay);
        Assert.Equal(HttpStatusCode.Forbidden, fromAbsent.StatusCode);
    }

    [Fact]
    public async Task SecretariatFlags_FollowTheEventsStatus_AsTheActionsDo()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var id = await CreateAsync(admin, Meetup(kind: "pitch", publish: false));
        object Door() => new { code = "unknown-ticket" };

        var draft = await GetAsync(admin, id);
        var doorOfDraft = await admin.PostAsJsonAsync($"/api/v1/events/{id}/checkins", Door(), Ct);
        await admin.PostAsync($"/api/v1/events/{id}/publish", null, Ct);
        var published = await GetAsync(admin, id);
        var publishAgain = await admin.PostAsync($"/api/v1/events/{id}/publish", null, Ct);
        var pitchId = (await JsonAsync(await member.PostAsJsonAsync($"/api/v1/events/{id}/pitches", new { title = "t", summary = "s" }, Ct))).GetProperty("id").GetInt64();
        var pending = (await GetAsync(admin, id)).GetProperty("programme")[0];
        await admin.PostAsync($"/api/v1/events/{id}/pitches/{pitchId}/accept", null, Ct);
        var decided = (await GetAsync(admin, id)).GetProperty("programme")[0];
        var decideAgain = await admin.PostAsync($"/api/v1/events/{id}/pitches/{pitchId}/decline", null, Ct);
        var seenByMember = await GetAsync(member, id);
        await admin.PostAsync($"/api/v1/events/{id}/cancel", null, Ct);
        var cancelled = await GetAsync(admin, id);
        var edit = await admin.PatchAsJsonAsync($"/api/v1/events/{id}", new { title = "again" }, Ct);
        var cancelAgain = await admin.PostAsync($"/api/v1/events/{id}/cancel", null, Ct);
        var doorOfCancelled = await admin.PostAsJsonAsync($"/api/v1/events/{id}/checkins", Door(), Ct);

        Assert.True(Flag(draft, "canPublish") && Flag(draft, "canEdit") && Flag(draft, "canManage"));
        Assert.False(Flag(draft, "canCheckIn"));
        Assert.Equal(HttpStatusCode.Conflict, doorOfDraft.StatusCode);
        Assert.False(Flag(published, "canPublish"));
        Assert.Equal(HttpStatusCode.Conflict, publishAgain.StatusCode);
        Assert.True(Flag(published, "canCheckIn") && Flag(published, "canCancel"));
        Assert.True(Flag(pending, "canDecide"));
        Assert.False(Flag(decided, "canDecide"));
        Assert.Equal(HttpStatusCode.Conflict, decideAgain.StatusCode);
        Assert.All(new[] { "canManage", "canEdit", "canPublish", "canCancel", "canCheckIn" }, f => Assert.False(Flag(seenByMember, f)));
        Assert.False(Flag(seenByMember.GetProperty("programme")[0], "canDecide"));
        Assert.False(Flag(cancelled, "canEdit") || Flag(cancelled, "canCancel") || Flag(cancelled, "canCheckIn"));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, cancelAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, doorOfCancelled.StatusCode);
    }

    static async Task<HttpClient> BrowserAsync(TestTenant tenant, TestMember member)
    {
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EventPermissionTestsOnSqlite(SqliteApp app) : EventPermissionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EventPermissionTestsOnPostgres(PostgresApp app) : EventPermissionTests(app);
