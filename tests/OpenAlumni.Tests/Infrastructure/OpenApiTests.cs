using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure.Trust;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// The OpenAPI document at /openapi/v1.json describes the whole v1 contract: every operation of the API table in
/// README.md, by method and path. One test for the document, instead of one per feature each listing a few paths.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class OpenApiTests(SqliteApp app) : AppTest(app)
{
    /// <summary>The API table of README.md, one line per operation (paths with the route parameters' names).</summary>
    static readonly string[] Documented =
    [
        "POST /api/v1/auth/login",
        "POST /api/v1/registrations",
        "GET /api/v1/admin/registrations", "POST /api/v1/admin/registrations/{id}/approve", "POST /api/v1/admin/registrations/{id}/reject",
        "GET /api/v1/admin/settings", "PUT /api/v1/admin/settings", "PUT /api/v1/admin/settings/logo", "DELETE /api/v1/admin/settings/logo",
        "POST /api/v1/admin/roster/import", "GET /api/v1/admin/roster",
        "POST /api/v1/admin/invitations", "GET /api/v1/admin/invitations",
        "POST /api/v1/admin/invitations/{id}/resend", "POST /api/v1/admin/invitations/{id}/revoke",
        "GET /api/v1/admin/members", "GET /api/v1/admin/members/{id}", "PATCH /api/v1/admin/members/{id}",
        "POST /api/v1/admin/members/{id}/suspend", "POST /api/v1/admin/members/{id}/reinstate", "POST /api/v1/admin/members/{id}/merge",
        "GET /api/v1/admin/audit",
        "GET /api/v1/admin/channels", "POST /api/v1/admin/channels", "GET /api/v1/admin/channels/{id}", "PATCH /api/v1/admin/channels/{id}",
        "DELETE /api/v1/admin/channels/{id}", "POST /api/v1/admin/channels/{id}/test",
        "GET /api/v1/admin/sso", "PUT /api/v1/admin/sso", "DELETE /api/v1/admin/sso",
        "GET /api/v1/members", "GET /api/v1/members/{id}", "GET /api/v1/members/me", "PATCH /api/v1/members/me",
        "PUT /api/v1/members/me/photo", "DELETE /api/v1/members/me/photo",
        "GET /api/v1/events", "GET /api/v1/events/{id}", "POST /api/v1/events", "PATCH /api/v1/events/{id}",
        "POST /api/v1/events/{id}/publish", "POST /api/v1/events/{id}/cancel",
        "POST /api/v1/events/{id}/rsvp", "DELETE /api/v1/events/{id}/rsvp",
        "GET /api/v1/events/{id}/calendar.ics", "GET /api/v1/me/calendar", "POST /api/v1/me/calendar/reset",
        "GET /api/v1/events/{id}/attendees", "POST /api/v1/events/{id}/checkins",
        "POST /api/v1/events/{id}/pitches", "POST /api/v1/events/{id}/pitches/{pitchId}/accept", "POST /api/v1/events/{id}/pitches/{pitchId}/decline",
        "POST /api/v1/events/{id}/pitches/{pitchId}/interest",
        "POST /api/v1/events/{id}/feedback", "GET /api/v1/events/{id}/feedback",
        "GET /api/v1/events/{id}/card", "POST /api/v1/events/{id}/cards", "GET /api/v1/events/{id}/cards", "PATCH /api/v1/events/{id}/cards/{memberId}",
        "GET /api/v1/posts", "POST /api/v1/posts", "GET /api/v1/posts/{id}", "PATCH /api/v1/posts/{id}", "DELETE /api/v1/posts/{id}",
        "POST /api/v1/posts/{id}/publish", "POST /api/v1/posts/{id}/comments",
        "POST /api/v1/posts/{id}/reactions", "DELETE /api/v1/posts/{id}/reactions/{kind}",
        "POST /api/v1/posts/{id}/interest", "DELETE /api/v1/posts/{id}/interest",
        "POST /api/v1/posts/{id}/reports", "POST /api/v1/posts/comments/{commentId}/reports", "POST /api/v1/posts/images",
        "GET /api/v1/admin/reports", "POST /api/v1/admin/reports/{id}/hide", "POST /api/v1/admin/reports/{id}/dismiss",
        "POST /api/v1/admin/posts/{id}/hide", "POST /api/v1/admin/posts/{id}/restore",
        "POST /api/v1/admin/comments/{id}/hide", "POST /api/v1/admin/comments/{id}/restore",
        "POST /api/v1/admin/posts/audience", "GET /api/v1/admin/moderation-log",
        "GET /api/v1/notifications", "POST /api/v1/notifications/read",
        "GET /api/v1/jobs", "POST /api/v1/jobs", "GET /api/v1/jobs/{id}", "PATCH /api/v1/jobs/{id}",
        "POST /api/v1/jobs/{id}/interest", "DELETE /api/v1/jobs/{id}/interest", "POST /api/v1/jobs/{id}/referrals",
        "GET /api/v1/admin/recruiters", "PUT /api/v1/admin/recruiters/{memberId}",
        "GET /api/v1/collaborations", "POST /api/v1/collaborations", "GET /api/v1/collaborations/{id}", "PATCH /api/v1/collaborations/{id}",
        "POST /api/v1/collaborations/{id}/accept", "POST /api/v1/collaborations/{id}/decline",
        "GET /api/v1/community",
        "GET /api/v1/admin/community", "PUT /api/v1/admin/community",
        "POST /api/v1/admin/community/stories", "DELETE /api/v1/admin/community/stories/{id}",
        "GET /api/v1/me/notification-settings", "PUT /api/v1/me/notification-settings",
        "GET /api/v1/push/public-key", "GET /api/v1/me/push-subscriptions", "POST /api/v1/me/push-subscriptions", "DELETE /api/v1/me/push-subscriptions/{id}",
        "GET /api/v1/conversations", "POST /api/v1/conversations", "GET /api/v1/conversations/{id}",
        "GET /api/v1/conversations/{id}/messages", "POST /api/v1/conversations/{id}/messages",
        "GET /api/v1/messages/unread", "POST /api/v1/messages/{id}/reports",
        "GET /api/v1/admin/message-reports", "POST /api/v1/admin/message-reports/{id}/close",
        "GET /api/v1/me/blocks", "POST /api/v1/me/blocks", "DELETE /api/v1/me/blocks/{memberId}",
        "POST /api/v1/consultations", "GET /api/v1/consultations", "GET /api/v1/consultations/{id}",
        "POST /api/v1/consultations/{id}/accept", "POST /api/v1/consultations/{id}/propose", "POST /api/v1/consultations/{id}/decline",
        "GET /api/v1/admin/consultations/counts",
        "GET /api/v1/privacy/policy", "GET /api/v1/admin/privacy/policy", "POST /api/v1/admin/privacy/policy",
        "GET /api/v1/me/consents", "PUT /api/v1/me/consents", "GET /api/v1/me/export", "DELETE /api/v1/me",
        "GET /api/v1/admin/analytics", "GET /api/v1/admin/analytics/{chart}.csv",
    ];

    // On one database only: the document describes the endpoints, which are the same whichever database is behind them.
    [Fact]
    public async Task OpenApi_DocumentsTheV1Endpoints()
    {
        var doc = await JsonAsync(await App.CreateClient().GetAsync("/openapi/v1.json", Ct));

        var operations = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var missing = Documented.Where(d => !operations.Contains(d)).ToList();
        Assert.True(missing.Count == 0, "Not in /openapi/v1.json:\n" + string.Join("\n", missing));
    }

    static Dictionary<string, JsonElement> Operations(JsonElement doc) =>
        doc.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Key: $"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)))
            .ToDictionary(p => p.Key, p => p.Value);

    static bool NeedsBearer(JsonElement operation) =>
        operation.TryGetProperty("security", out var security)
        && security.EnumerateArray().Any(requirement => requirement.TryGetProperty("bearer", out _));

    [Fact]
    public async Task OpenApi_DeclaresTheBearerScheme_With401And403_OnEveryOperationThatNeedsASignIn()
    {
        var doc = await JsonAsync(await App.CreateClient().GetAsync("/openapi/v1.json", Ct));
        var operations = Operations(doc);

        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        var secured = operations.Where(o => NeedsBearer(o.Value)).ToList();
        var withoutAnswers = secured.Where(o => !o.Value.GetProperty("responses").TryGetProperty("401", out _) || !o.Value.GetProperty("responses").TryGetProperty("403", out _))
            .Select(o => o.Key).ToList();

        TrustFigures.Report("OpenAPI contract", $"{secured.Count} of {operations.Count} operations declare the bearer scheme with 401 and 403");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Empty(withoutAnswers);
        foreach (var signedIn in new[] { "GET /api/v1/members", "POST /api/v1/events", "GET /api/v1/admin/audit", "DELETE /api/v1/me", "GET /api/v1/conversations" })
            Assert.True(NeedsBearer(operations[signedIn]), signedIn);
        foreach (var open in new[] { "POST /api/v1/auth/login", "POST /api/v1/registrations", "GET /api/v1/community", "GET /api/v1/privacy/policy" })
            Assert.False(NeedsBearer(operations[open]), open);
    }

    /// <summary>The schema of an operation's JSON body, its $ref followed.</summary>
    static JsonElement RequestSchema(JsonElement doc, string operation)
    {
        var schema = Operations(doc)[operation].GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var name = schema.GetProperty("$ref").GetString()!.Split('/').Last();
        return doc.GetProperty("components").GetProperty("schemas").GetProperty(name).GetProperty("properties");
    }

    static string[] Values(JsonElement property) => property.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToArray();

    [Fact]
    public async Task OpenApi_DocumentsEnumsAndRanges_AsTheApiAppliesThem()
    {
        var doc = await JsonAsync(await App.CreateClient().GetAsync("/openapi/v1.json", Ct));
        var eventInput = RequestSchema(doc, "POST /api/v1/events");
        var registration = RequestSchema(doc, "POST /api/v1/registrations");
        var post = RequestSchema(doc, "POST /api/v1/posts");
        var titleMax = eventInput.GetProperty("title").GetProperty("maxLength").GetInt32();
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        // Each documented kind and format is accepted; one character past the documented length is not.
        var created = new List<HttpStatusCode>();
        foreach (var kind in Values(eventInput.GetProperty("kind")))
        foreach (var format in Values(eventInput.GetProperty("format")))
            created.Add((await admin.PostAsJsonAsync("/api/v1/events", EventBody(new string('x', titleMax), kind, format), Ct)).StatusCode);
        var tooLong = await admin.PostAsJsonAsync("/api/v1/events", EventBody(new string('x', titleMax + 1), "meetup", "online"), Ct);

        Assert.Equal(["agm", "pitch", "meetup", "other"], Values(eventInput.GetProperty("kind")));
        Assert.Equal(["online", "offline", "hybrid"], Values(eventInput.GetProperty("format")));
        Assert.Equal("100000", eventInput.GetProperty("capacity").GetProperty("maximum").ToString());
        Assert.Equal(["alumni", "employee"], Values(registration.GetProperty("kind")));
        Assert.Equal(["announcements", "updates", "notices"], Values(post.GetProperty("room")));
        Assert.Equal(20_000, post.GetProperty("body").GetProperty("maxLength").GetInt32());
        Assert.Equal(12, created.Count);
        Assert.All(created, status => Assert.Equal(HttpStatusCode.Created, status));
        await AssertValidationProblemAsync(tooLong, "title");
    }

    static object EventBody(string title, string kind, string format) => new
    {
        title, kind, format, capacity = 10, capacityOnline = 10, venue = "Hall", onlineUrl = "https://meet.example/x",
        startsAt = DateTimeOffset.UtcNow.AddDays(10).ToString("O"), endsAt = DateTimeOffset.UtcNow.AddDays(10).AddHours(2).ToString("O"),
    };
}
