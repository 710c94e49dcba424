using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Events;

/// <summary>
/// Business cards at events (名刺交換): a confirmed attendee's card, exchanged both ways once both are checked in at the
/// same event; once per pair however often (or however simultaneously) scanned; refused across events and networks,
/// between blocked members, for one's own card and for anyone not checked in; "people I met" with my private note and
/// each person as their visibility allows; the exchanges in the attribution, the export, the erasure and a merge.
/// </summary>
public abstract class CardsTests(AlumniApp app) : AppTest(app)
{
    sealed record Attendee(TestMember Member, HttpClient Api);

    sealed record Fixture(TestTenant Tenant, HttpClient Admin, long Event);

    async Task<Fixture> EventAsync()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        return new Fixture(tenant, admin, await EventTestData.CreateAsync(admin, EventTestData.Meetup(capacity: 20)));
    }

    /// <summary>A member signed up for the event and, unless said otherwise, checked in at the door with their ticket.</summary>
    static async Task<Attendee> AttendeeAsync(Fixture f, string family, bool checkIn = true, long? eventId = null, Action<Member>? edit = null,
        MemberKind kind = MemberKind.Alumni, string culture = "en")
    {
        var ev = eventId ?? f.Event;
        var member = await f.Tenant.MemberAsync(kind, family, "花子", edit);
        var api = await f.Tenant.ApiAsync(member, culture);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/events/{ev}/rsvp", null, Ct)).StatusCode);
        if (checkIn) await CheckInAsync(f, member, ev);
        return new Attendee(member, api);
    }

    static async Task CheckInAsync(Fixture f, TestMember member, long ev)
    {
        var ticket = await f.Tenant.DbAsync(db => db.Set<Rsvp>().Where(r => r.EventId == ev && r.MemberId == member.Id).Select(r => r.TicketCode).SingleAsync(Ct));
        var door = await f.Admin.PostAsJsonAsync($"/api/v1/events/{ev}/checkins", new { code = RsvpService.TicketPrefix + ticket }, Ct);
        Assert.Equal(HttpStatusCode.OK, door.StatusCode);
    }

    static async Task<string> CardAsync(Attendee a, long ev)
    {
        var response = await a.Api.GetAsync($"/api/v1/events/{ev}/card", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("code").GetString()!;
    }

    static Task<HttpResponseMessage> ScanAsync(Attendee scanner, long ev, string code, string? note = null) =>
        scanner.Api.PostAsJsonAsync($"/api/v1/events/{ev}/cards", new { code, note }, Ct);

    static async Task<List<JsonElement>> MetAsync(Attendee a, long ev)
    {
        var response = await a.Api.GetAsync($"/api/v1/events/{ev}/cards", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("items").EnumerateArray().ToList();
    }

    static Task<int> RowsAsync(Fixture f) => f.Tenant.DbAsync(db => db.Set<CardExchange>().CountAsync(Ct));

    [Fact]
    public async Task Scanning_AnotherCheckedInAttendeesCard_ExchangesCardsBothWays()
    {
        var f = await EventAsync();
        var aiko = await AttendeeAsync(f, "名刺");
        var ken = await AttendeeAsync(f, "交換");
        var kensCard = await CardAsync(ken, f.Event);

        var scanned = await ScanAsync(aiko, f.Event, kensCard, "受付前で物流の話");
        var aikoMet = await MetAsync(aiko, f.Event);
        var kenMet = await MetAsync(ken, f.Event);

        Assert.Equal(HttpStatusCode.Created, scanned.StatusCode);
        Assert.Matches("^oa-card:[A-Za-z0-9_-]{20,}$", kensCard);
        Assert.Equal(kensCard, await CardAsync(ken, f.Event)); // made once, then the same
        var met = await JsonAsync(scanned);
        Assert.Equal((ken.Member.Id, "交換 花子"), (met.GetProperty("member").GetProperty("id").GetInt64(), met.GetProperty("member").GetProperty("displayName").GetString()));
        var mine = Assert.Single(aikoMet);
        Assert.Equal("交換 花子", mine.GetProperty("member").GetProperty("displayName").GetString());
        Assert.True(mine.GetProperty("scanned").GetBoolean());
        Assert.Equal("受付前で物流の話", mine.GetProperty("note").GetString());
        Assert.True(mine.GetProperty("canMessage").GetBoolean());
        var theirs = Assert.Single(kenMet);
        Assert.Equal("名刺 花子", theirs.GetProperty("member").GetProperty("displayName").GetString());
        Assert.False(theirs.GetProperty("scanned").GetBoolean());
        Assert.Equal(2, await RowsAsync(f));
    }

    [Fact]
    public async Task Exchanging_Again_OrBothScanningAtOnce_KeepsOnePair()
    {
        var f = await EventAsync();
        var a = await AttendeeAsync(f, "一回");
        var b = await AttendeeAsync(f, "二回");
        var c = await AttendeeAsync(f, "同時");
        var d = await AttendeeAsync(f, "同刻");
        var (aCard, bCard, cCard, dCard) = (await CardAsync(a, f.Event), await CardAsync(b, f.Event), await CardAsync(c, f.Event), await CardAsync(d, f.Event));

        var first = await ScanAsync(a, f.Event, bCard);
        var again = await ScanAsync(a, f.Event, bCard, "二度目のメモ");
        var back = await ScanAsync(b, f.Event, aCard);
        // c and d hold their phones up to each other at the same moment, twice over.
        var together = await Task.WhenAll(ScanAsync(c, f.Event, dCard), ScanAsync(d, f.Event, cCard), ScanAsync(c, f.Event, dCard), ScanAsync(d, f.Event, cCard));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("二度目のメモ", Assert.Single(await MetAsync(a, f.Event)).GetProperty("note").GetString());
        Assert.True(Assert.Single(await MetAsync(b, f.Event)).GetProperty("scanned").GetBoolean()); // b scanned too, in the end
        Assert.All(together, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(together, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(await MetAsync(c, f.Event));
        Assert.Single(await MetAsync(d, f.Event));
        Assert.Equal(4, await RowsAsync(f));
    }

    [Fact]
    public async Task Exchanging_IsOnlyForCheckedInAttendeesOfThisEvent_AndNothingIsWrittenOtherwise()
    {
        var f = await EventAsync();
        var otherEvent = await EventTestData.CreateAsync(f.Admin, EventTestData.Meetup(capacity: 20));
        var me = await AttendeeAsync(f, "受付済");
        var late = await AttendeeAsync(f, "未受付", checkIn: false);
        var elsewhere = await AttendeeAsync(f, "別会場", eventId: otherEvent);
        var bystander = await f.Tenant.ApiAsync(await f.Tenant.MemberAsync(family: "不参加"));
        var abroad = await EventAsync();
        var foreigner = await AttendeeAsync(abroad, "他社");
        var lateJa = await f.Tenant.ApiAsync(late.Member, "ja");
        var ticket = await f.Tenant.DbAsync(db => db.Set<Rsvp>().Where(r => r.MemberId == me.Member.Id).Select(r => r.TicketCode).SingleAsync(Ct));
        var (mine, lateCard, elsewhereCard, foreignCard) = (await CardAsync(me, f.Event), await CardAsync(late, f.Event), await CardAsync(elsewhere, otherEvent), await CardAsync(foreigner, abroad.Event));

        var lateScans = await ScanAsync(late, f.Event, mine);
        var lateScansInJapanese = await lateJa.PostAsJsonAsync($"/api/v1/events/{f.Event}/cards", new { code = mine }, Ct);
        var scansTheLate = await ScanAsync(me, f.Event, lateCard);
        var otherEventsCard = await ScanAsync(me, f.Event, elsewhereCard);
        var otherNetworksCard = await ScanAsync(me, f.Event, foreignCard);
        var madeUp = await ScanAsync(me, f.Event, "oa-card:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var own = await ScanAsync(me, f.Event, mine);
        var aTicket = await ScanAsync(me, f.Event, RsvpService.TicketPrefix + ticket);
        var notAnAttendee = await bystander.PostAsJsonAsync($"/api/v1/events/{f.Event}/cards", new { code = mine }, Ct);
        var notAnAttendeesCard = await bystander.GetAsync($"/api/v1/events/{f.Event}/card", Ct);
        var notAnAttendeesList = await bystander.GetAsync($"/api/v1/events/{f.Event}/cards", Ct);
        var anotherNetworksEvent = await me.Api.PostAsJsonAsync($"/api/v1/events/{abroad.Event}/cards", new { code = foreignCard }, Ct);

        Assert.Equal("Check in at the door first: cards are exchanged among attendees who are checked in.", (await AssertValidationProblemAsync(lateScans, "code"))["code"][0]);
        Assert.Equal("先に受付を済ませてください。名刺交換は受付済みの参加者どうしでできます。", (await AssertValidationProblemAsync(lateScansInJapanese, "code"))["code"][0]);
        Assert.Equal("This attendee has not checked in yet: exchange cards once they have.", (await AssertValidationProblemAsync(scansTheLate, "code"))["code"][0]);
        Assert.Equal("This card is for another event.", (await AssertValidationProblemAsync(otherEventsCard, "code"))["code"][0]);
        Assert.Equal("This is not a valid business card.", (await AssertValidationProblemAsync(otherNetworksCard, "code"))["code"][0]);
        Assert.Equal("This is not a valid business card.", (await AssertValidationProblemAsync(madeUp, "code"))["code"][0]);
        Assert.Equal("This is your own card.", (await AssertValidationProblemAsync(own, "code"))["code"][0]);
        Assert.StartsWith("This is an event ticket, not a business card", (await AssertValidationProblemAsync(aTicket, "code"))["code"][0]);
        Assert.Equal(HttpStatusCode.Forbidden, notAnAttendee.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAnAttendeesCard.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAnAttendeesList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anotherNetworksEvent.StatusCode);
        Assert.Equal(0, await RowsAsync(f));
        Assert.Equal(0, await RowsAsync(abroad));
        // The refusal of a late scan is also what the event tells the page ahead: not yet.
        var lateEvent = await EventTestData.GetAsync(late.Api, f.Event);
        Assert.True(lateEvent.GetProperty("canHoldCard").GetBoolean());
        Assert.False(lateEvent.GetProperty("canExchangeCards").GetBoolean());
        Assert.True((await EventTestData.GetAsync(me.Api, f.Event)).GetProperty("canExchangeCards").GetBoolean());
    }

    [Fact]
    public async Task Exchanging_BetweenBlockedMembers_IsRefused_WhoeverBlockedWhom()
    {
        var f = await EventAsync();
        var blocker = await AttendeeAsync(f, "拒否");
        var blocked = await AttendeeAsync(f, "対象");
        Assert.True((await blocker.Api.PostAsJsonAsync("/api/v1/me/blocks", new { memberId = blocked.Member.Id }, Ct)).IsSuccessStatusCode);

        var byBlocker = await ScanAsync(blocker, f.Event, await CardAsync(blocked, f.Event));
        var byBlocked = await ScanAsync(blocked, f.Event, await CardAsync(blocker, f.Event));

        Assert.Equal(HttpStatusCode.Forbidden, byBlocker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byBlocked.StatusCode);
        Assert.Equal("application/problem+json", byBlocked.Content.Headers.ContentType?.MediaType);
        Assert.Equal("You cannot exchange cards with this member.", (await JsonAsync(byBlocked)).GetProperty("detail").GetString());
        Assert.Equal(0, await RowsAsync(f));
    }

    [Fact]
    public async Task PeopleIMet_ListsOnlyMine_AsTheirVisibilityAllowsMe_AndMyNoteIsMine()
    {
        var f = await EventAsync();
        // Her employer is for employees only; her photo for the network.
        var hidden = await AttendeeAsync(f, "秘匿", edit: m => { m.Organization = "株式会社ひみつ"; m.Title = "部長"; m.OrganizationVisibility = Visibility.Employees; });
        var alumnus = await AttendeeAsync(f, "卒業");
        var employee = await AttendeeAsync(f, "社員", kind: MemberKind.Employee);
        var stranger = await AttendeeAsync(f, "他人");
        await ScanAsync(alumnus, f.Event, await CardAsync(hidden, f.Event), "秘密のメモ：出資の相談");
        await ScanAsync(employee, f.Event, await CardAsync(hidden, f.Event));

        var edited = await alumnus.Api.PatchAsJsonAsync($"/api/v1/events/{f.Event}/cards/{hidden.Member.Id}", new { note = "来週ランチ" }, Ct);
        var notMet = await alumnus.Api.PatchAsJsonAsync($"/api/v1/events/{f.Event}/cards/{stranger.Member.Id}", new { note = "会っていない" }, Ct);
        var byAlumnus = Assert.Single(await MetAsync(alumnus, f.Event));
        var byEmployee = Assert.Single(await MetAsync(employee, f.Event));
        var hiddenSees = await hidden.Api.GetStringAsync($"/api/v1/events/{f.Event}/cards", Ct);
        var strangerSees = await MetAsync(stranger, f.Event);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notMet.StatusCode);
        Assert.Equal("来週ランチ", byAlumnus.GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, byAlumnus.GetProperty("member").GetProperty("organization").ValueKind);
        Assert.Equal(JsonValueKind.Null, byAlumnus.GetProperty("member").GetProperty("title").ValueKind);
        Assert.Equal("株式会社ひみつ", byEmployee.GetProperty("member").GetProperty("organization").GetString());
        Assert.Equal("部長", byEmployee.GetProperty("member").GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, byEmployee.GetProperty("note").ValueKind);
        // The person met sees both who met her, and none of their notes.
        Assert.Equal(2, JsonDocument.Parse(hiddenSees).RootElement.GetProperty("total").GetInt32());
        Assert.DoesNotContain("来週ランチ", hiddenSees);
        Assert.DoesNotContain("秘密のメモ", hiddenSees);
        Assert.Empty(strangerSees);
    }

    [Fact]
    public async Task BadInput_IsAnsweredWithProblemDetails_ByField()
    {
        var f = await EventAsync();
        var a = await AttendeeAsync(f, "入力");
        var b = await AttendeeAsync(f, "検査");
        var bCard = await CardAsync(b, f.Event);
        await ScanAsync(a, f.Event, bCard);

        var noCode = await a.Api.PostAsJsonAsync($"/api/v1/events/{f.Event}/cards", new { note = "コードなし" }, Ct);
        var longCode = await ScanAsync(a, f.Event, "oa-card:" + new string('A', 200));
        var longNote = await ScanAsync(a, f.Event, bCard, new string('メ', EventLimits.CardNote + 1));
        var longNoteLater = await a.Api.PatchAsJsonAsync($"/api/v1/events/{f.Event}/cards/{b.Member.Id}", new { note = new string('メ', EventLimits.CardNote + 1) }, Ct);
        var badPage = await a.Api.GetAsync($"/api/v1/events/{f.Event}/cards?page=0", Ct);

        await AssertValidationProblemAsync(noCode, "code");
        await AssertValidationProblemAsync(longCode, "code");
        await AssertValidationProblemAsync(longNote, "note");
        await AssertValidationProblemAsync(longNoteLater, "note");
        await AssertValidationProblemAsync(badPage, "page");
        Assert.Equal(JsonValueKind.Null, Assert.Single(await MetAsync(a, f.Event)).GetProperty("note").ValueKind);
    }

    [Fact]
    public async Task Attribution_CountsEachPairOnce_InThePeriod()
    {
        var f = await EventAsync();
        var people = new List<Attendee>();
        for (var i = 0; i < 4; i++) people.Add(await AttendeeAsync(f, "集計" + i));
        var cards = new List<string>();
        foreach (var p in people) cards.Add(await CardAsync(p, f.Event));
        await ScanAsync(people[0], f.Event, cards[1]);
        await ScanAsync(people[1], f.Event, cards[0]); // the same pair, the other way
        await ScanAsync(people[0], f.Event, cards[2]);
        await ScanAsync(people[2], f.Event, cards[3]);
        // One of the three pairs met two years ago, before the report's year.
        await f.Tenant.DbAsync(db => db.Set<CardExchange>().Where(x => (x.MemberId == people[2].Member.Id && x.OtherMemberId == people[3].Member.Id)
            || (x.MemberId == people[3].Member.Id && x.OtherMemberId == people[2].Member.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExchangedAt, DateTimeOffset.UtcNow.AddYears(-2)), Ct));

        var report = await JsonAsync(await f.Admin.GetAsync("/api/v1/admin/analytics/outcomes", Ct));
        var csv = await f.Admin.GetStringAsync("/api/v1/admin/analytics/attribution.csv", Ct);

        var row = report.GetProperty("attribution").EnumerateArray().Single(a => a.GetProperty("source").GetString() == "cards");
        Assert.Equal((2, 0, 0L), (row.GetProperty("activities").GetInt32(), row.GetProperty("outcomes").GetInt32(), row.GetProperty("valueYen").GetInt64()));
        Assert.Contains("Business cards exchanged at events,2,0,0", csv);
        Assert.Equal(0, report.GetProperty("totals").GetProperty("outcomes").GetInt32());
    }

    [Fact]
    public async Task MyExport_HoldsMyExchangesAndNotes_AndErasingMe_RemovesBothSides()
    {
        var f = await EventAsync();
        var leaving = await AttendeeAsync(f, "退会" + Guid.NewGuid().ToString("N")[..4]);
        var staying = await AttendeeAsync(f, "継続");
        await ScanAsync(leaving, f.Event, await CardAsync(staying, f.Event), "輸出の話をした");
        await staying.Api.PatchAsJsonAsync($"/api/v1/events/{f.Event}/cards/{leaving.Member.Id}", new { note = "継続側のメモ" }, Ct);

        var export = await JsonAsync(await leaving.Api.GetAsync("/api/v1/me/export", Ct));
        var erased = await leaving.Api.DeleteAsync("/api/v1/me?posts=delete", Ct);

        var exchange = Assert.Single(export.GetProperty("cardExchanges").EnumerateArray());
        Assert.Equal(("継続 花子", "輸出の話をした"), (exchange.GetProperty("met").GetString(), exchange.GetProperty("note").GetString()));
        Assert.DoesNotContain("継続側のメモ", export.GetRawText());
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(0, await RowsAsync(f));
        Assert.Empty(await MetAsync(staying, f.Event));
    }

    [Fact]
    public async Task MergingADuplicate_MovesItsExchanges_WithoutAPairTwice_OrOneWithOneself()
    {
        var f = await EventAsync();
        var keep = await AttendeeAsync(f, "統合");
        var other = await AttendeeAsync(f, "相手");
        var third = await AttendeeAsync(f, "第三");
        var dupMember = await f.Tenant.MemberAsync(family: "統合");
        var dup = new Attendee(dupMember, await f.Tenant.ApiAsync(dupMember));
        var secondEvent = await EventTestData.CreateAsync(f.Admin, EventTestData.Meetup(capacity: 20));
        Assert.Equal(HttpStatusCode.OK, (await dup.Api.PostAsync($"/api/v1/events/{secondEvent}/rsvp", null, Ct)).StatusCode);
        await CheckInAsync(f, dupMember, secondEvent);
        Assert.Equal(HttpStatusCode.OK, (await third.Api.PostAsync($"/api/v1/events/{secondEvent}/rsvp", null, Ct)).StatusCode);
        await CheckInAsync(f, third.Member, secondEvent);
        // Both accounts met "other" at the first event (the duplicate through a row written as an exchange would be),
        // the two accounts met each other, and the duplicate met "third" at the second event.
        await ScanAsync(keep, f.Event, await CardAsync(other, f.Event), "残るメモ");
        await f.Tenant.DbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.AddRange(
                new CardExchange { EventId = f.Event, MemberId = dupMember.Id, OtherMemberId = other.Member.Id, ExchangedAt = now, Scanned = true, Note = "消えるメモ" },
                new CardExchange { EventId = f.Event, MemberId = other.Member.Id, OtherMemberId = dupMember.Id, ExchangedAt = now },
                new CardExchange { EventId = f.Event, MemberId = dupMember.Id, OtherMemberId = keep.Member.Id, ExchangedAt = now },
                new CardExchange { EventId = f.Event, MemberId = keep.Member.Id, OtherMemberId = dupMember.Id, ExchangedAt = now });
            return await db.SaveChangesAsync(Ct);
        });
        await ScanAsync(dup, secondEvent, await CardAsync(third, secondEvent));

        var merged = await f.Admin.PostAsJsonAsync($"/api/v1/admin/members/{keep.Member.Id}/merge", new { duplicateId = dupMember.Id }, Ct);

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var rows = await f.Tenant.DbAsync(db => db.Set<CardExchange>().OrderBy(x => x.EventId).ThenBy(x => x.MemberId)
            .Select(x => new { x.EventId, x.MemberId, x.OtherMemberId, x.Note }).ToListAsync(Ct));
        Assert.DoesNotContain(rows, x => x.MemberId == x.OtherMemberId || x.MemberId == dupMember.Id || x.OtherMemberId == dupMember.Id);
        Assert.Equal(4, rows.Count); // keep–other at the first event, keep–third at the second, each both ways
        Assert.Equal("残るメモ", rows.Single(x => x.MemberId == keep.Member.Id && x.OtherMemberId == other.Member.Id).Note);
        Assert.Single(rows, x => x.EventId == secondEvent && x.MemberId == keep.Member.Id && x.OtherMemberId == third.Member.Id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CardsTestsOnSqlite(SqliteApp app) : CardsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CardsTestsOnPostgres(PostgresApp app) : CardsTests(app);
