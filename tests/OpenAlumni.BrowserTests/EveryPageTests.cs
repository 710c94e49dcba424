using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Demo;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// Every routed page of the app, in Japanese and in English, as the person it is for (a visitor, a member, the
/// secretariat): at 360 px wide none may scroll sideways, and axe-core finds no serious or critical violation.
/// The list of pages comes from the app's own endpoints, so a new page is walked (or must be skipped with a
/// reason here) without anyone remembering to add it.
/// </summary>
public sealed class EveryPageTests(BrowserApp app) : BrowserTest(app)
{
    const int PhoneWidth = 360;

    enum Who { Visitor, Member, Admin }

    /// <summary>Pages not opened, each with the reason. Anything routed and neither visited nor here fails the test.</summary>
    static readonly Dictionary<string, string> Skipped = new()
    {
        ["/Accounts/Logout"] = "signs the visitor out; it has no page of its own to look at",
        ["/Accounts/LoginWith2fa"] = "only reachable half-signed-in with two-factor on; its form is the login page's layout with one field",
        ["/Community/Widget"] = "an embed for the company's own site, framed there and styled by it, not an app page",
        ["/Sso/SignIn"] = "sends the visitor on to the company's provider (or back to the login page); SsoJourneyTests walks it",
    };

    /// <summary>What the walk seeded: ids that fill the routes' parameters.</summary>
    sealed record Seed(long Hanako, long OtherMember, long ConsultableMember, long Post, long OwnPost, long Event, long Job,
        long Collaboration, long Conversation, long Space, long Outcome, long Project, long CardEvent);

    /// <summary>One visit: the page (its view path), the address, who opens it and the status it answers with.</summary>
    sealed record Visit(string Page, string Url, Who Who, int Status = 200, string? Then = null);

    [Fact]
    public async Task Every_page_fits_a_phone_and_passes_axe_in_both_languages()
    {
        var watch = Stopwatch.StartNew();
        var (tenant, seed) = await DemoNetworkAsync();
        var visits = Plan(seed);

        var pages = RoutedPages();
        var unplanned = pages.Keys.Where(p => !visits.Any(v => v.Page == p) && !Skipped.ContainsKey(p)).ToList();
        Assert.True(unplanned.Count == 0, "Routed pages neither visited nor skipped with a reason (add them to Plan or Skipped): " + string.Join(", ", unplanned));
        var stale = visits.Select(v => v.Page).Concat(Skipped.Keys).Where(p => !pages.ContainsKey(p)).Distinct().ToList();
        Assert.True(stale.Count == 0, "Planned pages that are no longer routed: " + string.Join(", ", stale));
        foreach (var v in visits)
        {
            var expected = pages[v.Page] switch { Policies.Admin => Who.Admin, Policies.Member or Policies.Registered => Who.Member, _ => Who.Visitor };
            Assert.True(v.Who >= expected, $"{v.Page} needs {expected} but is planned for {v.Who}.");
        }

        var axe = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js"), TestContext.Current.CancellationToken);
        var wide = new List<string>();
        var violations = new List<string>();
        var counts = new List<string>();
        var wrong = new List<string>();
        foreach (var culture in new[] { "ja", "en" })
        {
            var place = new BrowserTenant(App, tenant, "localhost", culture);
            await App.InTenantAsync(tenant, async sp =>
            {
                var db = sp.GetRequiredService<AlumniDb>();
                return await db.Users.Where(u => u.Email == DemoSeeder.AdminEmail || u.Email == HanakoEmail)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, culture));
            });
            foreach (var who in new[] { Who.Visitor, Who.Member, Who.Admin })
            {
                var page = await OpenAsync(place, $"{who}-{culture}");
                if (who == Who.Member) await SignInAsync(page, HanakoEmail, DemoSeeder.MemberPassword);
                if (who == Who.Admin) await SignInAsync(page, DemoSeeder.AdminEmail, DemoSeeder.AdminPassword);
                var mine = visits.Where(v => v.Who == who).ToList();
                foreach (var visit in mine)
                {
                    var label = $"{culture} {who} {visit.Url}";
                    var response = await page.GotoAsync(visit.Url);
                    if (response?.Status != visit.Status) { wrong.Add($"{label} answered {response?.Status}, expected {visit.Status} (at {page.Url})."); continue; }
                    if (who != Who.Visitor && page.Url.Contains("/accounts/login", StringComparison.OrdinalIgnoreCase)) { wrong.Add($"{label} sent {who} to the login page."); continue; }
                    await CheckAsync(page, label, axe, wide, violations);
                    if (Pictured.Contains(visit.Page)) await SnapAsync(page, culture, "360" + visit.Page.Replace('/', '-') + (visit.Url.Contains('?') || char.IsDigit(visit.Url[^1]) ? "-item" : ""));
                    // Japanese set it up already: English then shows the QR code on arrival.
                    if (visit.Then is { } testId && await page.GetByTestId(testId).CountAsync() > 0)
                    {
                        // A state behind a button, such as the two-factor QR code after "set up".
                        await page.GetByTestId(testId).ClickAsync();
                        await page.WaitForLoadStateAsync(LoadState.Load);
                        await CheckAsync(page, label + " after " + testId, axe, wide, violations);
                    }
                }
                counts.Add($"{culture} {who.ToString().ToLowerInvariant()}: {mine.Count} pages");
            }
        }
        watch.Stop();
        TestContext.Current.SendDiagnosticMessage($"Walked {string.Join(", ", counts)} in {watch.Elapsed.TotalSeconds:F0} s");
        Assert.True(wrong.Count + wide.Count + violations.Count == 0,
            "Pages that did not open as planned:\n" + string.Join("\n", wrong)
            + $"\n\nPages wider than {PhoneWidth} px:\n" + string.Join("\n", wide)
            + "\n\naxe-core serious or critical violations:\n" + string.Join("\n", violations));
    }

    /// <summary>The pages that used to scroll sideways, pictured at 360 px in the output folder's screenshots/.</summary>
    static readonly HashSet<string> Pictured = ["/Events/Cards", "/Events/Ticket", "/Projects/Index", "/Projects/Details", "/Outcomes/Index", "/Outcomes/Edit", "/Spaces/Index", "/Spaces/Details", "/Collaborations/Index", "/Posts/Index", "/Members/Edit", "/Accounts/Security", "/MemberAdmin/Index", "/Roster/Index", "/Analytics/Index", "/Community/Admin", "/Scim/Index", "/Accounts/Login"];

    const string HanakoEmail = "hanako.yamada@demo.localhost";

    /// <summary>The width at 360 px, then axe at the same width.</summary>
    static async Task CheckAsync(IPage page, string label, string axe, List<string> wide, List<string> violations)
    {
        await page.SetViewportSizeAsync(PhoneWidth, 800);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (width > PhoneWidth)
        {
            // The outermost elements that stick out, to say what to fix.
            var culprits = await page.EvaluateAsync<string[]>("""
                w => {
                  const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) if (/auto|scroll|hidden|clip/.test(getComputedStyle(a).overflowX)) return true; return false; };
                  return [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > w + 1 && !scrolls(e) && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1 && !scrolls(e.parentElement)))
                  .slice(0, 4)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)'); }
                """, PhoneWidth);
            wide.Add($"{label}: {width} px; sticking out: {string.Join(", ", culprits)}");
        }
        // Evaluated through the DevTools protocol, axe runs beside the page's own scripts and the app's
        // Content-Security-Policy (no inline script) does not apply to it; a script tag would be refused.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(axe);
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))
            """);
        foreach (var v in found.EnumerateArray())
            violations.Add($"{label}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) at "
                + string.Join(" | ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString())));
    }

    static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/accounts/login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("#Input_Password").PressAsync("Enter");
        await page.WaitForURLAsync(u => !u.Contains("/accounts/login", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Each routed Razor page (by its view path) and the strongest policy its endpoint asks for, or null.</summary>
    Dictionary<string, string?> RoutedPages()
    {
        var pages = new Dictionary<string, string?>();
        foreach (var e in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            pages[page.ViewEnginePath] = anonymous ? null
                : policies.Contains(Policies.Admin) ? Policies.Admin
                : policies.Contains(Policies.Member) ? Policies.Member
                : policies.Count > 0 ? Policies.Registered : null;
        }
        return pages;
    }

    /// <summary>Every page with its parameters filled from the seeded network, and who opens it.</summary>
    static List<Visit> Plan(Seed s) =>
    [
        new("/Index", "/", Who.Visitor),
        new("/Error", "/error/404", Who.Visitor),
        new("/Accounts/Login", "/accounts/login", Who.Visitor),
        new("/Accounts/Register", "/accounts/register", Who.Visitor),
        new("/Accounts/RegisterDone", "/accounts/registerdone", Who.Visitor),
        new("/Accounts/ForgotPassword", "/accounts/forgotpassword", Who.Visitor),
        new("/Accounts/ResendConfirmation", "/accounts/resendconfirmation", Who.Visitor),
        new("/Accounts/ResetPassword", "/accounts/resetpassword?userId=x&code=y", Who.Visitor),
        new("/Accounts/ConfirmEmail", "/accounts/confirmemail?userId=x&code=y", Who.Visitor),
        new("/Accounts/AccessDenied", "/accounts/accessdenied", Who.Visitor, Status: 403),
        new("/Members/ConfirmProfile", "/members/confirmprofile?token=not-a-token", Who.Visitor),
        new("/Privacy/Policy", "/privacy", Who.Visitor),
        new("/Roster/Join", "/join/not-a-token", Who.Visitor),
        new("/Newsletters/Unsubscribe", "/u/not-a-token", Who.Visitor, 404),
        new("/WebApp/Offline", "/offline", Who.Visitor),

        new("/Index", "/", Who.Member),
        new("/Accounts/Security", "/accounts/security", Who.Member, Then: "totp-setup"),
        new("/Members/Index", "/members", Who.Member),
        new("/Members/Details", $"/members/{s.OtherMember}", Who.Member),
        new("/Members/Edit", "/members/edit", Who.Member),
        new("/Posts/Index", "/posts", Who.Member),
        new("/Posts/Details", $"/posts/{s.Post}", Who.Member),
        new("/Posts/Edit", "/posts/edit", Who.Member),
        new("/Posts/Edit", $"/posts/edit?id={s.OwnPost}", Who.Member),
        new("/Events/Index", "/events", Who.Member),
        new("/Events/Details", $"/events/{s.Event}", Who.Member),
        new("/Events/Ticket", $"/events/ticket?id={s.Event}", Who.Member),
        new("/Events/Cards", $"/events/{s.CardEvent}/cards", Who.Member),
        new("/Jobs/Index", "/jobs", Who.Member),
        new("/Jobs/Details", $"/jobs/{s.Job}", Who.Member),
        new("/Jobs/Recruiters", "/jobs/recruiters", Who.Admin),
        new("/Jobs/Edit", "/jobs/edit", Who.Admin),
        new("/Jobs/Edit", $"/jobs/edit/{s.Job}", Who.Admin),
        new("/Spaces/Index", "/spaces", Who.Member),
        new("/Spaces/Details", $"/spaces/{s.Space}", Who.Member),
        new("/Spaces/Details", $"/spaces/{s.Space}?tab=events", Who.Member),
        new("/Spaces/Details", $"/spaces/{s.Space}?tab=members", Who.Member),
        new("/Spaces/Details", $"/spaces/{s.Space}?tab=requests", Who.Member),
        new("/Spaces/Details", $"/spaces/{s.Space}?tab=reports", Who.Member),
        new("/Spaces/Details", $"/spaces/{s.Space}?tab=activity", Who.Member),
        new("/Posts/Edit", $"/posts/edit?spaceId={s.Space}", Who.Member),
        new("/Events/Edit", $"/events/edit?spaceId={s.Space}", Who.Member),
        new("/Collaborations/Index", "/collaborations", Who.Member),
        new("/Collaborations/Details", $"/collaborations/{s.Collaboration}", Who.Member),
        new("/Collaborations/Edit", "/collaborations/edit", Who.Member),
        new("/Outcomes/Index", "/outcomes", Who.Member),
        new("/Suggestions/Index", "/suggestions", Who.Member),
        new("/Projects/Index", "/projects", Who.Member),
        new("/Projects/Index", "/projects?mine=true", Who.Member),
        new("/Projects/Details", $"/projects/{s.Project}", Who.Member),
        new("/Projects/Edit", "/projects/edit", Who.Member),
        new("/Consultations/Index", "/consultations", Who.Member),
        new("/Consultations/New", $"/consultations/new/{s.ConsultableMember}", Who.Member),
        new("/Messages/Index", "/messages", Who.Member),
        new("/Messages/Conversation", $"/messages/{s.Conversation}", Who.Member),
        new("/Messages/New", $"/messages/new/{s.OtherMember}", Who.Member),
        new("/Messages/Blocks", "/messages/blocks", Who.Member),
        new("/Notifications/Index", "/notifications", Who.Member),
        new("/Notifications/Settings", "/notifications/settings", Who.Member),
        new("/Community/Index", "/community", Who.Member),
        new("/Privacy/Me", "/privacy/me", Who.Member),
        new("/Privacy/Policy", "/privacy", Who.Member),

        new("/Index", "/", Who.Admin),
        new("/Events/Edit", "/events/edit", Who.Admin),
        new("/Spaces/Index", "/spaces?supporter=山", Who.Admin),
        new("/Spaces/Edit", "/spaces/edit", Who.Admin),
        new("/Spaces/Edit", $"/spaces/edit/{s.Space}", Who.Admin),
        new("/Events/Edit", $"/events/edit?id={s.Event}", Who.Admin),
        new("/Events/Attendees", $"/events/attendees?id={s.Event}", Who.Admin),
        new("/Events/CheckIn", $"/events/checkin?id={s.Event}", Who.Admin),
        new("/Messages/Reports", "/messages/reports", Who.Admin),
        new("/Moderation/Index", "/moderation", Who.Admin),
        new("/MemberAdmin/Index", "/admin/members", Who.Admin),
        new("/Registrations/Index", "/admin/registrations", Who.Admin),
        new("/Roster/Index", "/admin/roster", Who.Admin),
        new("/Roster/Invitations", "/admin/invitations", Who.Admin),
        new("/Analytics/Index", "/admin/analytics", Who.Admin),
        new("/Analytics/Report", "/admin/analytics/report", Who.Admin),
        new("/Outcomes/Index", "/outcomes", Who.Admin),
        new("/Suggestions/Index", "/suggestions", Who.Admin),
        new("/Outcomes/Index", "/outcomes?kind=rehire", Who.Admin),
        new("/Outcomes/Edit", "/outcomes/edit", Who.Admin),
        new("/Outcomes/Edit", $"/outcomes/edit?kind=rehire&source=job&sourceId={s.Job}", Who.Admin),
        new("/Outcomes/Edit", $"/outcomes/edit/{s.Outcome}", Who.Admin),
        new("/Projects/Details", $"/projects/{s.Project}", Who.Admin),
        new("/Projects/Edit", $"/projects/edit/{s.Project}", Who.Admin),
        new("/Audit/Index", "/admin/audit", Who.Admin),
        new("/Community/Admin", "/admin/community", Who.Admin),
        new("/Channels/Index", "/admin/channels", Who.Admin),
        new("/Sso/Index", "/admin/sso", Who.Admin),
        new("/Scim/Index", "/admin/scim", Who.Admin),
        new("/Newsletters/Index", "/admin/newsletters", Who.Admin),
        new("/Newsletters/Edit", "/admin/newsletters/edit", Who.Admin),
        new("/Privacy/Edit", "/admin/privacy", Who.Admin),
        new("/Settings/Index", "/admin/settings", Who.Admin),
    ];

    /// <summary>
    /// The demo network (sixty members, events with sign-ups, posts, jobs, collaborations, consultations,
    /// conversations, a roster) at http://localhost:port; Hanako Yamada, the demo member, is signed up for an
    /// upcoming event so that her ticket shows.
    /// </summary>
    async Task<(TenantInfo Tenant, Seed Seed)> DemoNetworkAsync()
    {
        using (var scope = App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureDemoAsync(NullLogger.Instance, CancellationToken.None);
        using var lookup = App.Services.CreateScope();
        var tenant = (await lookup.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(DemoSeeder.DemoSlug, CancellationToken.None))!;
        var seed = await App.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<AlumniDb>();
            var hanako = await db.Members.Where(m => m.User!.Email == HanakoEmail).Select(m => m.Id).SingleAsync();
            var other = await db.Members.Where(m => m.Id != hanako && m.Status == MemberStatus.Approved && m.Role == MemberRole.Member)
                .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            // The member whose profile Hanako opens also takes consultations, so the request form shows.
            await db.Members.Where(m => m.Id == other).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.OpenTo, m => m.OpenTo | OpenTo.Consultation).SetProperty(m => m.OpenToVisibility, Visibility.Network));
            var consultable = other;
            var post = await db.Set<Post>().OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var ownPost = await db.Set<Post>().Where(p => p.AuthorMemberId == hanako).Select(p => (long?)p.Id).FirstOrDefaultAsync();
            var now = DateTimeOffset.UtcNow;
            var upcoming = await db.Set<Event>().Where(e => e.Status == EventStatus.Published).ToListAsync();
            var evt = upcoming.Where(e => e.StartsAt > now).OrderBy(e => e.StartsAt).First();
            if (!await db.Set<Rsvp>().AnyAsync(r => r.EventId == evt.Id && r.MemberId == hanako))
            {
                db.Add(new Rsvp { EventId = evt.Id, MemberId = hanako, Mode = AttendanceMode.InPerson, Status = RsvpStatus.Confirmed, TicketCode = Guid.NewGuid().ToString("N"), CreatedAt = now, UpdatedAt = now });
                await db.SaveChangesAsync();
            }
            else
                await db.Set<Rsvp>().Where(r => r.EventId == evt.Id && r.MemberId == hanako).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RsvpStatus.Confirmed));
            var job = await db.Set<JobOpening>().Where(j => j.Status == JobStatus.Open).OrderBy(j => j.Id).Select(j => j.Id).FirstAsync();
            var collaboration = await db.Set<Collaboration>().Where(c => c.Members.Any(m => m.MemberId == hanako)).Select(c => (long?)c.Id).FirstOrDefaultAsync()
                ?? await db.Set<Collaboration>().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var conversation = await db.Set<Conversation>().Where(c => c.Participants.Any(p => p.MemberId == hanako)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            // The space Hanako moderates, so that its moderators' tabs are walked too.
            var space = await db.Set<OpenAlumni.Web.Features.Spaces.SpaceMember>()
                .Where(m => m.MemberId == hanako && m.Role == OpenAlumni.Web.Features.Spaces.SpaceRole.Moderator).Select(m => m.SpaceId).FirstAsync();
            var outcome = await db.Set<OpenAlumni.Web.Features.Outcomes.Outcome>().OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var project = await db.Set<OpenAlumni.Web.Features.Projects.Project>().Where(x => x.Status == OpenAlumni.Web.Features.Projects.ProjectStatus.Open)
                .OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            // The past AGM, where the demo has Hanako checked in and exchanging cards.
            var cardEvent = await db.Set<CardExchange>().Where(x => x.MemberId == hanako).Select(x => x.EventId).FirstAsync();
            return new Seed(hanako, other, consultable, post, ownPost ?? post, evt.Id, job, collaboration, conversation, space, outcome, project, cardEvent);
        });
        return (tenant, seed);
    }
}
