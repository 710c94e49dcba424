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
}
