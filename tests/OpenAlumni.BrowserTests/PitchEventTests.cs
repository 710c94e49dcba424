using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// A pitch event on the event page, in Japanese: an alumnus applies to pitch, the secretariat accepts, an
/// employee signs up, raises a hand once the event has begun (the pitcher sees who), and after the end
/// gives feedback, which the secretariat reads on the attendee list.
/// </summary>
public sealed class PitchEventTests(BrowserApp app) : BrowserTest(app)
{
    const string Culture = "ja";

    [Fact]
    public async Task PitchEvent_Apply_Accept_RaiseHand_Feedback()
    {
        var text = UiText.Japanese;
        var ev = EventUiText.Japanese;
        var tenant = await App.CreateTenantAsync("三ツ星商事 アルムナイネットワーク", Culture);
        var admin = await tenant.AdminAsync();
        var pitcher = await tenant.MemberAsync(MemberKind.Alumni, "渡辺", "翔", "わたなべ", "しょう", edit: m => m.Organization = "Globex Japan 合同会社");
        var employee = await tenant.MemberAsync(MemberKind.Employee, "高橋", "大輔", "たかはし", "だいすけ", "人事部");
        var title = "アルムナイ・ピッチナイト";
        var now = DateTimeOffset.UtcNow;
        var eventId = await CreatePublishedPitchEventAsync(tenant, admin, title, now.AddDays(2), now.AddDays(2).AddHours(2));
        var eventUrl = $"/events/{eventId}";
        const string pitchTitle = "物流倉庫の在庫をAIで最適化";

        // 1. The alumnus opens the application form; a first try without a summary is refused by the field.
        var alumnus = await OpenAsync(tenant, "pitcher");
        await SignInAsync(alumnus, text, pitcher);
        await alumnus.GotoAsync(eventUrl);
        await alumnus.GetByText(ev.ApplyPitchTitle, new() { Exact = true }).ClickAsync();
        await alumnus.Locator("#Pitch_Title").FillAsync(pitchTitle);
        await alumnus.GetByRole(AriaRole.Button, new() { Name = ev.ApplyPitch, Exact = true }).ClickAsync();
        await Expect(alumnus.Locator("#Pitch_Summary-err")).ToHaveTextAsync(ev.Required);
        await Expect(alumnus.Locator("#Pitch_Title")).ToHaveValueAsync(pitchTitle);
        await alumnus.Locator("#Pitch_Summary").FillAsync("中小規模の物流倉庫向けに、需要予測で在庫を最適化するSaaSを提供しています。");
        await alumnus.GetByLabel(ev.SeekingPartners).CheckAsync();
        await alumnus.GetByLabel(ev.SeekingCustomers).CheckAsync();
        await alumnus.GetByRole(AriaRole.Button, new() { Name = ev.ApplyPitch, Exact = true }).ClickAsync();
        await Expect(alumnus.GetByRole(AriaRole.Status)).ToHaveTextAsync(ev.PitchApplied);
        await Expect(alumnus.GetByTestId("programme")).ToContainTextAsync(ev.PitchPending);
        await SnapAsync(alumnus, Culture, "p01-pitch-applied");

        // 2. The secretariat accepts it: it is on the programme with the speaker and their organisation.
        var secretariat = await OpenAsync(tenant, "admin");
        await SignInAsync(secretariat, text, admin);
        await secretariat.GotoAsync(eventUrl);
        var application = secretariat.GetByTestId("pitch-application").Filter(new() { HasText = pitchTitle });
        await Expect(application).ToContainTextAsync(pitcher.DisplayName);
        await SnapAsync(secretariat, Culture, "p02-pitch-application");
        await application.GetByRole(AriaRole.Button, new() { Name = ev.Accept, Exact = true }).ClickAsync();
        await Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync(ev.PitchAcceptedFlash(pitchTitle));
        var pitch = secretariat.GetByTestId("pitch").Filter(new() { HasText = pitchTitle });
        await Expect(pitch).ToContainTextAsync(pitcher.DisplayName);
        await Expect(pitch).ToContainTextAsync("Globex Japan 合同会社");
        await Expect(secretariat.GetByTestId("pitch-application")).ToHaveCountAsync(0);

        // 3. An employee signs up (an in-person event: no choice to make); before the start there is no hand to raise.
        var colleague = await OpenAsync(tenant, "employee");
        await SignInAsync(colleague, text, employee);
        await colleague.GotoAsync(eventUrl);
        await colleague.GetByRole(AriaRole.Button, new() { Name = ev.SignUp, Exact = true }).ClickAsync();
        await Expect(colleague.GetByTestId("my-status")).ToHaveTextAsync(ev.Confirmed);
        await Expect(colleague.GetByRole(AriaRole.Button, new() { Name = ev.WantToTalk })).ToHaveCountAsync(0);
        await Expect(colleague.GetByTestId("pitch")).ToContainTextAsync(pitchTitle);

        // 4. The event has begun: the employee raises a hand, and the pitcher sees who.
        await MoveEventAsync(tenant, eventId, now.AddMinutes(-30), now.AddMinutes(90));
        await colleague.ReloadAsync();
        await colleague.GetByRole(AriaRole.Button, new() { Name = ev.WantToTalk, Exact = true }).ClickAsync();
        await Expect(colleague.GetByRole(AriaRole.Status)).ToHaveTextAsync(ev.InterestSent);
        await Expect(colleague.GetByTestId("pitch")).ToContainTextAsync(ev.WantToTalkSent);
        await Expect(colleague.GetByTestId("interested")).ToHaveCountAsync(0);
        await SnapAsync(colleague, Culture, "p03-hand-raised");
        await alumnus.ReloadAsync();
        await Expect(alumnus.GetByTestId("interested")).ToContainTextAsync(employee.DisplayName);
        await Expect(alumnus.GetByRole(AriaRole.Button, new() { Name = ev.WantToTalk })).ToHaveCountAsync(0);
        await SnapAsync(alumnus, Culture, "p04-pitcher-sees-hands");

        // 5. After the end, the employee (confirmed) answers the feedback form...
        await MoveEventAsync(tenant, eventId, now.AddHours(-3), now.AddHours(-1));
        await colleague.ReloadAsync();
        await Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = ev.FeedbackTitle })).ToBeVisibleAsync();
        await colleague.GetByLabel("5", new() { Exact = true }).CheckAsync();
        await colleague.Locator("#Feedback_Comment").FillAsync("とても刺激になりました。次回も参加します。");
        await SnapAsync(colleague, Culture, "p05-feedback-form");
        await colleague.GetByRole(AriaRole.Button, new() { Name = ev.SendFeedback, Exact = true }).ClickAsync();
        await Expect(colleague.GetByRole(AriaRole.Status)).ToHaveTextAsync(ev.FeedbackThanks);

        // 6. ...which the secretariat reads with the attendee list; the event is now among the past ones.
        await secretariat.GotoAsync($"/events/attendees?id={eventId}");
        await Expect(secretariat.GetByTestId("feedback-summary")).ToContainTextAsync(ev.FeedbackAverage("5.0", 1));
        await Expect(secretariat.GetByTestId("feedback-summary")).ToContainTextAsync("とても刺激になりました。");
        await SnapAsync(secretariat, Culture, "p06-feedback-summary");
        await secretariat.GotoAsync("/events?when=past");
        await Expect(secretariat.GetByTestId("event-card").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await SnapAsync(secretariat, Culture, "p07-past-events");
    }

    /// <summary>A published pitch event made directly in the database: the form is the other journey's subject.</summary>
    async Task<long> CreatePublishedPitchEventAsync(BrowserTenant tenant, Person admin, string title, DateTimeOffset start, DateTimeOffset end) =>
        await App.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<AlumniDb>();
            var now = DateTimeOffset.UtcNow;
            var e = new Event
            {
                Title = title, Description = "卒業生が**いま取り組んでいる事業**を社員の皆さんに紹介します。",
                Kind = EventKind.Pitch, Format = EventFormat.Offline, Status = EventStatus.Published, Audience = EventAudience.All,
                StartsAt = start, EndsAt = end, Venue = "本社 20階 大ホール", Address = "東京都千代田区丸の内1-1-1", CapacityInPerson = 40,
                CreatedByMemberId = admin.Id, CreatedAt = now, UpdatedAt = now, PublishedAt = now,
            };
            db.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });

    /// <summary>
    /// Time passes: the app runs on the real clock (shared by every browser test), so the event is moved
    /// instead, to have begun or ended.
    /// </summary>
    Task MoveEventAsync(BrowserTenant tenant, long id, DateTimeOffset start, DateTimeOffset end) =>
        App.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<AlumniDb>().Set<Event>().Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.StartsAt, start).SetProperty(e => e.EndsAt, end)));
}
