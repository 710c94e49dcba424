using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// Closing the job board's loop, in both languages: a recruiter, on a phone, records the hire from the opening (which
/// closes it); the returning alumna finds it under her outcomes and hides her name; the secretariat, at a desk, sets what
/// a rehire is worth and reads the value report, which counts it without naming her.
/// </summary>
public sealed class OutcomesJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task ARecruiterRecordsAHire_TheAlumnaHidesHerName_AndTheReportCountsIt(string culture)
    {
        var ja = culture == "ja";
        var text = UiText.For(culture);
        var tenant = await App.CreateTenantAsync(ja ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Alumni Network", culture);
        var secretariat = await tenant.AdminAsync();
        var recruiter = await tenant.MemberAsync(MemberKind.Employee, "採用", "担当", "さいよう", "たんとう", "人事部", m => m.IsRecruiter = true);
        var returner = await tenant.MemberAsync(MemberKind.Alumni, "出戻", "彩", "でもどり", "あや", "金属本部");
        var title = ja ? "金属資源トレーディング 課長代理" : "Metals trading manager";
        var job = await App.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<AlumniDb>();
            var now = DateTimeOffset.UtcNow;
            var opening = new JobOpening
            {
                Title = title, Department = "金属本部", Location = "大阪支社", Remote = RemoteWork.Onsite, Description = "鉄鋼原料のトレーディング。",
                DescriptionHtml = "<p>鉄鋼原料のトレーディング。</p>", HowToApply = "recruit@example.com", Keywords = "トレーディング", ClosesAt = now.AddDays(30),
                Status = JobStatus.Open, PostedByMemberId = recruiter.Id, CreatedAt = now.AddDays(-20), UpdatedAt = now.AddDays(-20), AnnouncedAt = now.AddDays(-20),
            };
            db.Add(opening);
            await db.SaveChangesAsync();
            return opening.Id;
        });

        // 1. The recruiter, on a phone, opens the opening and records the hire: kind, source and opening come filled in.
        var phone = await OpenAsync(tenant, "recruiter");
        await phone.SetViewportSizeAsync(360, 780);
        await SignInAsync(phone, text, recruiter);
        await phone.GotoAsync($"/jobs/{job}");
        await phone.GetByTestId("record-hire").ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ja ? "成果を記録する" : "Record an outcome");
        await Expect(phone.Locator("#Input_Kind")).ToHaveValueAsync("rehire");
        await Expect(phone.Locator("#Input_SourceType")).ToHaveValueAsync("job");
        await Expect(phone.Locator("#Input_SourceId")).ToHaveValueAsync(job.ToString());
        // Saved without the alumna first: a hire names who was hired, and the form says so in the reader's language.
        await phone.GetByTestId("save-outcome").ClickAsync();
        await Expect(phone.Locator("[data-valmsg-for='Input.MemberIds'], .field:has(#Input_MemberIds) .error")).ToContainTextAsync(ja ? "採用されたメンバー" : "member who was hired");
        await phone.Locator("#Input_MemberIds").SelectOptionAsync(returner.Id.ToString());
        await phone.Locator("#Input_Departments").FillAsync("金属本部");
        await Expect(phone.Locator("#Input_Departments")).ToHaveValueAsync("金属本部");
        await SnapAsync(phone, culture, "outcomes-01-record-hire-360");
        await phone.GetByTestId("save-outcome").ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/outcomes$"));
        var recorded = phone.GetByTestId("outcome").First;
        await Expect(recorded.GetByTestId("outcome-source")).ToContainTextAsync(title);
        await Expect(recorded.GetByTestId("outcome-members")).ToContainTextAsync("出戻 彩");
        await Expect(recorded).ToContainTextAsync("金属本部");
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - 360"));
        await SnapAsync(phone, culture, "outcomes-02-ledger-360");
        // The opening closed with it.
        await phone.GotoAsync($"/jobs/{job}");
        await Expect(phone.GetByTestId("job-status")).ToHaveTextAsync(ja ? "募集終了" : "Closed");

        // 2. The alumna sees the outcome she is part of and hides her name.
        var alumna = await OpenAsync(tenant, "returner");
        await alumna.SetViewportSizeAsync(360, 780);
        await SignInAsync(alumna, text, returner);
        await alumna.GotoAsync("/outcomes");
        var mine = alumna.GetByTestId("my-outcomes");
        await Expect(mine.GetByTestId("outcome-kind")).ToHaveTextAsync(ja ? "再雇用（アルムナイ採用）" : "Rehire (boomerang hire)");
        await mine.GetByTestId("toggle-name").ClickAsync();
        await Expect(alumna.GetByTestId("my-name-hidden")).ToBeVisibleAsync();
        await SnapAsync(alumna, culture, "outcomes-03-mine-hidden-360");

        // 3. The secretariat, at a desk, sets what a rehire is worth; the report counts it and names nobody who hid.
        var desk = await OpenAsync(tenant, "secretariat");
        await desk.SetViewportSizeAsync(1280, 900);
        await SignInAsync(desk, text, secretariat);
        await desk.GotoAsync("/outcomes");
        await desk.GetByTestId("outcome-values").Locator("summary").ClickAsync();
        await desk.Locator("#value-rehire").FillAsync("3,000,000");
        await desk.GetByTestId("outcome-values").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(desk.GetByTestId("ledger-total")).ToContainTextAsync("¥3,000,000");
        await Expect(desk.GetByTestId("outcome-members").First).ToContainTextAsync("出戻 彩"); // the secretariat still sees who
        await desk.GotoAsync("/admin/analytics/report");
        await Expect(desk.GetByTestId("outcomes-count")).ToHaveTextAsync("1");
        await Expect(desk.GetByTestId("outcomes-value")).ToHaveTextAsync("¥3,000,000");
        await Expect(desk.GetByTestId("attribution-jobs")).ToContainTextAsync("¥3,000,000");
        await Expect(desk.GetByTestId("notable-outcomes")).ToContainTextAsync(title);
        await Expect(desk.GetByTestId("notable-outcomes")).Not.ToContainTextAsync("出戻");
        await SnapAsync(desk, culture, "outcomes-04-report-desktop");
        Assert.Equal(JobStatus.Closed, await App.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<AlumniDb>().Set<JobOpening>().Where(j => j.Id == job).Select(j => j.Status).SingleAsync()));
    }
}
