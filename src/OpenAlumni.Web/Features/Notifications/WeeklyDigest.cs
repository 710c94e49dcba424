using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Notifications;

/// <summary>
/// The weekly digest, for members who chose it for at least one kind of notification: those notifications,
/// the week's most discussed posts of the network's rooms and its upcoming events, then a section per space they
/// are in (as much as they chose to hear of it: everything, or only announcements and events), in their language.
/// Queued once per member and ISO week (the outbox key), from Monday 08:00 in the network's time zone.
/// </summary>
public sealed class WeeklyDigest(AlumniDb db, TenantContext tenant, IStringLocalizer<NotificationTexts> texts, AppLinks links, Suggestions.SuggestionService suggestions)
{
    public async Task<int> QueueAsync(DateTimeOffset now, bool force, CancellationToken ct)
    {
        var t = tenant.Tenant!;
        var local = t.ToLocal(now);
        if (!force && (local.DayOfWeek != DayOfWeek.Monday || local.Hour < 8)) return 0;
        var week = $"{ISOWeek.GetYear(local.DateTime)}-W{ISOWeek.GetWeekOfYear(local.DateTime):00}";
        var since = now.AddDays(-7);
        // A network that switched side projects off gets none in its digest (their links would not open).
        var projectsOn = !t.DisabledFeatures.Contains(Infrastructure.Tenancy.TenantFeature.Projects);
        var suggestionsOn = !t.DisabledFeatures.Contains(Infrastructure.Tenancy.TenantFeature.Suggestions);
        var recipients = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.Delivery == Delivery.Digest)
            .Select(p => p.MemberId).Distinct().ToListAsync(ct);
        var queued = 0;
        foreach (var memberId in recipients)
        {
            var person = await db.Members.AsNoTracking().Approved().Where(m => m.Id == memberId)
                .Select(m => new { m.User!.Email, m.User.PreferredCulture, m.Kind, m.WithheldPurposes }).FirstOrDefaultAsync(ct);
            if (person is null) continue;
            // Without consent to company news, the digest carries no announcements.
            var companyNews = (person.WithheldPurposes & Privacy.Purpose.CompanyNews) == Privacy.Purpose.None;
            var digestTypes = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.MemberId == memberId && p.Delivery == Delivery.Digest)
                .Select(p => p.Type).ToListAsync(ct);
            var news = await db.Set<Notification>().AsNoTracking()
                .Where(n => n.MemberId == memberId && n.CreatedAt >= since && digestTypes.Contains(n.Type) && (companyNews || n.Type != NotificationType.Announcement))
                .OrderByDescending(n => n.Id).Take(20).Select(n => new { n.Type, n.Subject, n.PostId, n.Link }).ToListAsync(ct);
            var reader = await PostAudience.ReaderAsync(db, memberId, ct);
            IQueryable<Post> WeeksPosts(long? space, bool highlightsOnly) => db.Set<Post>().AsNoTracking().VisibleTo(reader)
                .Where(p => p.SpaceId == space && p.Status == PostStatus.Published && p.HiddenAt == null && p.PublishedAt >= since
                    && (companyNews || p.Room != Room.Announcements) && (!highlightsOnly || p.Room == Room.Announcements))
                .OrderByDescending(p => p.CommentCount + db.Set<Reaction>().Count(r => r.PostId == p.Id)).ThenByDescending(p => p.Id);
            IQueryable<Event> Upcoming(long? space) => db.Set<Event>().AsNoTracking().VisibleTo(reader)
                .Where(e => e.SpaceId == space && e.Status == EventStatus.Published && e.StartsAt > now && e.StartsAt < now.AddDays(21))
                .OrderBy(e => e.StartsAt);
            var top = await WeeksPosts(null, false).Take(5).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
            var events = await Upcoming(null).Take(5).Select(e => new { e.Id, e.Title, e.StartsAt }).ToListAsync(ct);
            // Side projects posted this week and still open, others' (titles only: a confidential scope stays out of mail).
            var projects = await db.Set<Projects.Project>().AsNoTracking()
                .Where(p => projectsOn && p.Status == Projects.ProjectStatus.Open && p.ClosesAt > now && p.CreatedAt >= since && p.PostedByMemberId != memberId)
                .OrderByDescending(p => p.Id).Take(5).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
            var spaces = await db.Set<Spaces.SpaceMember>().AsNoTracking()
                .Where(m => m.MemberId == memberId && m.Status == Spaces.SpaceMemberStatus.Member && m.Notify != Spaces.SpaceNotify.Nothing)
                .Join(db.Set<Spaces.Space>(), m => m.SpaceId, s => s.Id, (m, s) => new { s.Id, s.Name, s.NameEn, m.Notify })
                .OrderBy(s => s.Name).ToListAsync(ct);
            var bySpace = new List<(string Name, string? NameEn, List<(long Id, string Title)> Posts, List<(long Id, string Title, DateTimeOffset StartsAt)> Events)>();
            foreach (var s in spaces)
            {
                var posts = (await WeeksPosts(s.Id, s.Notify == Spaces.SpaceNotify.Highlights).Take(3).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
                    .Select(p => (p.Id, p.Title)).ToList();
                var held = (await Upcoming(s.Id).Take(3).Select(e => new { e.Id, e.Title, e.StartsAt }).ToListAsync(ct)).Select(e => (e.Id, e.Title, e.StartsAt)).ToList();
                if (posts.Count > 0 || held.Count > 0) bySpace.Add((s.Name, s.NameEn, posts, held));
            }
            // This week's people worth meeting, by name (the page says why; names are always visible to the network).
            var people = new List<(string Family, string Given, string? Romanized)>();
            if (suggestionsOn)
            {
                var mine = (await suggestions.WeekAsync(memberId, ct)).Where(x => x.Feedback == Suggestions.SuggestionFeedback.None).Select(x => x.SuggestedMemberId).ToList();
                people = (await db.Members.AsNoTracking().Approved().Where(m => mine.Contains(m.Id)).Select(m => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName }).ToListAsync(ct))
                    .OrderBy(m => mine.IndexOf(m.Id)).Select(m => (m.FamilyName, m.GivenName, m.RomanizedName)).ToList();
            }
            if (news.Count == 0 && top.Count == 0 && events.Count == 0 && projects.Count == 0 && bySpace.Count == 0 && people.Count == 0) continue;

            string subject;
            var body = new StringBuilder();
            using (Cultures.Use(person.PreferredCulture))
            {
                subject = texts["Digest.Subject", t.Name];
                if (news.Count > 0)
                {
                    body.AppendLine(texts["Digest.ForYou"]);
                    foreach (var n in news) body.AppendLine($"- {texts["Type." + n.Type, "", n.Subject]}".Replace("  ", " ") + (n.PostId is not null ? " " + links.To($"/posts/{n.PostId}") : n.Link is not null ? " " + links.To(n.Link) : ""));
                    body.AppendLine();
                }
                if (top.Count > 0)
                {
                    body.AppendLine(texts["Digest.TopPosts"]);
                    foreach (var p in top) body.AppendLine($"- {p.Title} {links.To($"/posts/{p.Id}")}");
                    body.AppendLine();
                }
                if (events.Count > 0)
                {
                    body.AppendLine(texts["Digest.Events"]);
                    foreach (var e in events) body.AppendLine($"- {t.ToLocal(e.StartsAt):yyyy-MM-dd HH:mm} {e.Title} {links.To($"/events/{e.Id}")}");
                    body.AppendLine();
                }
                if (projects.Count > 0)
                {
                    body.AppendLine(texts["Digest.Projects"]);
                    foreach (var p in projects) body.AppendLine($"- {p.Title} {links.To($"/projects/{p.Id}")}");
                    body.AppendLine();
                }
                if (people.Count > 0)
                {
                    body.AppendLine(texts["Digest.People"]);
                    body.AppendLine("- " + Cultures.List(people.Select(n => PersonName.Display(n.Family, n.Given, n.Romanized))));
                    body.AppendLine("  " + links.To("/suggestions"));
                    body.AppendLine();
                }
                foreach (var s in bySpace)
                {
                    body.AppendLine(texts["Digest.Space", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(s.NameEn) ? s.NameEn : s.Name]);
                    foreach (var p in s.Posts) body.AppendLine($"- {p.Title} {links.To($"/posts/{p.Id}")}");
                    foreach (var e in s.Events) body.AppendLine($"- {t.ToLocal(e.StartsAt):yyyy-MM-dd HH:mm} {e.Title} {links.To($"/events/{e.Id}")}");
                    body.AppendLine();
                }
                body.AppendLine(texts["Digest.Footer", links.To("/notifications/settings")]);
            }
            await db.EnqueueMailAsync(t.Id, $"digest:{memberId}:{week}", person.Email!, subject, body.ToString(), now, ct);
            queued++;
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }
}

/// <summary>Runs the digest for every network on the outbox worker's timer.</summary>
public sealed class WeeklyDigestJob(TimeProvider clock) : IPeriodicJob
{
    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        EveryTenant.ForEachAsync(services, tenantServices =>
            tenantServices.GetRequiredService<WeeklyDigest>().QueueAsync(clock.GetUtcNow(), force: false, ct), ct);
}
