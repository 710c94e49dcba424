using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Demo;

namespace OpenAlumni.Tests.Features.Demo;

/// <summary>The demo member finds conversations (one unread) and consultation requests in every state.</summary>
public abstract class DemoMessagesTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task DemoNetwork_HasConversations_AndConsultationsInEveryState()
    {
        var demo = await DemoTenant.SeedAsync(App);
        var hanako = await demo.ApiAsync(DemoTenant.MemberEmail, DemoSeeder.MemberPassword);
        var admin = await demo.AdminAsync();

        var conversations = await hanako.GetFromJsonAsync<JsonElement>("/api/v1/conversations", Ct);
        var received = await hanako.GetFromJsonAsync<JsonElement>("/api/v1/consultations?box=received", Ct);
        var sent = await hanako.GetFromJsonAsync<JsonElement>("/api/v1/consultations?box=sent", Ct);
        var counts = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/consultations/counts", Ct);
        var reports = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/message-reports?status=open", Ct);

        Assert.InRange(conversations.GetProperty("total").GetInt32(), 3, 10);
        Assert.True(conversations.GetProperty("totalUnread").GetInt32() > 0);
        // The participants listed are the others: a group of three shows two.
        Assert.Contains(conversations.GetProperty("items").EnumerateArray(), c => c.GetProperty("participants").GetArrayLength() == 2);
        var states = received.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToHashSet();
        Assert.Equal(["accepted", "declined", "expired", "pending", "proposed"], states.Order());
        Assert.NotEmpty(sent.GetProperty("items").EnumerateArray());
        foreach (var state in new[] { "pending", "proposed", "accepted", "declined", "expired" })
            Assert.True(counts.GetProperty(state).GetInt32() > 0, state);
        Assert.Equal(1, reports.GetProperty("total").GetInt32());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemoMessagesTestsOnSqlite(SqliteApp app) : DemoMessagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DemoMessagesTestsOnPostgres(PostgresApp app) : DemoMessagesTests(app);
