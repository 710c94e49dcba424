using System.Net;
using System.Net.Http.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Consultations;

public abstract class ConsultationConcurrencyTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task ManyMembersAskingTheSameAlumnusAtOnce_AreAllHeard()
    {
        var tenant = await App.CreateTenantAsync();
        var alumnus = await tenant.MemberAsync(edit: m => m.OpenTo = OpenTo.Consultation);
        var askers = await Task.WhenAll((await tenant.ManyMembersAsync(16, MemberKind.Employee)).Select(tenant.ClientForAsync));

        // Different people asking at the same moment: never "you already asked" (409) to someone who did not. Under a
        // serializable transaction PostgreSQL refused 14 of 16 of these for touching the same index pages.
        var sends = await Task.WhenAll(askers.Select(a => a.PostAsJsonAsync("/api/v1/consultations",
            new { memberId = alumnus.Id, topic = "転職の相談", goal = "業界の話を伺いたい", format = "coffee" }, Ct)));

        Assert.All(sends, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var received = await (await tenant.ClientForAsync(alumnus)).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/consultations?box=received&pageSize=50", Ct);
        Assert.Equal(16, received.GetProperty("total").GetInt32());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConsultationConcurrencyTestsOnSqlite(SqliteApp app) : ConsultationConcurrencyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ConsultationConcurrencyTestsOnPostgres(PostgresApp app) : ConsultationConcurrencyTests(app);
