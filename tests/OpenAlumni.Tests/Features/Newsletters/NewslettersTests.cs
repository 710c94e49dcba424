using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Features.Spaces;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Newsletters;
using OpenAlumni.Web.Features.Privacy;

namespace OpenAlumni.Tests.Features.Newsletters;

/// <summary>
/// Newsletters as the secretariat and the members meet them: written with blocks chosen from lists, previewed as a member would
/// get it, a test to oneself, scheduled and cancelled; sent once at its time to exactly those who should get it (not to those who
/// withdrew company news, unsubscribed, are over the weekly cap or whose address bounced), with one-click unsubscribe; bounces
/// counted; bad input refused per field; members and other networks kept out.
/// </summary>
public abstract class NewslettersTests(AlumniApp app) : AppTest(app)
{
    const string Api = "/api/v1/admin/newsletters";

    static async Task<JsonElement> CreateAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync(Api, body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    static object Draft(long? eventId = null, object? audience = null, string? sendAt = null) => new
    {
        subject = "丸の内アルムナイ通信 12月号",
        body = "**今月のお知らせ**です。<script>alert(1)</script>",
        blocks = eventId is { } e ? new[] { new { kind = "event", id = e } } : [],
        audience = audience ?? new { kind = "everyone" },
        sendAt,
    };

    Task<int> DispatchAsync(TestTenant tenant, DateTimeOffset at) =>
        App.InTenantAsync(tenant, sp => sp.GetRequiredService<NewsletterDispatcher>().SendDueAsync(at, Ct));

    [Fact]
    public async Task Newsletter_IsWrittenPreviewedTestedScheduledAndCancelled()
    {
        var tenant = await App.CreateTenantAsync();
        var adminMember = await tenant.AdminAsync();
        var admin = await tenant.ApiAsync(adminMember);
        var alumnus = await tenant.MemberAsync();
        var eventId = await EventTestData.CreateAsync(admin, EventTestData.Meetup());

        var created = await CreateAsync(admin, Draft(eventId, new { kind = "segment", segment = new { kind = "Alumni" } }));
        var id = created.GetProperty("id").GetInt64();
        var choices = await admin.GetFromJsonAsync<JsonElement>($"{Api}/blocks", Ct);
        var edited = await admin.PatchAsJsonAsync($"{Api}/{id}", new { subject = "丸の内アルムナイ通信 1月号" }, Ct);
        var preview = await admin.PostAsJsonAsync($"{Api}/{id}/preview", new { }, Ct);
        var test = await admin.PostAsync($"{Api}/{id}/test", null, Ct);
        await App.SendQueuedMailAsync();
        var sendAt = DateTimeOffset.UtcNow.AddDays(2);
        var scheduled = await admin.PostAsJsonAsync($"{Api}/{id}/schedule", new { sendAt = sendAt.ToString("o") }, Ct);
        var editWhileScheduled = await admin.PatchAsJsonAsync($"{Api}/{id}", new { subject = "変更" }, Ct);
        var list = await admin.GetFromJsonAsync<JsonElement>(Api, Ct);
        var unscheduled = await admin.PostAsync($"{Api}/{id}/unschedule", null, Ct);
        var again = await admin.PostAsync($"{Api}/{id}/unschedule", null, Ct);

        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal("segment", created.GetProperty("audience").GetProperty("kind").GetString());
        Assert.Equal(eventId, created.GetProperty("blocks")[0].GetProperty("id").GetInt64());
        Assert.Contains(choices.EnumerateArray(), c => c.GetProperty("kind").GetString() == "event" && c.GetProperty("id").GetInt64() == eventId);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var p = await JsonAsync(preview);
        Assert.Equal(alumnus.Id, p.GetProperty("memberId").GetInt64());
        Assert.True(p.GetProperty("inAudience").GetBoolean());
        Assert.Equal("丸の内アルムナイ通信 1月号", p.GetProperty("subject").GetString());
        Assert.Contains("<strong>今月のお知らせ</strong>", p.GetProperty("html").GetString());
        Assert.DoesNotContain("<script>", p.GetProperty("html").GetString());
        Assert.Contains("丸の内アルムナイ交流会", p.GetProperty("html").GetString());
        Assert.Contains($"/events/{eventId}", p.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        var testMail = Mailbox.Last(App, adminMember.Email);
        Assert.Matches(@"^(\[TEST\]|【テスト】)丸の内アルムナイ通信 1月号$", testMail.Subject);
        Assert.Contains("丸の内アルムナイ交流会", testMail.HtmlBody);
        Assert.Empty(Mailbox.For(App, alumnus.Email));
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        Assert.Equal("scheduled", (await JsonAsync(scheduled)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, editWhileScheduled.StatusCode);
        Assert.Equal("scheduled", list.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, unscheduled.StatusCode);
        Assert.Equal("draft", (await JsonAsync(unscheduled)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task BadInput_IsRefusedPerField_InTheReadersLanguage_AndNothingIsWritten()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var japanese = await tenant.ApiAsync(await tenant.AdminAsync(), "ja");
        var other = await App.CreateTenantAsync();
        var foreignEvent = await EventTestData.CreateAsync(await other.ApiAsync(await other.AdminAsync()), EventTestData.Meetup());

        var empty = await admin.PostAsJsonAsync(Api, new { subject = " ", body = "" }, Ct);
        var tooLong = await admin.PostAsJsonAsync(Api, new { subject = new string('あ', 201), body = "本文" }, Ct);
        var past = await admin.PostAsJsonAsync(Api, new { subject = "件名", body = "本文", sendAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("o") }, Ct);
        var garbled = await admin.PostAsJsonAsync(Api, new { subject = "件名", body = "本文", sendAt = "next tuesday" }, Ct);
        var unknownBlock = await admin.PostAsJsonAsync(Api, new { subject = "件名", body = "本文", blocks = new[] { new { kind = "event", id = 999_999_999L } } }, Ct);
        var foreignBlock = await admin.PostAsJsonAsync(Api, new { subject = "件名", body = "本文", blocks = new[] { new { kind = "event", id = foreignEvent } } }, Ct);
        var badKind = await admin.PostAsJsonAsync(Api, new { subject = "件名", body = "本文", blocks = new[] { new { kind = "poll", id = 1L } } }, Ct);
        var badAudience = await admin.PostAsJsonAsync(Api, new { subject = "件名", body = "本文", audience = new { kind = "friends" } }, Ct);
        var noSpaces = await admin.PostAsJsonAsync(Api, new { subject = "件名", body = "本文", audience = new { kind = "spaces", spaceIds = Array.Empty<long>() } }, Ct);
        var badSegment = await admin.PostAsJsonAsync(Api, new { subject = "件名", body = "本文", audience = new { kind = "segment", segment = new { kind = "robot" } } }, Ct);
        var inJapanese = await japanese.PostAsJsonAsync(Api, new { subject = "", body = "本文" }, Ct);

        await AssertValidationProblemAsync(empty, "subject", "body");
        await AssertValidationProblemAsync(tooLong, "subject");
        await AssertValidationProblemAsync(past, "sendAt");
        await AssertValidationProblemAsync(garbled, "sendAt");
        await AssertValidationProblemAsync(unknownBlock, "blocks");
        await AssertValidationProblemAsync(foreignBlock, "blocks");
        await AssertValidationProblemAsync(badKind, "blocks");
        await AssertValidationProblemAsync(badAudience, "audience.kind");
        await AssertValidationProblemAsync(noSpaces, "audience.spaceIds");
        await AssertValidationProblemAsync(badSegment, "audience.segment.kind");
        var ja = await AssertValidationProblemAsync(inJapanese, "subject");
        Assert.Contains("必須", ja["subject"][0]);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<Newsletter>().CountAsync(Ct)));

        var draft = (await CreateAsync(admin, Draft())).GetProperty("id").GetInt64();
        var scheduleWithoutTime = await admin.PostAsync($"{Api}/{draft}/schedule", null, Ct);
        var scheduleInPast = await admin.PostAsJsonAsync($"{Api}/{draft}/schedule", new { sendAt = "2020-01-01T10:00:00+09:00" }, Ct);
        var previewStranger = await admin.PostAsJsonAsync($"{Api}/{draft}/preview", new { memberId = 999_999_999L }, Ct);

        await AssertValidationProblemAsync(scheduleWithoutTime, "sendAt");
        await AssertValidationProblemAsync(scheduleInPast, "sendAt");
        await AssertValidationProblemAsync(previewStranger, "memberId");
        Assert.Equal("draft", (await admin.GetFromJsonAsync<JsonElement>($"{Api}/{draft}", Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Preview_AsAMemberOfTheSpace_ShowsItsEvent_AsAnotherMember_LeavesItOut()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var insider = await tenant.MemberAsync(given: "内");
        var outsider = await tenant.MemberAsync(given: "外");
        var space = await SpaceTestData.CreateAsync(admin, "request");
        await SpaceTestData.AddAsync(admin, space, insider, await tenant.ApiAsync(insider));
        var spaceEvent = await EventTestData.CreateAsync(admin, new
        {
            title = "エネルギー事業OB会 忘年会", kind = "meetup", format = "offline", startsAt = DateTimeOffset.UtcNow.AddDays(9).ToString("o"),
            endsAt = DateTimeOffset.UtcNow.AddDays(9).AddHours(2).ToString("o"), capacity = 20, venue = "本社", audience = "all", publish = true, spaceId = space,
        });
        var id = (await CreateAsync(admin, Draft(spaceEvent))).GetProperty("id").GetInt64();

        var asInsider = await JsonAsync(await admin.PostAsJsonAsync($"{Api}/{id}/preview", new { memberId = insider.Id }, Ct));
        var asOutsider = await JsonAsync(await admin.PostAsJsonAsync($"{Api}/{id}/preview", new { memberId = outsider.Id }, Ct));

        Assert.Contains("エネルギー事業OB会 忘年会", asInsider.GetProperty("html").GetString());
        Assert.DoesNotContain("エネルギー事業OB会 忘年会", asOutsider.GetProperty("html").GetString());
        Assert.DoesNotContain($"/events/{spaceEvent}", asOutsider.GetProperty("text").GetString());
        Assert.Contains("今月のお知らせ", asOutsider.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AtItsTime_ItGoesOnce_ToExactlyThoseWhoShouldGetIt_WithOneClickUnsubscribe()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var reader = await tenant.MemberAsync(given: "読者");
        var withdrew = await tenant.MemberAsync(given: "撤回", edit: m => m.WithheldPurposes = Purpose.CompanyNews);
        var unsubscribed = await tenant.MemberAsync(given: "停止");
        var capped = await tenant.MemberAsync(given: "上限");
        var bounced = await tenant.MemberAsync(given: "不達");
        var pending = await tenant.MemberAsync(given: "承認待ち", status: MemberStatus.Pending);
        var employee = await tenant.MemberAsync(MemberKind.Employee, given: "社員");
        await App.InTenantAsync(tenant, sp => sp.GetRequiredService<Unsubscribe>().OptOutAsync(unsubscribed.Id, MailKind.Newsletter, Ct));
        await tenant.DbAsync(async db =>
        {
            db.Add(new UndeliverableAddress { Email = bounced.Email.ToLowerInvariant(), MarkedAt = DateTimeOffset.UtcNow, Reason = "550" });
            return await db.SaveChangesAsync(Ct);
        });
        // A cap of one a week, used up by an announcement mail earlier this week (of the member who is over it only).
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/admin/settings", new { mailsPerWeek = 1 }, Ct)).StatusCode);
        await App.InTenantAsync(tenant, sp => sp.GetRequiredService<MailCap>().TakeAsync(capped.Id, 1, DateTimeOffset.UtcNow, Ct));
        var sendAt = DateTimeOffset.UtcNow.AddMinutes(1);
        var id = (await CreateAsync(admin, Draft(audience: new { kind = "segment", segment = new { kind = "Alumni" } }, sendAt: sendAt.ToString("o")))).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Api}/{id}/schedule", null, Ct)).StatusCode);

        var early = await DispatchAsync(tenant, sendAt.AddSeconds(-1));
        // Two nodes at once, then a third later: one of them sends it.
        var nodes = await Task.WhenAll(DispatchAsync(tenant, sendAt.AddSeconds(1)), DispatchAsync(tenant, sendAt.AddSeconds(1)));
        var later = await DispatchAsync(tenant, sendAt.AddMinutes(30));
        await App.SendQueuedMailAsync();
        var stats = await admin.GetFromJsonAsync<JsonElement>($"{Api}/{id}", Ct);

        Assert.Equal(0, early);
        Assert.Equal(1, nodes.Sum());
        Assert.Equal(0, later);
        var mail = Assert.Single(Mailbox.For(App, reader.Email));
        foreach (var left in new[] { withdrew, unsubscribed, capped, bounced, pending, employee }) Assert.Empty(Mailbox.For(App, left.Email));
        Assert.Equal("丸の内アルムナイ通信 12月号", mail.Subject);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var unsubscribeUrl = mail.Headers["List-Unsubscribe"].Trim('<', '>');
        Assert.Contains("/u/", unsubscribeUrl);
        Assert.Contains("<strong>今月のお知らせ</strong>", mail.HtmlBody);
        Assert.Equal("sent", stats.GetProperty("status").GetString());
        Assert.Equal(1, stats.GetProperty("recipients").GetInt32());
        Assert.Equal(1, stats.GetProperty("delivered").GetInt32());
        Assert.Equal(1, stats.GetProperty("capped").GetInt32());
        Assert.Equal(3, stats.GetProperty("withheld").GetInt32());
        Assert.Equal(0, stats.GetProperty("bounced").GetInt32());

        // A link scanner's GET does not unsubscribe; the mail program's one-click POST (no cookie, no token) does, at once.
        var anonymous = tenant.Client();
        var path = new Uri(unsubscribeUrl).PathAndQuery;
        var asked = await anonymous.GetAsync(path, Ct);
        var optedOutAfterGet = await tenant.DbAsync(db => db.Set<MailOptOut>().AnyAsync(o => o.MemberId == reader.Id, Ct));
        var clicked = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct);
        var forged = await anonymous.PostAsync("/u/not-a-token", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct);
        var optOuts = await tenant.DbAsync(db => db.Set<MailOptOut>().Where(o => o.MemberId == reader.Id).Select(o => o.Kind).ToListAsync(Ct));
        var stillConsents = (await tenant.LoadMemberAsync(reader.Id)).WithheldPurposes;

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.False(optedOutAfterGet);
        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal([MailKind.Newsletter], optOuts);
        Assert.Equal(Purpose.None, stillConsents);
    }

    [Fact]
    public async Task AnAnnouncementMail_CountsTowardsTheCap_AndCarriesItsOwnUnsubscribe()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var alumnus = await tenant.MemberAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/admin/settings", new { mailsPerWeek = 1 }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/posts", new { room = "announcements", title = "総会のお知らせ", body = "本文" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/posts", new { room = "announcements", title = "二通目のお知らせ", body = "本文" }, Ct)).StatusCode);
        var sendAt = DateTimeOffset.UtcNow.AddMinutes(1);
        var id = (await CreateAsync(admin, Draft(audience: new { kind = "segment", segment = new { kind = "Alumni" } }, sendAt: sendAt.ToString("o")))).GetProperty("id").GetInt64();
        await admin.PostAsync($"{Api}/{id}/schedule", null, Ct);
        await DispatchAsync(tenant, sendAt.AddSeconds(1));
        await App.SendQueuedMailAsync();
        var stats = await admin.GetFromJsonAsync<JsonElement>($"{Api}/{id}", Ct);

        var mail = Assert.Single(Mailbox.For(App, alumnus.Email));
        Assert.Contains("総会のお知らせ", mail.Subject);
        Assert.Contains("/u/", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(1, stats.GetProperty("capped").GetInt32());
        Assert.Equal(0, stats.GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task ABounceReport_MarksTheAddressUndeliverable_AndCountsOnTheNewsletter()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var alumnus = await tenant.MemberAsync();
        var sendAt = DateTimeOffset.UtcNow.AddMinutes(1);
        var id = (await CreateAsync(admin, Draft(audience: new { kind = "segment", segment = new { kind = "Alumni" } }, sendAt: sendAt.ToString("o")))).GetProperty("id").GetInt64();
        await admin.PostAsync($"{Api}/{id}/schedule", null, Ct);
        await DispatchAsync(tenant, sendAt.AddSeconds(1));
        await App.SendQueuedMailAsync();
        var messageId = Mailbox.Last(App, alumnus.Email).MessageId;
        await using var withSecret = App.WithWebHostBuilder(b => b.UseSetting("Newsletters:Bounces:Secret", "provider-s3cret"));
        var provider = withSecret.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant.Host}/") });

        var noSecret = await tenant.Client().PostAsJsonAsync("/api/v1/mail/bounces", new { address = alumnus.Email, messageId }, Ct);
        provider.DefaultRequestHeaders.Add("X-Bounce-Secret", "wrong");
        var wrongSecret = await provider.PostAsJsonAsync("/api/v1/mail/bounces", new { address = alumnus.Email, messageId }, Ct);
        provider.DefaultRequestHeaders.Remove("X-Bounce-Secret");
        provider.DefaultRequestHeaders.Add("X-Bounce-Secret", "provider-s3cret");
        var unknown = await provider.PostAsJsonAsync("/api/v1/mail/bounces", new { address = alumnus.Email, messageId = "<outbox-1-1@elsewhere>" }, Ct);
        var reported = await provider.PostAsJsonAsync("/api/v1/mail/bounces", new { address = alumnus.Email, messageId = $"<{messageId}>", reason = "550 5.1.1 user unknown" }, Ct);
        var stats = await admin.GetFromJsonAsync<JsonElement>($"{Api}/{id}", Ct);
        var marked = await tenant.DbAsync(db => db.Set<UndeliverableAddress>().AnyAsync(a => a.Email == alumnus.Email.ToLower(), Ct));
        var next = (await CreateAsync(admin, Draft())).GetProperty("id").GetInt64();
        var preview = await JsonAsync(await admin.PostAsJsonAsync($"{Api}/{next}/preview", new { memberId = alumnus.Id }, Ct));

        Assert.Equal(HttpStatusCode.NotFound, noSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongSecret.StatusCode);
        await AssertValidationProblemAsync(unknown, "messageId");
        Assert.Equal(HttpStatusCode.NoContent, reported.StatusCode);
        Assert.Equal(1, stats.GetProperty("bounced").GetInt32());
        Assert.Equal(0, stats.GetProperty("delivered").GetInt32());
        Assert.True(marked);
        Assert.False(preview.GetProperty("inAudience").GetBoolean());
    }

    [Fact]
    public async Task Members_AreForbidden_AndAnotherNetworksNewsletter_IsNotFound()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var other = await App.CreateTenantAsync();
        var otherAdmin = await other.ApiAsync(await other.AdminAsync());
        var id = (await CreateAsync(admin, Draft())).GetProperty("id").GetInt64();
        var sendAt = new { sendAt = DateTimeOffset.UtcNow.AddDays(1).ToString("o") };

        var memberCalls = new[]
        {
            await member.GetAsync(Api, Ct), await member.GetAsync($"{Api}/{id}", Ct), await member.PostAsJsonAsync(Api, Draft(), Ct),
            await member.PatchAsJsonAsync($"{Api}/{id}", new { subject = "x" }, Ct), await member.PostAsJsonAsync($"{Api}/{id}/preview", new { }, Ct),
            await member.PostAsync($"{Api}/{id}/test", null, Ct), await member.PostAsJsonAsync($"{Api}/{id}/schedule", sendAt, Ct),
            await member.PostAsync($"{Api}/{id}/unschedule", null, Ct), await member.DeleteAsync($"{Api}/{id}", Ct), await member.GetAsync($"{Api}/blocks", Ct),
        };
        var foreignCalls = new[]
        {
            await otherAdmin.GetAsync($"{Api}/{id}", Ct), await otherAdmin.PatchAsJsonAsync($"{Api}/{id}", new { subject = "x" }, Ct),
            await otherAdmin.PostAsJsonAsync($"{Api}/{id}/preview", new { }, Ct), await otherAdmin.PostAsync($"{Api}/{id}/test", null, Ct),
            await otherAdmin.PostAsJsonAsync($"{Api}/{id}/schedule", sendAt, Ct), await otherAdmin.PostAsync($"{Api}/{id}/unschedule", null, Ct),
            await otherAdmin.DeleteAsync($"{Api}/{id}", Ct),
        };
        var otherList = await otherAdmin.GetFromJsonAsync<JsonElement>(Api, Ct);
        var anonymous = await tenant.Client().GetAsync(Api, Ct);

        Assert.All(memberCalls, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.All(foreignCalls, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(0, otherList.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var still = await admin.GetFromJsonAsync<JsonElement>($"{Api}/{id}", Ct);
        Assert.Equal("draft", still.GetProperty("status").GetString());
        Assert.Equal("丸の内アルムナイ通信 12月号", still.GetProperty("subject").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NewslettersTestsOnSqlite(SqliteApp app) : NewslettersTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NewslettersTestsOnPostgres(PostgresApp app) : NewslettersTests(app);
