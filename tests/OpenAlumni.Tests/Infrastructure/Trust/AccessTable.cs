namespace OpenAlumni.Tests.Infrastructure.Trust;

/// <summary>
/// Who may call each API operation and open each page: the one table the access matrix checks the app against.
/// Every operation of /openapi/v1.json and every page must have a row, and every row must still exist, so that a
/// new endpoint cannot skip the matrix. Ids are the caller's own object ("mine"), another member's ("theirs"; for
/// events an unpublished draft), and another network's (always 404).
/// </summary>
public static class AccessTable
{
    /// <summary>A body sent as a multipart upload of a small PNG in the form field <paramref name="Field"/>.</summary>
    public sealed record Upload(string Field);

    static AccessRule Anyone(object? body = null) => new(Who.Anyone, Body: body);
    static AccessRule Registered(object? body = null, bool destructive = false) => new(Who.Registered, Body: body, Destructive: destructive);
    static AccessRule Member(object? body = null, Who? onTheirs = null, bool destructive = false) => new(Who.Member, onTheirs, body, destructive);
    static AccessRule Admin(object? body = null, bool destructive = false) => new(Who.Admin, Body: body, Destructive: destructive);
    static AccessRule Owner(object? body = null, bool destructive = false) => new(Who.Owner, Body: body, Destructive: destructive);
    static AccessRule OwnerOrAdmin(object? body = null, bool destructive = false) => new(Who.OwnerOrAdmin, Body: body, Destructive: destructive);

    static readonly object Reason = new { reason = "matrix" };

    public static readonly IReadOnlyDictionary<string, AccessRule> Api = new Dictionary<string, AccessRule>
    {
        ["POST /api/v1/auth/login"] = Anyone(new { email = "nobody@example.com", password = "wrong-password-1" }),
        ["POST /api/v1/registrations"] = Anyone(new { }),
        ["GET /api/v1/privacy/policy"] = Anyone(),
        ["GET /api/v1/community"] = Anyone(),

        ["GET /api/v1/admin/analytics"] = Admin(),
        ["GET /api/v1/admin/analytics/{chart}.csv"] = Admin(),
        ["GET /api/v1/admin/analytics/outcomes"] = Admin(),
        ["GET /api/v1/admin/analytics/suggestions"] = Admin(),
        ["GET /api/v1/admin/suggestions/weights"] = Admin(),
        ["PUT /api/v1/admin/suggestions/weights"] = Admin(new { weights = new { posts = 6 } }),
        ["GET /api/v1/admin/outcomes/values"] = Admin(),
        ["PUT /api/v1/admin/outcomes/values"] = Admin(new { values = new { rehire = 3_000_000 } }),
        ["GET /api/v1/admin/audit"] = Admin(),
        ["GET /api/v1/admin/channels"] = Admin(),
        ["POST /api/v1/admin/channels"] = Admin(new { kind = "slack", url = "http://127.0.0.1:9/matrix", events = new[] { "job" } }),
        ["GET /api/v1/admin/channels/{id}"] = Admin(),
        ["PATCH /api/v1/admin/channels/{id}"] = Admin(new { paused = true }),
        ["DELETE /api/v1/admin/channels/{id}"] = Admin(destructive: true),
        // Nothing listens on port 9: the test reports the failure as a 400, and nothing leaves the machine.
        ["POST /api/v1/admin/channels/{id}/test"] = Admin(),
        ["GET /api/v1/admin/sso"] = Admin(),
        ["PUT /api/v1/admin/sso"] = Admin(new { authority = "http://127.0.0.1:9/matrix", clientId = "matrix", domains = new[] { "matrix.example" } }),
        ["DELETE /api/v1/admin/sso"] = Admin(destructive: true),
        ["GET /api/v1/admin/community"] = Admin(),
        ["PUT /api/v1/admin/community"] = Admin(new { enabled = true }),
        ["POST /api/v1/admin/community/stories"] = Admin(new { }),
        ["DELETE /api/v1/admin/community/stories/{id}"] = Admin(destructive: true),
        ["GET /api/v1/admin/consultations/counts"] = Admin(),
        ["GET /api/v1/admin/invitations"] = Admin(),
        ["POST /api/v1/admin/invitations"] = Admin(new { }),
        ["POST /api/v1/admin/invitations/{id}/resend"] = Admin(),
        ["POST /api/v1/admin/invitations/{id}/revoke"] = Admin(destructive: true),
        ["GET /api/v1/admin/members"] = Admin(),
        ["GET /api/v1/admin/members/{id}"] = Admin(),
        ["PATCH /api/v1/admin/members/{id}"] = Admin(new { kind = "alumni" }),
        ["POST /api/v1/admin/members/{id}/merge"] = Admin(new { }, destructive: true),
        ["POST /api/v1/admin/members/{id}/reinstate"] = Admin(),
        ["POST /api/v1/admin/members/{id}/suspend"] = Admin(Reason, destructive: true),
        ["POST /api/v1/admin/members/bulk"] = Admin(new { action = "approve", memberIds = new long[] { 1 } }, destructive: true),
        ["POST /api/v1/admin/members/export"] = Admin(new { memberIds = new long[] { 1 } }),
        ["GET /api/v1/admin/message-reports"] = Admin(),
        ["POST /api/v1/admin/message-reports/{id}/close"] = Admin(new { note = "matrix" }),
        ["GET /api/v1/admin/moderation-log"] = Admin(),
        ["POST /api/v1/admin/posts/audience"] = Admin(new { }),
        ["POST /api/v1/admin/posts/{id}/hide"] = Admin(Reason, destructive: true),
        ["POST /api/v1/admin/posts/{id}/restore"] = Admin(destructive: true),
        ["POST /api/v1/admin/comments/{id}/hide"] = Admin(Reason, destructive: true),
        ["POST /api/v1/admin/comments/{id}/restore"] = Admin(destructive: true),
        ["GET /api/v1/admin/privacy/policy"] = Admin(),
        ["POST /api/v1/admin/privacy/policy"] = Admin(new { }),
        ["GET /api/v1/admin/recruiters"] = Admin(),
        ["PUT /api/v1/admin/recruiters/{memberId}"] = Admin(new { recruiter = false }),
        ["GET /api/v1/admin/registrations"] = Admin(),
        ["POST /api/v1/admin/registrations/{id}/approve"] = Admin(),
        ["POST /api/v1/admin/registrations/{id}/reject"] = Admin(Reason, destructive: true),
        ["GET /api/v1/admin/reports"] = Admin(),
        ["POST /api/v1/admin/reports/{id}/dismiss"] = Admin(Reason),
        ["POST /api/v1/admin/reports/{id}/hide"] = Admin(Reason, destructive: true),
        ["GET /api/v1/admin/roster"] = Admin(),
        ["POST /api/v1/admin/roster/import"] = Admin(new Upload("file")),
        ["GET /api/v1/admin/settings"] = Admin(),
        ["PUT /api/v1/admin/settings"] = Admin(new { }),
        ["PUT /api/v1/admin/settings/logo"] = Admin(new Upload("logo")),
        ["DELETE /api/v1/admin/settings/logo"] = Admin(destructive: true),

        ["GET /api/v1/collaborations"] = Member(),
        ["POST /api/v1/collaborations"] = Member(new { title = "matrix", stage = "idea", memberIds = Array.Empty<long>() }),
        ["GET /api/v1/collaborations/{id}"] = Member(),
        ["PATCH /api/v1/collaborations/{id}"] = OwnerOrAdmin(new { note = "matrix" }),
        ["POST /api/v1/collaborations/{id}/accept"] = Admin(),
        ["POST /api/v1/collaborations/{id}/decline"] = Admin(destructive: true),

        ["GET /api/v1/consultations"] = Member(),
        ["POST /api/v1/consultations"] = Member(new { }),
        ["GET /api/v1/consultations/{id}"] = Owner(),
        ["POST /api/v1/consultations/{id}/accept"] = Owner(),
        ["POST /api/v1/consultations/{id}/propose"] = Owner(new { times = "平日 18時以降" }),
        ["POST /api/v1/consultations/{id}/decline"] = Owner(new { message = "matrix" }, destructive: true),

        ["GET /api/v1/conversations"] = Member(),
        ["POST /api/v1/conversations"] = Member(new { }),
        ["GET /api/v1/conversations/{id}"] = Owner(),
        ["GET /api/v1/conversations/{id}/messages"] = Owner(),
        ["POST /api/v1/conversations/{id}/messages"] = Owner(new { body = "matrix" }),
        ["GET /api/v1/messages/unread"] = Member(),
        ["POST /api/v1/messages/{id}/reports"] = Owner(Reason),
        ["GET /api/v1/me/blocks"] = Member(),
        ["POST /api/v1/me/blocks"] = Member(new { }),
        ["DELETE /api/v1/me/blocks/{memberId}"] = Member(),
        // People worth meeting: each member's own week; feedback on someone never suggested to them is a 404.
        ["GET /api/v1/me/suggestions"] = Member(),
        ["POST /api/v1/me/suggestions/{memberId}/feedback"] = Member(new { value = "alreadyKnow" }),

        ["GET /api/v1/spaces"] = Member(),
        ["POST /api/v1/spaces"] = Admin(new { name = "matrix", kind = "interest", visibility = "open" }),
        ["GET /api/v1/spaces/{id}"] = Member(onTheirs: Who.Admin),
        ["PATCH /api/v1/spaces/{id}"] = Admin(new { description = "matrix" }),
        ["PUT /api/v1/spaces/{id}/image"] = Admin(new Upload("image")),
        ["POST /api/v1/spaces/{id}/join"] = Member(onTheirs: Who.Admin),
        ["DELETE /api/v1/spaces/{id}/join"] = Member(onTheirs: Who.Admin, destructive: true),
        ["PUT /api/v1/spaces/{id}/notifications"] = Member(new { level = "highlights" }, onTheirs: Who.Admin),
        ["GET /api/v1/spaces/{id}/members"] = Member(onTheirs: Who.Admin),
        ["GET /api/v1/spaces/{id}/activity"] = Admin(),
        ["POST /api/v1/spaces/{id}/requests/{memberId}/approve"] = Admin(),
        ["POST /api/v1/spaces/{id}/requests/{memberId}/decline"] = Admin(destructive: true),
        ["POST /api/v1/spaces/{id}/invitations/{memberId}"] = Admin(),
        ["PUT /api/v1/spaces/{id}/moderators/{memberId}"] = Admin(),
        ["DELETE /api/v1/spaces/{id}/moderators/{memberId}"] = Admin(destructive: true),
        ["GET /api/v1/admin/supporters"] = Admin(),
        ["PUT /api/v1/admin/supporters/{memberId}"] = Admin(),
        ["DELETE /api/v1/admin/supporters/{memberId}"] = Admin(destructive: true),
        ["POST /api/v1/posts/{id}/hide"] = Admin(Reason, destructive: true),
        ["POST /api/v1/posts/{id}/restore"] = Admin(destructive: true),
        ["POST /api/v1/posts/{id}/pin"] = Admin(),
        ["DELETE /api/v1/posts/{id}/pin"] = Admin(),
        ["POST /api/v1/posts/comments/{commentId}/hide"] = Admin(Reason, destructive: true),
        ["POST /api/v1/posts/comments/{commentId}/restore"] = Admin(destructive: true),
        ["GET /api/v1/moderation/reports"] = Admin(),
        ["POST /api/v1/moderation/reports/{id}/hide"] = Admin(Reason, destructive: true),
        ["POST /api/v1/moderation/reports/{id}/dismiss"] = Admin(Reason, destructive: true),
        ["GET /api/v1/events"] = Member(),
        ["POST /api/v1/events"] = Admin(new { }),
        ["GET /api/v1/events/{id}"] = Member(onTheirs: Who.Admin),
        ["PATCH /api/v1/events/{id}"] = Admin(new { }),
        ["GET /api/v1/events/{id}/attendees"] = Admin(),
        ["GET /api/v1/events/{id}/calendar.ics"] = Member(onTheirs: Who.Admin),
        ["POST /api/v1/events/{id}/cancel"] = Admin(destructive: true),
        ["POST /api/v1/events/{id}/checkins"] = Admin(new { code = "x" }),
        ["PUT /api/v1/events/{id}/cover"] = Admin(new Upload("cover")),
        ["GET /api/v1/events/{id}/feedback"] = Admin(),
        ["POST /api/v1/events/{id}/feedback"] = Member(new { rating = 5 }, onTheirs: Who.Admin),
        // Business cards: a confirmed attendee's own card and list (the matrix's member is checked in at their meetup and met a
        // bystander); exchanging is asked of the service by any member who sees the event, which answers by attendance.
        ["GET /api/v1/events/{id}/card"] = Owner(),
        ["GET /api/v1/events/{id}/cards"] = Owner(),
        ["POST /api/v1/events/{id}/cards"] = Member(new { code = "x" }, onTheirs: Who.Admin),
        ["PATCH /api/v1/events/{id}/cards/{memberId}"] = Owner(new { note = "matrix" }),
        ["POST /api/v1/events/{id}/pitches"] = Member(new { title = "matrix", summary = "matrix" }, onTheirs: Who.Admin),
        ["POST /api/v1/events/{id}/pitches/{pitchId}/accept"] = Admin(),
        ["POST /api/v1/events/{id}/pitches/{pitchId}/decline"] = Admin(destructive: true),
        ["POST /api/v1/events/{id}/pitches/{pitchId}/interest"] = Member(),
        ["POST /api/v1/events/{id}/publish"] = Admin(destructive: true), // the draft would be one no more
        ["POST /api/v1/events/{id}/rsvp"] = Member(new { }, onTheirs: Who.Admin),
        ["DELETE /api/v1/events/{id}/rsvp"] = Member(onTheirs: Who.Admin),
        ["GET /api/v1/me/calendar"] = Member(),
        ["POST /api/v1/me/calendar/reset"] = Member(),

        // The ledger: the secretariat's; recruiters read and keep its hires (both seeded outcomes are rehires), and record
        // nothing else (the body's deal is refused them as a 400). A member involved hides their name on their own.
        ["GET /api/v1/outcomes"] = new(Who.Recruiter),
        ["POST /api/v1/outcomes"] = new(Who.Recruiter, Body: new { kind = "deal", date = "2026-01-05" }),
        ["GET /api/v1/outcomes/{id}"] = new(Who.Recruiter),
        ["PATCH /api/v1/outcomes/{id}"] = new(Who.Recruiter, Body: new { note = "matrix" }),
        ["DELETE /api/v1/outcomes/{id}"] = new(Who.Recruiter, Destructive: true),
        ["GET /api/v1/me/outcomes"] = Member(),
        ["PUT /api/v1/me/outcomes/{id}"] = Owner(new { hideName = true }),

        // Side projects: any member posts and applies (the poster's own: 403; twice: 409); the poster and the secretariat decide.
        ["GET /api/v1/projects"] = Member(),
        ["POST /api/v1/projects"] = Member(new { title = "matrix", description = "matrix", remote = "remote", closesAt = "2099-01-01" }),
        ["GET /api/v1/projects/{id}"] = Member(),
        ["PATCH /api/v1/projects/{id}"] = OwnerOrAdmin(new { title = "matrix" }),
        ["POST /api/v1/projects/{id}/applications"] = Member(new { note = "matrix" }),
        ["DELETE /api/v1/projects/{id}/applications/mine"] = Member(destructive: true),
        ["GET /api/v1/projects/{id}/applications"] = OwnerOrAdmin(),
        ["PATCH /api/v1/projects/{id}/applications/{appId}"] = OwnerOrAdmin(new { status = "shortlisted", answer = "matrix" }),
        ["POST /api/v1/projects/{id}/applications/{appId}/engage"] = OwnerOrAdmin(new { }, destructive: true),

        ["GET /api/v1/jobs"] = Member(),
        ["POST /api/v1/jobs"] = new(Who.Recruiter, Body: new { }),
        ["GET /api/v1/jobs/{id}"] = Member(),
        ["PATCH /api/v1/jobs/{id}"] = new(Who.Recruiter, Body: new { }),
        ["POST /api/v1/jobs/{id}/interest"] = Member(new { consent = true }),
        ["DELETE /api/v1/jobs/{id}/interest"] = Member(),
        ["POST /api/v1/jobs/{id}/referrals"] = Member(new { name = "佐藤 一郎", email = "ichiro@example.com" }),

        ["DELETE /api/v1/me"] = Registered(new { }, destructive: true),
        ["GET /api/v1/me/consents"] = Registered(),
        ["PUT /api/v1/me/consents"] = Registered(new { }),
        ["GET /api/v1/me/export"] = Registered(),
        ["POST /api/v1/me/password"] = Registered(new { }),
        ["GET /api/v1/me/notification-settings"] = Member(),
        ["PUT /api/v1/me/notification-settings"] = Member(new { }),
        ["GET /api/v1/push/public-key"] = Member(),
        ["GET /api/v1/me/push-subscriptions"] = Member(),
        ["POST /api/v1/me/push-subscriptions"] = Member(new { }),
        ["DELETE /api/v1/me/push-subscriptions/{id}"] = Owner(destructive: true),
        ["GET /api/v1/notifications"] = Member(),
        ["POST /api/v1/notifications/read"] = Member(new { }),

        ["GET /api/v1/members"] = Member(),
        ["GET /api/v1/members/me"] = Member(),
        ["PATCH /api/v1/members/me"] = Member(new { }),
        ["PUT /api/v1/members/me/photo"] = Member(new Upload("photo")),
        ["DELETE /api/v1/members/me/photo"] = Member(destructive: true),
        ["GET /api/v1/members/{id}"] = Member(),

        ["GET /api/v1/posts"] = Member(),
        ["POST /api/v1/posts"] = Member(new { room = "updates", title = "matrix", body = "matrix" }),
        ["POST /api/v1/posts/preview"] = Member(new { body = "**x**" }),
        ["POST /api/v1/posts/images"] = Member(new Upload("image")),
        ["GET /api/v1/posts/{id}"] = Member(),
        ["PATCH /api/v1/posts/{id}"] = Owner(new { title = "matrix" }),
        ["DELETE /api/v1/posts/{id}"] = OwnerOrAdmin(destructive: true),
        ["POST /api/v1/posts/{id}/publish"] = Owner(),
        ["POST /api/v1/posts/{id}/comments"] = Member(new { body = "matrix" }),
        ["POST /api/v1/posts/{id}/reactions"] = Member(new { kind = "like" }),
        ["DELETE /api/v1/posts/{id}/reactions/{kind}"] = Member(),
        ["POST /api/v1/posts/{id}/interest"] = Member(),
        ["DELETE /api/v1/posts/{id}/interest"] = Member(),
        ["POST /api/v1/posts/{id}/reports"] = Member(Reason),
        ["POST /api/v1/posts/comments/{commentId}/reports"] = Member(Reason),
    };
    /// <summary>Pages, by route template; each is opened (GET) with a sign-in cookie.</summary>
    public static readonly IReadOnlyDictionary<string, AccessRule> Pages = new Dictionary<string, AccessRule>
    {
        ["/offline"] = Anyone(),
        ["/"] = Anyone(), ["/index"] = Anyone(), ["/error/{code}"] = Anyone(), ["/privacy"] = Anyone(),
        ["/community"] = Anyone(), ["/community/widget"] = Anyone(), ["/join/{token}"] = Anyone(), ["/members/confirmprofile"] = Anyone(),
        ["/accounts/accessdenied"] = Anyone(), ["/accounts/confirmemail"] = Anyone(), ["/accounts/forgotpassword"] = Anyone(),
        ["/accounts/login"] = Anyone(), ["/accounts/loginwith2fa"] = Anyone(), ["/accounts/logout"] = Anyone(),
        ["/accounts/register"] = Anyone(), ["/accounts/registerdone"] = Anyone(), ["/accounts/resendconfirmation"] = Anyone(),
        ["/accounts/resetpassword"] = Anyone(), ["/accounts/sso"] = Anyone(),
        ["/accounts/security"] = Registered(), ["/privacy/me"] = Registered(),

        ["/admin/analytics"] = Admin(), ["/admin/analytics/report"] = Admin(), ["/admin/audit"] = Admin(), ["/admin/channels"] = Admin(), ["/admin/sso"] = Admin(), ["/admin/community"] = Admin(),
        ["/admin/invitations"] = Admin(), ["/admin/members"] = Admin(), ["/admin/privacy"] = Admin(), ["/admin/registrations"] = Admin(),
        ["/admin/roster"] = Admin(), ["/admin/settings"] = Admin(), ["/moderation"] = Admin(), ["/messages/reports"] = Admin(),
        ["/jobs/recruiters"] = Admin(),
        ["/events/attendees"] = new(Who.Admin, QueryId: "events"), ["/events/checkin"] = new(Who.Admin, QueryId: "events"),
        ["/events/edit"] = new(Who.Admin, QueryId: "events"),

        ["/collaborations"] = Member(), ["/collaborations/{id}"] = Member(), ["/collaborations/edit/{id?}"] = OwnerOrAdmin(),
        ["/consultations"] = Member(), ["/consultations/new/{memberId}"] = Member(),
        ["/events"] = Member(), ["/events/index"] = Member(), ["/events/{id}"] = Member(onTheirs: Who.Admin),
        ["/events/ticket"] = new(Who.Owner, QueryId: "events"),
        ["/events/{id}/cards"] = Owner(),
        ["/jobs"] = Member(), ["/jobs/{id}"] = Member(), ["/jobs/edit/{id?}"] = new(Who.Recruiter),
        ["/outcomes"] = Member(), ["/outcomes/edit/{id?}"] = new(Who.Recruiter),
        ["/suggestions"] = Member(),
        ["/projects"] = Member(), ["/projects/{id}"] = Member(), ["/projects/edit/{id?}"] = OwnerOrAdmin(),
        ["/members"] = Member(), ["/members/index"] = Member(), ["/members/edit"] = Member(), ["/members/{id}"] = Member(),
        ["/messages"] = Member(), ["/messages/blocks"] = Member(), ["/messages/new/{memberId}"] = Member(), ["/messages/{id}"] = Owner(),
        ["/notifications"] = Member(), ["/notifications/settings"] = Member(),
        ["/posts"] = Member(), ["/posts/index"] = Member(), ["/posts/{id}"] = Member(), ["/posts/edit"] = new(Who.Owner, QueryId: "posts"),
        ["/spaces"] = Member(), ["/spaces/{id}"] = Member(onTheirs: Who.Admin), ["/spaces/edit/{id?}"] = Admin(),
    };

    /// <summary>The endpoints the OpenAPI document leaves out: files, the calendar feed, the hub, the language switch.</summary>
    public static readonly IReadOnlyDictionary<string, AccessRule> Other = new Dictionary<string, AccessRule>
    {
        ["GET /health"] = Anyone(),
        ["GET /health/live"] = Anyone(),
        ["GET /health/ready"] = Anyone(),
        ["POST /culture"] = Anyone(),
        ["GET /network/logo"] = Anyone(),
        // The installable app: each network's manifest and icons, and its offline page, for any visitor.
        ["GET /manifest.webmanifest"] = Anyone(),
        ["GET /icons/{file}"] = Anyone(),
        // Whoever holds a feed's secret URL reads it; another network's token is unknown here.
        ["GET /calendar/{token}.ics"] = Anyone(),
        ["GET /events/{id}/cover"] = Member(onTheirs: Who.Admin),
        ["GET /spaces/{id}/image"] = Member(onTheirs: Who.Admin),
        ["GET /members/{id}/photo"] = Member(),
        ["GET /posts/attachments/{id}/{key}"] = Member(),
        ["GET /hubs/messages"] = Member(),
        ["GET /hubs/messages/negotiate"] = Member(),
    };
}
