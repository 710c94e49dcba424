using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using static OpenAlumni.Tests.Infrastructure.EventTestData;

namespace OpenAlumni.Tests.Features.Events;

public abstract class PitchAndFeedbackApiTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Pitch_AppliedAcceptedAndShownInTheProgramme_PendingOnesStayPrivate()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(kind: "pitch"));
        var pitcherMember = await tenant.MemberAsync(family: "起業", edit: m => m.Organization = "株式会社ミライ物流");
        var pitcher = await tenant.ApiAsync(pitcherMember);
        var other = await tenant.ApiAsync(await tenant.MemberAsync(family: "見学"));

        var applied = await pitcher.PostAsJsonAsync($"/api/v1/events/{id}/pitches",
            new { title = "物流DXの協業先を探しています", summary = "中小倉庫向けSaaS", seeking = new[] { "partners", "customers" } }, Ct);
        var twice = await pitcher.PostAsJsonAsync($"/api/v1/events/{id}/pitches", new { title = "again", summary = "again" }, Ct);
        var pitchId = (await JsonAsync(applied)).GetProperty("id").GetInt64();
        var beforeDecision = (await GetAsync(other, id)).GetProperty("programme").GetArrayLength();
        var accept = await admin.PostAsync($"/api/v1/events/{id}/pitches/{pitchId}/accept", null, Ct);
        var decideAgain = await admin.PostAsync($"/api/v1/events/{id}/pitches/{pitchId}/decline", null, Ct);
        await App.SendQueuedMailAsync();
        var programme = (await GetAsync(other, id)).GetProperty("programme");

        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(0, beforeDecision);
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, decideAgain.StatusCode);
        var p = programme.EnumerateArray().Single();
        Assert.Equal("起業 花子", p.GetProperty("speaker").GetString());
        Assert.Equal("株式会社ミライ物流", p.GetProperty("speakerOrganization").GetString());
        Assert.Equal(["partners", "customers"], p.GetProperty("seeking").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("accepted", Mailbox.Last(App, pitcherMember.Email).Subject);
    }

    [Fact]
    public async Task Pitch_WithBadInput_OrAtANonPitchEvent_IsRefused()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var pitchEvent = await CreateAsync(admin, Meetup(kind: "pitch"));
        var meetup = await CreateAsync(admin, Meetup());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var empty = await member.PostAsJsonAsync($"/api/v1/events/{pitchEvent}/pitches", new { title = "", summary = new string('x', 3000), seeking = new[] { "world domination" } }, Ct);
        var atMeetup = await member.PostAsJsonAsync($"/api/v1/events/{meetup}/pitches", new { title = "t", summary = "s" }, Ct);

        await AssertValidationProblemAsync(empty, "title", "summary", "seeking");
        Assert.Equal(HttpStatusCode.Conflict, atMeetup.StatusCode);
    }

    [Fact]
    public async Task WantToTalk_EmployeesAfterTheStart_ThePitcherSeesWho()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup(kind: "pitch"));
        var pitcher = await tenant.ApiAsync(await tenant.MemberAsync(family: "起業"));
        var employee = await tenant.ApiAsync(await tenant.MemberAsync(MemberKind.Employee, family: "社員"));
        var alumnus = await tenant.ApiAsync(await tenant.MemberAsync(family: "同窓"));
        var pitchId = (await JsonAsync(await pitcher.PostAsJsonAsync($"/api/v1/events/{id}/pitches", new { title = "t", summary = "s" }, Ct))).GetProperty("id").GetInt64();
        await admin.PostAsync($"/api/v1/events/{id}/pitches/{pitchId}/accept", null, Ct);

        var tooEarly = await employee.PostAsync($"/api/v1/events/{id}/pitches/{pitchId}/interest", null, Ct);
        await EndAsync(admin, id);
        var interest = await employee.PostAsync($"/api/v1/events/{id}/pitches/{pitchId}/interest", null, Ct);
        var twice = await employee.PostAsync($"/api/v1/events/{id}/pitches/{pitchId}/interest", null, Ct);
        var byAlumnus = await alumnus.PostAsync($"/api/v1/events/{id}/pitches/{pitchId}/interest", null, Ct);
        var seenByPitcher = (await GetAsync(pitcher, id)).GetProperty("programme")[0];
        var seenByAlumnus = (await GetAsync(alumnus, id)).GetProperty("programme")[0];

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, interest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAlumnus.StatusCode);
        Assert.Equal(1, seenByPitcher.GetProperty("interestCount").GetInt32());
        Assert.Equal(["社員 花子"], seenByPitcher.GetProperty("interestedMembers").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(JsonValueKind.Null, seenByAlumnus.GetProperty("interestedMembers").ValueKind);
    }

    [Fact]
    public async Task Feedback_FromAttendeesAfterTheEnd_OneEach()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var id = await CreateAsync(admin, Meetup());
        var attendee = await tenant.ApiAsync(await tenant.MemberAsync(family: "出席"));
        var absent = await tenant.ApiAsync(await tenant.MemberAsync(family: "欠席"));
        await attendee.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);

        var tooEarly = await attendee.PostAsJsonAsync($"/api/v1/events/{id}/feedback", new { rating = 5 }, Ct);
        await EndAsync(admin, id);
        var outOfRange = await attendee.PostAsJsonAsync($"/api/v1/events/{id}/feedback", new { rating = 9 }, Ct);
        var first = await attendee.PostAsJsonAsync($"/api/v1/events/{id}/feedback", new { rating = 3, comment = "good" }, Ct);
        var changed = await attendee.PostAsJsonAsync($"/api/v1/events/{id}/feedback", new { rating = 5, comment = "great" }, Ct);
        var notThere = await absent.PostAsJsonAsync($"/api/v1/events/{id}/feedback", new { rating = 1 }, Ct);
        var summary = await JsonAsync(await admin.GetAsync($"/api/v1/events/{id}/feedback", Ct));

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        await AssertValidationProblemAsync(outOfRange, "rating");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notThere.StatusCode);
        Assert.Equal(1, summary.GetProperty("count").GetInt32());
        Assert.Equal(5, summary.GetProperty("averageRating").GetDouble());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PitchAndFeedbackApiTestsOnSqlite(SqliteApp app) : PitchAndFeedbackApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PitchAndFeedbackApiTestsOnPostgres(PostgresApp app) : PitchAndFeedbackApiTests(app);
