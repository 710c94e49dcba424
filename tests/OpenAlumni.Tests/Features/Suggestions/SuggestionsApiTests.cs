using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Suggestions;

namespace OpenAlumni.Tests.Features.Suggestions;

/// <summary>
/// People worth meeting: up to five a week, best first, each with reasons the reader may see; never a member who withheld
/// directory consent, hid what a reason would name, blocked or was blocked, is already in touch, or is of another network;
/// feedback; weights per network; the follow-up rate counted exactly.
/// </summary>
public abstract class SuggestionsApiTests(AlumniApp app) : AppTest(app)
{
    static Action<Member> Tags(params string[] skills) => m =>
    {
        foreach (var s in skills) m.Tags.Add(new ProfileTag { Kind = TagKind.Skill, Name = s, Key = OpenAlumni.Web.Infrastructure.Search.SearchText.Normalize(s), TenantId = m.TenantId });
    };

    static async Task<List<JsonElement>> SuggestionsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/me/suggestions", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).EnumerateArray().ToList();
    }

    static long IdOf(JsonElement s) => s.GetProperty("member").GetProperty("id").GetInt64();

    [Fact]
    public async Task UpToFive_BestFirst_EachWithItsReasons_TheSameAllWeek()
    {
        var tenant = await App.CreateTenantAsync();
        // Every fixture member worked in 総務部 2005-2015: the department is a reason for all; skills rank them.
        var me = await tenant.MemberAsync(edit: Tags("物流", "事業開発"));
        var two = await tenant.MemberAsync(family: "二つ", given: "共通", edit: Tags("物流", "事業開発"));
        var one = await tenant.MemberAsync(family: "一つ", given: "共通", edit: m => { Tags("物流")(m); m.OpenTo = OpenTo.Consultation; });
        for (var i = 0; i < 4; i++) await tenant.MemberAsync(family: "部署", given: $"{i}");
        var client = await tenant.ClientForAsync(me);

        var week = await SuggestionsAsync(client);
        var again = await SuggestionsAsync(client);

        Assert.Equal(SuggestionEngine.PerWeek, week.Count);
        Assert.Equal([two.Id, one.Id], week.Take(2).Select(IdOf));
        Assert.Equal(week.Select(IdOf), again.Select(IdOf));
        var reasons = week[1].GetProperty("reasons").EnumerateArray().Select(r => (Signal: r.GetProperty("signal").GetString(), Text: r.GetProperty("text").GetString()!)).ToList();
        Assert.Contains(reasons, r => r.Signal == "skills" && r.Text.Contains("物流"));
        Assert.Contains(reasons, r => r.Signal == "department" && r.Text.Contains("総務部 2005–2015"));
        Assert.Contains(reasons, r => r.Signal == "openTo" && r.Text.Contains("consultation"));
        // Scores follow the weights: two skills (10 each) and the overlapping department (8 × 2).
        Assert.Equal(36, week[0].GetProperty("score").GetInt32());
        var monday = week[0].GetProperty("week").GetString()!;
        Assert.Equal(DayOfWeek.Monday, DateOnly.Parse(monday).DayOfWeek);
        Assert.Equal(5, await tenant.DbAsync(db => db.Set<Suggestion>().CountAsync(s => s.MemberId == me.Id, Ct)));
    }

    [Fact]
    public async Task NeverSuggests_TheExcluded_AndDropsWhatChangesDuringTheWeek()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync(edit: Tags("物流"));
        var control = await tenant.MemberAsync(family: "普通", given: "会員", edit: Tags("物流"));
        var later = await tenant.MemberAsync(family: "後で", given: "隠す", edit: Tags("物流"));
        await tenant.MemberAsync(family: "同意", given: "なし", edit: m => { Tags("物流")(m); m.WithheldPurposes = OpenAlumni.Web.Features.Privacy.Purpose.Directory; });
        await tenant.MemberAsync(family: "非公開", given: "経歴", edit: m => { Tags("物流")(m); m.CareerVisibility = Visibility.Employees; m.TagsVisibility = Visibility.Admins; });
        await tenant.MemberAsync(family: "承認", given: "待ち", edit: Tags("物流"), status: MemberStatus.Pending);
        var blockedByMe = await tenant.MemberAsync(family: "ブロック", given: "した", edit: Tags("物流"));
        var blocksMe = await tenant.MemberAsync(family: "ブロック", given: "された", edit: Tags("物流"));
        var talking = await tenant.MemberAsync(family: "会話", given: "済み", edit: Tags("物流"));
        await other.MemberAsync(family: "他社", given: "会員", edit: Tags("物流"));
        var client = await tenant.ClientForAsync(me);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/me/blocks", new { memberId = blockedByMe.Id }, Ct)).StatusCode);
        var blocker = await tenant.ClientForAsync(blocksMe);
        Assert.Equal(HttpStatusCode.Created, (await blocker.PostAsJsonAsync("/api/v1/me/blocks", new { memberId = me.Id }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { talking.Id }, body = "こんにちは" }, Ct)).StatusCode);

        var week = await SuggestionsAsync(client);

        Assert.Equal(new[] { control.Id, later.Id }.Order(), week.Select(IdOf).Order());

        // During the week: one hides the fields its reasons named, the other blocks me. Both leave the list at once.
        await tenant.DbAsync(async db =>
        {
            await db.Members.Where(m => m.Id == later.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.TagsVisibility, Visibility.Admins).SetProperty(m => m.CareerVisibility, Visibility.Admins), Ct);
            return 0;
        });
        Assert.Equal([control.Id], (await SuggestionsAsync(client)).Select(IdOf));
        var controlClient = await tenant.ClientForAsync(control);
        Assert.Equal(HttpStatusCode.Created, (await controlClient.PostAsJsonAsync("/api/v1/me/blocks", new { memberId = me.Id }, Ct)).StatusCode);
        Assert.Empty(await SuggestionsAsync(client));
    }

    [Fact]
    public async Task Feedback_TakesSomeoneOffForGood_BadInputChangesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync(edit: Tags("物流"));
        var a = await tenant.MemberAsync(family: "甲", given: "さん", edit: Tags("物流"));
        var b = await tenant.MemberAsync(family: "乙", given: "さん");
        var stranger = await other.MemberAsync();
        var client = await tenant.ClientForAsync(me);
        Assert.Equal(2, (await SuggestionsAsync(client)).Count);

        var empty = await client.PostAsJsonAsync($"/api/v1/me/suggestions/{a.Id}/feedback", new { value = "" }, Ct);
        var wrong = await client.PostAsJsonAsync($"/api/v1/me/suggestions/{a.Id}/feedback", new { value = "none" }, Ct);
        var foreign = await client.PostAsJsonAsync($"/api/v1/me/suggestions/{stranger.Id}/feedback", new { value = "alreadyKnow" }, Ct);
        var notSuggested = await client.PostAsJsonAsync($"/api/v1/me/suggestions/{me.Id}/feedback", new { value = "alreadyKnow" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("notRelevant", (await JsonAsync(wrong)).GetProperty("errors").GetProperty("value")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notSuggested.StatusCode);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<Suggestion>().CountAsync(s => s.Feedback != SuggestionFeedback.None, Ct)));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/me/suggestions/{a.Id}/feedback", new { value = "notRelevant" }, Ct)).StatusCode);
        Assert.Equal([b.Id], (await SuggestionsAsync(client)).Select(IdOf));

        // Next week (the week's rows gone), a is still never suggested again; b is (not suggested within three weeks is by date, so move the rows back).
        await tenant.DbAsync(async db =>
        {
            var past = DateTimeOffset.UtcNow.AddDays(-30);
            await db.Set<Suggestion>().ExecuteUpdateAsync(s => s.SetProperty(x => x.Week, x => x.Week.AddDays(-28)).SetProperty(x => x.CreatedAt, past), Ct);
            return 0;
        });
        Assert.Equal([b.Id], (await SuggestionsAsync(client)).Select(IdOf));
    }

    [Fact]
    public async Task Weights_ArePerNetwork_Checked_AndAudited()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var member = await tenant.ClientForAsync(await tenant.MemberAsync());
        var otherAdmin = await other.ClientForAsync(await other.AdminAsync());

        var bad = await admin.PutAsJsonAsync("/api/v1/admin/suggestions/weights", new { weights = new Dictionary<string, int> { ["department"] = 101, ["skills"] = -1, ["luck"] = 5 } }, Ct);
        var byMember = await member.PutAsJsonAsync("/api/v1/admin/suggestions/weights", new { weights = new { department = 0 } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("weights.department", out _));
        Assert.True(errors.TryGetProperty("weights.skills", out _));
        Assert.True(errors.TryGetProperty("weights", out _));
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<SuggestionWeight>().CountAsync(Ct)));

        var set = await admin.PutAsJsonAsync("/api/v1/admin/suggestions/weights", new { weights = new { department = 0, posts = 20 } }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var weights = (await JsonAsync(set)).GetProperty("weights");
        Assert.Equal(0, weights.GetProperty("department").GetInt32());
        Assert.Equal(20, weights.GetProperty("posts").GetInt32());
        Assert.Equal(SuggestionWeights.Defaults[SuggestionSignal.Skills], weights.GetProperty("skills").GetInt32());
        Assert.Equal(SuggestionWeights.Defaults[SuggestionSignal.Department],
            (await otherAdmin.GetFromJsonAsync<JsonElement>("/api/v1/admin/suggestions/weights", Ct)).GetProperty("weights").GetProperty("department").GetInt32());
        var audit = Assert.Single(await DeskTestData.AuditAsync(tenant, "suggestion.weights"));
        Assert.Contains("\"department\":0", audit.After);

        // With the department off, members who only share it are no longer suggested.
        var viewer = await tenant.ClientForAsync(await tenant.MemberAsync());
        Assert.Empty(await SuggestionsAsync(viewer));
    }

    [Fact]
    public async Task FollowUpRate_CountsMessagesConsultationsAndCardExchanges_Exactly()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var me = await tenant.MemberAsync(edit: Tags("物流"));
        var byMessage = await tenant.MemberAsync(family: "メッセージ", given: "さん");
        var byConsultation = await tenant.MemberAsync(family: "相談", given: "さん", edit: m => m.OpenTo = OpenTo.Consultation);
        var byCard = await tenant.MemberAsync(family: "名刺", given: "さん");
        var notFollowed = await tenant.MemberAsync(family: "未連絡", given: "さん");
        var client = await tenant.ClientForAsync(me);
        Assert.Equal(4, (await SuggestionsAsync(client)).Count);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { byMessage.Id }, body = "提案を見て連絡しました" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/consultations",
            new { memberId = byConsultation.Id, topic = "物流の新規事業", goal = "市場の見方を伺いたい", format = "onlineCall" }, Ct)).StatusCode);
        var eventId = await EventTestData.CreateAsync(admin, EventTestData.Meetup());
        await tenant.DbAsync(async db =>
        {
            var at = DateTimeOffset.UtcNow;
            db.AddRange(new OpenAlumni.Web.Features.Events.CardExchange { EventId = eventId, MemberId = me.Id, OtherMemberId = byCard.Id, ExchangedAt = at, Scanned = true },
                new OpenAlumni.Web.Features.Events.CardExchange { EventId = eventId, MemberId = byCard.Id, OtherMemberId = me.Id, ExchangedAt = at });
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/me/suggestions/{notFollowed.Id}/feedback", new { value = "alreadyKnow" }, Ct)).StatusCode);

        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics/suggestions", Ct);
        var dashboard = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics", Ct);
        var byMember = await client.GetAsync("/api/v1/admin/analytics/suggestions", Ct);

        Assert.Equal(4, report.GetProperty("suggestions").GetInt32());
        Assert.Equal(1, report.GetProperty("members").GetInt32());
        Assert.Equal(3, report.GetProperty("followedUp").GetInt32());
        Assert.Equal(0.75, report.GetProperty("followUpRate").GetDouble());
        Assert.Equal(1, report.GetProperty("byMessage").GetInt32());
        Assert.Equal(1, report.GetProperty("byConsultation").GetInt32());
        Assert.Equal(1, report.GetProperty("byCard").GetInt32());
        Assert.Equal(1, report.GetProperty("alreadyKnow").GetInt32());
        // Every one of the four shared the department; fewer than five suggestions give no rate for a reason.
        var department = report.GetProperty("bySignal").EnumerateArray().Single(s => s.GetProperty("signal").GetString() == "department");
        Assert.Equal(4, department.GetProperty("suggestions").GetInt32());
        Assert.Equal(JsonValueKind.Null, department.GetProperty("followUpRate").ValueKind);
        Assert.Equal(0.75, dashboard.GetProperty("suggestions").GetProperty("followUpRate").GetDouble());
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
    }

    [Fact]
    public async Task TheHomePage_ShowsThePeopleWorthMeeting_AndTheSwitchTurnsThemOff()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync(edit: Tags("物流"));
        await tenant.MemberAsync(family: "候補", given: "太郎", edit: Tags("物流"));
        var admin = await tenant.ClientForAsync(await tenant.AdminAsync());
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, me.Email, me.Password);

        var home = await browser.GetStringAsync("/", Ct);
        Assert.Contains("候補 太郎", home);
        Assert.Contains("data-testid=\"home-suggestions\"", home);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/admin/settings", new { features = new Dictionary<string, bool> { ["suggestions"] = false } }, Ct)).StatusCode);
        var client = await tenant.ClientForAsync(me);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/me/suggestions", Ct)).StatusCode);
        Assert.DoesNotContain("data-testid=\"home-suggestions\"", await browser.GetStringAsync("/", Ct));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SuggestionsApiTestsOnSqlite(SqliteApp app) : SuggestionsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SuggestionsApiTestsOnPostgres(PostgresApp app) : SuggestionsApiTests(app);
