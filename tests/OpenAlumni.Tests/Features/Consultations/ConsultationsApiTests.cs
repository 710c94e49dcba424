using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Consultations;

public abstract class ConsultationsApiTests(AlumniApp app) : AppTest(app)
{
    static void Open(Member m) => m.OpenTo = OpenTo.Consultation | OpenTo.Mentoring;

    static object Request(long to, string topic = "新規事業の立ち上げについて") =>
        new { memberId = to, topic, goal = "社内で新規事業を提案する際の進め方を伺いたいです", format = "onlineCall", preferredTimes = "平日 18時以降" };

    static async Task<long> RequestAsync(HttpClient client, long to, string topic = "新規事業の立ち上げについて")
    {
        var response = await client.PostAsJsonAsync("/api/v1/consultations", Request(to, topic));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task SendingTwiceAtOnce_LeavesOneRequestWaiting()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: Open);
        var asker = await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee));

        var sends = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => asker.PostAsJsonAsync("/api/v1/consultations", Request(alumnus.Id), Ct)));
        var sent = await asker.GetFromJsonAsync<JsonElement>("/api/v1/consultations?box=sent", Ct);

        Assert.Single(sends, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(sends.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(sent.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AnsweringTwiceAtOnce_OneAnswerWins_AndOnlyOneConversationOpens()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: Open);
        var employee = await tenant.MemberAsync(MemberKind.Employee);
        var asker = await tenant.ClientForAsync(employee);
        var first = await RequestAsync(asker, alumnus.Id);
        var second = await RequestAsync(await tenant.ClientForAsync(await tenant.MemberAsync(MemberKind.Employee, "二人", "目")), alumnus.Id);
        var answerer = await tenant.ClientForAsync(alumnus);

        var accepts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => answerer.PostAsync($"/api/v1/consultations/{first}/accept", null, Ct)));
        var mixed = await Task.WhenAll(
            answerer.PostAsync($"/api/v1/consultations/{second}/accept", null, Ct),
            answerer.PostAsJsonAsync($"/api/v1/consultations/{second}/decline", new { message = "すみません" }, Ct));

        Assert.Single(accepts, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(accepts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(mixed, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(mixed, r => r.StatusCode == HttpStatusCode.Conflict);
        var conversations = await asker.GetFromJsonAsync<JsonElement>("/api/v1/conversations", Ct);
        Assert.Single(conversations.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Request_Accepted_OpensAConversationSeededWithTheRequest()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: Open, family: "高橋", given: "健");
        var employee = await tenant.MemberAsync(MemberKind.Employee, "田中", "美咲");
        var e = await tenant.ApiAsync(employee);
        var a = await tenant.ApiAsync(alumnus);

        var id = await RequestAsync(e, alumnus.Id);
        var received = await a.GetFromJsonAsync<JsonElement>("/api/v1/consultations?box=received", Ct);
        var sent = await e.GetFromJsonAsync<JsonElement>("/api/v1/consultations?box=sent", Ct);
        var accept = await a.PostAsync($"/api/v1/consultations/{id}/accept", null, Ct);
        var accepted = await JsonAsync(accept);
        var conversation = await e.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{accepted.GetProperty("conversationId").GetInt64()}", Ct);
        var again = await a.PostAsync($"/api/v1/consultations/{id}/accept", null, Ct);

        var row = Assert.Single(received.GetProperty("items").EnumerateArray());
        Assert.Equal("田中 美咲", row.GetProperty("requester").GetProperty("displayName").GetString());
        Assert.True(row.GetProperty("canAccept").GetBoolean());
        Assert.Equal("pending", Assert.Single(sent.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        var first = conversation.GetProperty("messages")[0];
        Assert.Contains("新規事業の立ち上げについて", first.GetProperty("body").GetString());
        Assert.Equal(employee.Id, first.GetProperty("senderId").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task ProposedTime_IsAcceptedByTheRequester()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: Open);
        var employee = await tenant.MemberAsync(MemberKind.Employee);
        var e = await tenant.ApiAsync(employee);
        var a = await tenant.ApiAsync(alumnus);
        var id = await RequestAsync(e, alumnus.Id);

        var noTimes = await a.PostAsJsonAsync($"/api/v1/consultations/{id}/propose", new { times = "" }, Ct);
        var byRequester = await e.PostAsJsonAsync($"/api/v1/consultations/{id}/propose", new { times = "x" }, Ct);
        var propose = await a.PostAsJsonAsync($"/api/v1/consultations/{id}/propose", new { times = "12月3日 19:00 から" }, Ct);
        var seen = await e.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{id}", Ct);
        var recipientAccepts = await a.PostAsync($"/api/v1/consultations/{id}/accept", null, Ct);
        var requesterAccepts = await e.PostAsync($"/api/v1/consultations/{id}/accept", null, Ct);

        await AssertValidationProblemAsync(noTimes, "times");
        Assert.Equal(HttpStatusCode.Forbidden, byRequester.StatusCode);
        Assert.Equal("proposed", (await JsonAsync(propose)).GetProperty("status").GetString());
        Assert.Equal("12月3日 19:00 から", seen.GetProperty("proposedTimes").GetString());
        Assert.True(seen.GetProperty("canAccept").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, recipientAccepts.StatusCode);
        Assert.Equal("accepted", (await JsonAsync(requesterAccepts)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Decline_TellsTheRequesterPolitely_InTheRequestersLanguage()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: Open, family: "Chen", given: "Michael");
        var employee = await tenant.MemberAsync(MemberKind.Employee);
        await tenant.DbAsync(db => db.Users.Where(u => u.Email == employee.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "ja"), Ct));
        var e = await tenant.ApiAsync(employee);
        var a = await tenant.ApiAsync(alumnus);
        var id = await RequestAsync(e, alumnus.Id, "海外赴任の準備");

        var decline = await a.PostAsJsonAsync($"/api/v1/consultations/{id}/decline", new { message = "Busy until March, sorry." }, Ct);
        await App.SendQueuedMailAsync();
        var mail = Mailbox.Last(App, employee.Email);
        var bell = await e.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        var acceptAfter = await a.PostAsync($"/api/v1/consultations/{id}/accept", null, Ct);

        Assert.Equal("declined", (await JsonAsync(decline)).GetProperty("status").GetString());
        Assert.Contains("海外赴任の準備", mail.Subject);
        Assert.Contains("申し訳ありませんが", mail.TextBody);
        Assert.Contains("Michael Chen", mail.TextBody);
        Assert.Contains("Busy until March, sorry.", mail.TextBody);
        Assert.Equal("consultationDeclined", bell.GetProperty("items")[0].GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Conflict, acceptAfter.StatusCode);
    }

    [Fact]
    public async Task Request_FollowsTheRules()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: Open);
        var closed = await tenant.MemberAsync();
        var hidden = await tenant.MemberAsync(edit: m => { Open(m); m.OpenToVisibility = Visibility.Admins; });
        var pending = await tenant.MemberAsync(edit: Open, status: MemberStatus.Pending);
        var stranger = await other.MemberAsync(edit: Open);
        var employee = await tenant.MemberAsync(MemberKind.Employee, edit: Open);
        var e = await tenant.ApiAsync(employee);

        await AssertValidationProblemAsync(await e.PostAsJsonAsync("/api/v1/consultations", Request(employee.Id), Ct), "memberId");
        await AssertValidationProblemAsync(await e.PostAsJsonAsync("/api/v1/consultations", Request(closed.Id), Ct), "memberId");
        await AssertValidationProblemAsync(await e.PostAsJsonAsync("/api/v1/consultations", Request(hidden.Id), Ct), "memberId");
        Assert.Equal(HttpStatusCode.NotFound, (await e.PostAsJsonAsync("/api/v1/consultations", Request(pending.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await e.PostAsJsonAsync("/api/v1/consultations", Request(stranger.Id), Ct)).StatusCode);
        await AssertValidationProblemAsync(await e.PostAsJsonAsync("/api/v1/consultations",
            new { memberId = alumnus.Id, topic = "", goal = "", format = "telepathy" }, Ct), "topic", "goal", "format");
        await RequestAsync(e, alumnus.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await e.PostAsJsonAsync("/api/v1/consultations", Request(alumnus.Id), Ct)).StatusCode);
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<ConsultationRequest>().CountAsync(Ct)));
        var outsider = await tenant.ApiAsync(await tenant.MemberAsync());
        var id = (await e.GetFromJsonAsync<JsonElement>("/api/v1/consultations?box=sent", Ct)).GetProperty("items")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/consultations/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/consultations/{id}/accept", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await other.ApiAsync(stranger)).GetAsync($"/api/v1/consultations/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task BlockedMember_CannotRequest()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: Open);
        var employee = await tenant.MemberAsync(MemberKind.Employee);
        var a = await tenant.ApiAsync(alumnus);
        await a.PostAsJsonAsync("/api/v1/me/blocks", new { memberId = employee.Id }, Ct);

        var response = await (await tenant.ApiAsync(employee)).PostAsJsonAsync("/api/v1/consultations", Request(alumnus.Id), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await a.GetFromJsonAsync<JsonElement>("/api/v1/consultations?box=received", Ct)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Admins_SeeCountsPerState_NotContents()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: Open);
        var a = await tenant.ApiAsync(alumnus);
        var first = await tenant.ApiAsync(await tenant.MemberAsync(MemberKind.Employee));
        var second = await tenant.ApiAsync(await tenant.MemberAsync(MemberKind.Employee));
        var id = await RequestAsync(first, alumnus.Id, "秘密の相談テーマ");
        await RequestAsync(second, alumnus.Id, "もう一つの秘密");
        await a.PostAsync($"/api/v1/consultations/{id}/accept", null, Ct);
        var adminMember = await tenant.AdminAsync();
        var admin = await tenant.ApiAsync(adminMember);

        var counts = await admin.GetAsync("/api/v1/admin/consultations/counts", Ct);
        var text = await counts.Content.ReadAsStringAsync(Ct);
        var byMember = await first.GetAsync("/api/v1/admin/consultations/counts", Ct);
        var adminReads = await admin.GetAsync($"/api/v1/consultations/{id}", Ct);

        var body = await JsonAsync(counts);
        Assert.Equal(1, body.GetProperty("pending").GetInt32());
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(2, body.GetProperty("total").GetInt32());
        Assert.DoesNotContain("秘密", text);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, adminReads.StatusCode);
    }

    [Fact]
    public async Task UnansweredRequest_ExpiresAfter14Days()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: Open);
        var employee = await tenant.MemberAsync(MemberKind.Employee);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        async Task<HttpClient> ClientAsync(TestMember m)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant.Host}/"), AllowAutoRedirect = false });
            // The token must outlive the days the clock is moved forward.
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tenant.TokenForAsync(m, TimeSpan.FromDays(30)));
            return client;
        }
        var e = await ClientAsync(employee);
        var a = await ClientAsync(alumnus);
        var id = await RequestAsync(e, alumnus.Id);
        var answered = await RequestAsync(await ClientAsync(await tenant.MemberAsync(MemberKind.Employee)), alumnus.Id, "answered in time");

        clock.Advance(TimeSpan.FromDays(13));
        await a.PostAsJsonAsync($"/api/v1/consultations/{answered}/propose", new { times = "next week" }, Ct);
        var after13 = (await e.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{id}", Ct)).GetProperty("status").GetString();
        clock.Advance(TimeSpan.FromDays(1));
        var after14 = await e.GetFromJsonAsync<JsonElement>("/api/v1/consultations?box=sent", Ct);
        var accept = await a.PostAsync($"/api/v1/consultations/{id}/accept", null, Ct);
        var proposedStill = (await a.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{answered}", Ct)).GetProperty("status").GetString();

        Assert.Equal("pending", after13);
        var row = Assert.Single(after14.GetProperty("items").EnumerateArray());
        Assert.Equal("expired", row.GetProperty("status").GetString());
        Assert.False(row.GetProperty("canAccept").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Equal("proposed", proposedStill);
    }

    [Fact]
    public async Task ExpiryJob_MarksDueRequestsExpired()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: Open);
        var employee = await tenant.MemberAsync(MemberKind.Employee);
        // The job works across tenants, so its clock must not run ahead of real time (it would expire other tests'
        // requests too): the request is sent 14 days ago instead, through an app whose clock says so.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-14));
        long id;
        await using (var then = App.WithClock(clock))
            id = await RequestAsync(await tenant.ClientForAsync(employee, then, TimeSpan.FromHours(1)), alumnus.Id);
        var job = new ConsultationExpiryJob(clock);

        clock.Advance(TimeSpan.FromDays(13));
        using (var scope = App.Services.CreateScope()) await job.RunAsync(scope.ServiceProvider, Ct);
        var before = await tenant.DbAsync(db => db.Set<ConsultationRequest>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync(Ct));
        clock.Advance(TimeSpan.FromDays(1));
        using (var scope = App.Services.CreateScope()) await job.RunAsync(scope.ServiceProvider, Ct);
        var after = await tenant.DbAsync(db => db.Set<ConsultationRequest>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync(Ct));

        Assert.Equal(ConsultationStatus.Pending, before);
        Assert.Equal(ConsultationStatus.Expired, after);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConsultationsApiTestsOnSqlite(SqliteApp app) : ConsultationsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ConsultationsApiTestsOnPostgres(PostgresApp app) : ConsultationsApiTests(app);
