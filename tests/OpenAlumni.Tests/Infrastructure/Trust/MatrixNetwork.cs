using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Roster;

namespace OpenAlumni.Tests.Infrastructure.Trust;

/// <summary>
/// One network of the matrix's world: its callers, and objects of each kind that belong to the calling member
/// ("mine"), to another member ("theirs") and, in the other network, to nobody the caller may see. Every name and
/// text in it carries <see cref="Marker"/>, so that a body of the other network's answers can be searched for it.
/// </summary>
public sealed class MatrixNetwork
{
    public required TestTenant Tenant { get; init; }
    public required string Marker { get; init; }
    /// <summary>The callers of this network, signed in (bearer token and cookie), by their role here.</summary>
    public required IReadOnlyDictionary<Caller, (string Token, string Cookie)> SignIns { get; init; }
    /// <summary>Ids by kind ("posts", "events", ...): [0] the member's own, [1] another member's.</summary>
    public Dictionary<string, long[]> Ids { get; } = [];
    /// <summary>Secret calendar feed tokens: [0] the member's, [1] another member's.</summary>
    public string[] FeedTokens { get; private set; } = [];

    public static async Task<MatrixNetwork> SeedAsync(AlumniApp app, CancellationToken ct)
    {
        var tenant = await app.CreateTenantAsync();
        var marker = "MX" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        Task<TestMember> Person(MemberKind kind = MemberKind.Alumni, MemberStatus status = MemberStatus.Approved, bool recruiter = false) =>
            tenant.MemberAsync(kind, "会員", marker, m => { m.IsRecruiter = recruiter; m.OpenTo = OpenTo.Consultation | OpenTo.Collaboration; }, status);

        var adminMember = await tenant.AdminAsync();
        var member = await Person();
        var people = new Dictionary<Caller, TestMember>
        {
            [Caller.Admin] = adminMember, [Caller.Member] = member, [Caller.Employee] = await Person(MemberKind.Employee),
            [Caller.Recruiter] = await Person(recruiter: true), [Caller.Pending] = await Person(status: MemberStatus.Pending),
            [Caller.Suspended] = await Person(),
        };
        var bystander = await Person();
        var bystander2 = await Person();
        var signIns = new Dictionary<Caller, (string, string)>();
        foreach (var (caller, person) in people)
            signIns[caller] = (await tenant.TokenForAsync(person), await Forms.SignInCookieAsync(tenant, person.Email, person.Password));
        var net = new MatrixNetwork { Tenant = tenant, Marker = marker, SignIns = signIns };

        var admin = await tenant.ClientForAsync(adminMember);
        var me = await tenant.ClientForAsync(member);
        var them = await tenant.ClientForAsync(bystander);
        var them2 = await tenant.ClientForAsync(bystander2);
        var recruiter = await tenant.ClientForAsync(people[Caller.Recruiter]);
        // Suspended after signing in: the matrix calls with the sign-in they had before.
        await Ok(admin.PostAsJsonAsync($"/api/v1/admin/members/{people[Caller.Suspended].Id}/suspend", new { reason = "matrix" }, ct));

        // Events: a published meetup the member signed up for, an unpublished draft, a pitch night with two pitches.
        var meetup = await EventTestData.CreateAsync(admin, Titled(EventTestData.Meetup(), marker));
        var draft = await EventTestData.CreateAsync(admin, Titled(EventTestData.Meetup(publish: false), marker));
        var pitchNight = await EventTestData.CreateAsync(admin, Titled(EventTestData.Meetup(kind: "pitch"), marker));
        await Ok(me.PostAsJsonAsync($"/api/v1/events/{meetup}/rsvp", new { }, ct));
        net.Ids["events"] = [meetup, draft];
        net.FeedTokens = [await FeedTokenAsync(me), await FeedTokenAsync(them)];
        foreach (var e in new[] { meetup, draft }) await Ok(admin.PutAsync($"/api/v1/events/{e}/cover", Image("cover"), ct));
        await Ok(admin.PutAsync("/api/v1/admin/settings/logo", Image("logo"), ct));
        foreach (var person in new[] { them, them2 }) await Ok(person.PutAsync("/api/v1/members/me/photo", Image("photo"), ct));
        // Business cards: the member and a bystander, both checked in at the meetup, exchanged cards.
        await Ok(them.PostAsJsonAsync($"/api/v1/events/{meetup}/rsvp", new { }, ct));
        foreach (var attendee in new[] { member.Id, bystander.Id })
        {
            var ticket = await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Features.Events.Rsvp>().Where(r => r.EventId == meetup && r.MemberId == attendee).Select(r => r.TicketCode).SingleAsync(ct));
            await Ok(admin.PostAsJsonAsync($"/api/v1/events/{meetup}/checkins", new { code = "oa-ticket:" + ticket }, ct));
        }
        var card = (await them.GetFromJsonAsync<JsonElement>($"/api/v1/events/{meetup}/card", ct)).GetProperty("code").GetString();
        await Ok(me.PostAsJsonAsync($"/api/v1/events/{meetup}/cards", new { code = card }, ct));
        net.Ids["cards"] = [bystander.Id, bystander2.Id];
        net.Ids["pitchnight"] = [pitchNight, pitchNight];
        net.Ids["pitches"] = [await IdAsync(me, $"/api/v1/events/{pitchNight}/pitches", new { title = marker, summary = marker }),
            await IdAsync(them, $"/api/v1/events/{pitchNight}/pitches", new { title = marker, summary = marker })];

        // Posts, comments, and reports on a third member's posts.
        object Post() => new { room = "updates", title = marker, body = marker };
        net.Ids["posts"] = [await IdAsync(me, "/api/v1/posts", Post()), await IdAsync(them, "/api/v1/posts", Post())];
        net.Ids["comments"] = [await IdAsync(me, $"/api/v1/posts/{net.Ids["posts"][1]}/comments", new { body = marker }),
            await IdAsync(them, $"/api/v1/posts/{net.Ids["posts"][0]}/comments", new { body = marker })];
        net.Ids["reports"] = [await IdAsync(me, $"/api/v1/posts/{await IdAsync(them2, "/api/v1/posts", Post())}/reports", new { reason = marker }),
            await IdAsync(them, $"/api/v1/posts/{await IdAsync(them2, "/api/v1/posts", Post())}/reports", new { reason = marker })];

        // Spaces: an open one the member is in (with a picture), and a secret one they are not.
        var openSpace = await IdAsync(admin, "/api/v1/spaces", new { name = marker, description = marker, kind = "interest", visibility = "open" });
        var secretSpace = await IdAsync(admin, "/api/v1/spaces", new { name = marker, description = marker, kind = "project", visibility = "secret" });
        await Ok(me.PostAsync($"/api/v1/spaces/{openSpace}/join", null, ct));
        await Ok(admin.PutAsync($"/api/v1/spaces/{openSpace}/image", Image("image"), ct));
        net.Ids["spaces"] = [openSpace, secretSpace];

        // Conversations: the member's with a bystander, and one between two others; a message of each to report.
        var mine = await IdAsync(me, "/api/v1/conversations", new { memberIds = new[] { bystander.Id }, body = marker });
        var theirs = await IdAsync(them, "/api/v1/conversations", new { memberIds = new[] { bystander2.Id }, body = marker });
        await Ok(them.PostAsJsonAsync($"/api/v1/conversations/{mine}/messages", new { body = marker }, ct));
        net.Ids["conversations"] = [mine, theirs];
        net.Ids["messages"] = await tenant.DbAsync(db => db.Set<Message>().Where(m => m.ConversationId == mine || m.ConversationId == theirs)
            .Where(m => m.SenderMemberId == bystander.Id).OrderBy(m => m.ConversationId == mine ? 0 : 1).Select(m => m.Id).ToArrayAsync());
        await Ok(me.PostAsJsonAsync($"/api/v1/messages/{net.Ids["messages"][0]}/reports", new { reason = marker }, ct));
        await Ok(them2.PostAsJsonAsync($"/api/v1/messages/{net.Ids["messages"][1]}/reports", new { reason = marker }, ct));
        net.Ids["message-reports"] = await tenant.DbAsync(db => db.Set<MessageReport>().OrderBy(r => r.Id).Select(r => r.Id).ToArrayAsync());

        // Consultations: one asked of the member, one between two others.
        object Ask(long to) => new { memberId = to, topic = marker, goal = marker, format = "onlineCall" };
        net.Ids["consultations"] = [await IdAsync(them, "/api/v1/consultations", Ask(member.Id)), await IdAsync(them, "/api/v1/consultations", Ask(bystander2.Id))];

        // Jobs: one posted by the recruiter (the member's "mine" is the recruiter's), one by the admin.
        object Job() => new { title = marker, department = marker, location = "東京本社", remote = "hybrid", description = marker, howToApply = marker,
            closesAt = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd") };
        net.Ids["jobs"] = [await IdAsync(recruiter, "/api/v1/jobs", Job()), await IdAsync(admin, "/api/v1/jobs", Job())];

        // Collaborations: one the member is invited to, one between two others.
        object Collab(long other) => new { title = marker, description = marker, stage = "talking", memberIds = new[] { bystander.Id, other } };
        net.Ids["collaborations"] = [await IdAsync(them, "/api/v1/collaborations", Collab(member.Id)), await IdAsync(them, "/api/v1/collaborations", Collab(bystander2.Id))];
        // Side projects: the member's (a bystander applied) and a bystander's (another applied).
        object Project() => new { title = marker, description = marker, remote = "remote", closesAt = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd") };
        net.Ids["projects"] = [await IdAsync(me, "/api/v1/projects", Project()), await IdAsync(them, "/api/v1/projects", Project())];
        net.Ids["applications"] = [await IdAsync(them, $"/api/v1/projects/{net.Ids["projects"][0]}/applications", new { note = marker }),
            await IdAsync(them2, $"/api/v1/projects/{net.Ids["projects"][1]}/applications", new { note = marker })];
        // Outcomes: a rehire of the member's, one of a bystander's.
        object Hire(long who) => new { kind = "rehire", date = DateTimeOffset.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"), memberIds = new[] { who }, note = marker };
        net.Ids["outcomes"] = [await IdAsync(admin, "/api/v1/outcomes", Hire(member.Id)), await IdAsync(admin, "/api/v1/outcomes", Hire(bystander.Id))];
        using var browser = new Features.Notifications.FakeBrowser();
        net.Ids["push-subscriptions"] = [await IdAsync(me, "/api/v1/me/push-subscriptions", browser.Subscription($"https://push.example.com/{marker}-me")),
            await IdAsync(them, "/api/v1/me/push-subscriptions", browser.Subscription($"https://push.example.com/{marker}-them"))];

        // Admin's objects: stories, invitations, people to decide on, suspend or merge (never the callers themselves).
        await Ok(admin.PutAsJsonAsync("/api/v1/admin/community", new { enabled = true }, ct));
        await Ok(admin.PostAsJsonAsync("/api/v1/admin/privacy/policy", new { ja = marker, en = marker }, ct));
        // Chat channels pointing where nothing listens (the test host allows any host), so no call leaves the machine.
        object Channel() => new { kind = "slack", url = "http://127.0.0.1:9/matrix", events = new[] { "job" } };
        net.Ids["channels"] = [await IdAsync(admin, "/api/v1/admin/channels", Channel()), await IdAsync(admin, "/api/v1/admin/channels", Channel())];
        // A company sign-in whose provider does not answer (nothing listens on port 9): starting it ends on the login page.
        await Ok(admin.PutAsJsonAsync("/api/v1/admin/sso", new { authority = "http://127.0.0.1:9/matrix", clientId = marker, clientSecret = marker, domains = new[] { "matrix.example" } }, ct));
        // The HR system's tokens, and two leavers it reported with the first (SCIM), named with the marker.
        net.Ids["scim-tokens"] = [await IdAsync(admin, "/api/v1/admin/scim-tokens", new { name = marker }), await IdAsync(admin, "/api/v1/admin/scim-tokens", new { name = marker })];
        var scimToken = await ScimTokenAsync(admin);
        var scim = tenant.Client();
        scim.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", scimToken);
        async Task<long> ScimUserAsync(string name)
        {
            var response = await scim.PostAsync("/scim/v2/Users", new StringContent(JsonSerializer.Serialize(new
            {
                userName = $"{name}-{marker}@hr.example", active = false, name = new { familyName = marker, givenName = name },
                emails = new[] { new { type = "home", value = $"{name}-{marker}@home.example" } },
            }), System.Text.Encoding.UTF8, "application/scim+json"), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"Seeding a SCIM user: {(int)response.StatusCode} {text}");
            return long.Parse(JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!);
        }
        net.Ids["users"] = [await ScimUserAsync("a"), await ScimUserAsync("b")];
        object Newsletter() => new { subject = marker, body = marker };
        net.Ids["newsletters"] = [await IdAsync(admin, "/api/v1/admin/newsletters", Newsletter()), await IdAsync(admin, "/api/v1/admin/newsletters", Newsletter())];
        net.Ids["stories"] = [await IdAsync(admin, "/api/v1/admin/community/stories", new { memberId = bystander.Id, story = marker }),
            await IdAsync(admin, "/api/v1/admin/community/stories", new { memberId = bystander2.Id, story = marker })];
        await Ok(admin.PostAsJsonAsync("/api/v1/admin/invitations", new { emails = $"a-{marker}@example.com\nb-{marker}@example.com" }, ct));
        net.Ids["invitations"] = await tenant.DbAsync(db => db.Set<Invitation>().OrderBy(i => i.Id).Select(i => i.Id).ToArrayAsync());
        net.Ids["registrations"] = [(await Person(status: MemberStatus.Pending)).Id, (await Person(status: MemberStatus.Pending)).Id];
        net.Ids["admin/members"] = [(await Person()).Id, (await Person()).Id];
        net.Ids["people"] = [bystander.Id, bystander2.Id];

        async Task<long> IdAsync(HttpClient client, string path, object body)
        {
            var response = await client.PostAsJsonAsync(path, body, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.IsSuccessStatusCode, $"Seeding POST {path}: {(int)response.StatusCode} {text}");
            var root = JsonDocument.Parse(text).RootElement;
            // A collaboration answers with its history beside it.
            if (root.TryGetProperty("collaboration", out var collaboration)) root = collaboration;
            Assert.True(root.TryGetProperty("id", out var id), $"Seeding POST {path}: no id in {text}");
            return id.GetInt64();
        }
        async Task<string> ScimTokenAsync(HttpClient client)
        {
            var response = await client.PostAsJsonAsync("/api/v1/admin/scim-tokens", new { name = marker }, ct);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("token").GetString()!;
        }
        async Task<string> FeedTokenAsync(HttpClient client)
        {
            var url = (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/calendar", ct)).GetProperty("url").GetString()!;
            return url[(url.LastIndexOf('/') + 1)..^".ics".Length];
        }
        async Task Ok(Task<HttpResponseMessage> call)
        {
            var response = await call;
            Assert.True(response.IsSuccessStatusCode, $"Seeding: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
        return net;
    }

    /// <summary>A small PNG in the form field <paramref name="field"/>.</summary>
    public static MultipartFormDataContent Image(string field)
    {
        var file = new ByteArrayContent(TestImages.Png(400, 300));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, field, "matrix.png" } };
    }

    static object Titled(object meetup, string marker)
    {
        var fields = JsonSerializer.SerializeToElement(meetup).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["title"] = marker;
        fields["description"] = marker;
        return fields;
    }
}
