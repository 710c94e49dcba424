using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Consultations;

/// <summary>
/// While my request to a member waits (pending, or another time proposed), their profile and the request form show
/// that request, its state and a link to it, instead of letting me write a whole new one that would be refused.
/// </summary>
public abstract class WaitingRequestTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Profile_ShowsMyWaitingRequest_InsteadOfTheConsultButton()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnusMember = await tenant.MemberAsync(family: "相談", edit: m => m.OpenTo = OpenTo.Consultation);
        var askerMember = await tenant.MemberAsync(family: "依頼");
        var alumnus = await tenant.ApiAsync(alumnusMember);
        var askerApi = await tenant.ApiAsync(askerMember);
        var asker = await BrowserAsync(tenant, askerMember);

        var before = await asker.GetStringAsync($"/members/{alumnusMember.Id}", Ct);
        var sent = await askerApi.PostAsJsonAsync("/api/v1/consultations",
            new { memberId = alumnusMember.Id, topic = "転職の相談です", goal = "進め方を伺いたい", format = "onlineCall" }, Ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        var whilePending = await asker.GetStringAsync($"/members/{alumnusMember.Id}", Ct);
        var formWhilePending = await asker.GetStringAsync($"/consultations/new/{alumnusMember.Id}", Ct);
        var proposed = await alumnus.PostAsJsonAsync($"/api/v1/consultations/{id}/propose", new { times = "来週火曜 19:00" }, Ct);
        var whileProposed = await asker.GetStringAsync($"/members/{alumnusMember.Id}", Ct);

        Assert.Contains("data-testid=\"request-consultation\"", before);
        Assert.DoesNotContain("data-testid=\"waiting-consultation\"", before);
        Assert.DoesNotContain("data-testid=\"request-consultation\"", whilePending);
        Assert.Contains("data-testid=\"waiting-consultation\"", whilePending);
        Assert.Contains("転職の相談です", whilePending);
        Assert.Contains("Waiting for an answer", whilePending);
        Assert.Contains($"href=\"/consultations?box=sent#c{id}\"", whilePending);
        Assert.Contains("data-testid=\"waiting-consultation\"", formWhilePending);
        Assert.DoesNotContain("data-testid=\"send-request\"", formWhilePending);
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.DoesNotContain("data-testid=\"request-consultation\"", whileProposed);
        Assert.Contains("Another time proposed", whileProposed);
    }

    static async Task<HttpClient> BrowserAsync(TestTenant tenant, TestMember member)
    {
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WaitingRequestTestsOnSqlite(SqliteApp app) : WaitingRequestTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WaitingRequestTestsOnPostgres(PostgresApp app) : WaitingRequestTests(app);
