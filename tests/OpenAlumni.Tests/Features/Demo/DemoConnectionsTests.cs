using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Demo;

/// <summary>The demo network shows the job board, collaborations and the community page alive.</summary>
public abstract class DemoConnectionsTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task DemoNetwork_HasOpenings_CollaborationsInSeveralStages_AndACommunityPage()
    {
        var demo = await DemoTenant.SeedAsync(App);
        var client = await demo.AdminAsync();

        var open = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs", Ct);
        var closed = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs?status=closed", Ct);
        var first = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{open.GetProperty("items")[0].GetProperty("id").GetInt64()}", Ct);
        var collaborations = await client.GetFromJsonAsync<JsonElement>("/api/v1/collaborations", Ct);
        var proposals = await client.GetFromJsonAsync<JsonElement>("/api/v1/collaborations?status=proposed", Ct);
        var stopped = collaborations.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("stage").GetString() == "stopped");
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/collaborations/{stopped.GetProperty("id").GetInt64()}", Ct);
        var community = await demo.Client().GetFromJsonAsync<JsonElement>("/api/v1/community", Ct);

        Assert.Equal(3, open.GetProperty("total").GetInt32());
        Assert.Equal(1, closed.GetProperty("total").GetInt32());
        Assert.True(first.GetProperty("interestCount").GetInt32() > 0);
        Assert.True(collaborations.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("stage").GetString()).Distinct().Count() >= 4);
        Assert.Equal(1, proposals.GetProperty("total").GetInt32());
        Assert.Contains(history.GetProperty("history").EnumerateArray(), h => h.GetProperty("reason").ValueKind == JsonValueKind.String);
        Assert.Equal(2, community.GetProperty("stories").GetArrayLength());
        Assert.Equal(5, community.GetProperty("numbers").GetProperty("collaborations").GetInt32());

        // Every page of the demo renders with its data (a runtime error in a view would be a 500 here).
        var browser = await demo.AdminBrowserAsync();
        var pages = new List<string> { "/jobs", "/jobs?status=closed", "/jobs/recruiters", "/collaborations", "/admin/community", "/community", "/community/widget" };
        pages.AddRange(open.GetProperty("items").EnumerateArray().Select(j => $"/jobs/{j.GetProperty("id").GetInt64()}"));
        pages.AddRange(collaborations.GetProperty("items").EnumerateArray().Select(c => $"/collaborations/{c.GetProperty("id").GetInt64()}"));
        foreach (var path in pages)
            Assert.True((await browser.GetAsync(path, Ct)).StatusCode == System.Net.HttpStatusCode.OK, path);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemoConnectionsTestsOnSqlite(SqliteApp app) : DemoConnectionsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DemoConnectionsTestsOnPostgres(PostgresApp app) : DemoConnectionsTests(app);
