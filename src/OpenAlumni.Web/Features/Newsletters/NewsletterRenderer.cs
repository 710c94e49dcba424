using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Community;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Markdown;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>A newsletter as one member gets it: subject, HTML and plain text.</summary>
public sealed record RenderedNewsletter(string Subject, string Html, string Text);

/// <summary>
/// Renders a newsletter for one reader: the Markdown body (rendered and sanitized as posts are) and each chosen block that is
/// still there and that this reader may see, by the same rules the site applies (an event of a space they are not in, a
/// confidential project, a story whose member withdrew their consent are left out), in the reader's language.
/// </summary>
public sealed class NewsletterRenderer(AlumniDb db, ITenantContext tenant, MarkdownRenderer markdown, AppLinks links, TimeProvider clock,
    IStringLocalizer<NewsletterTexts> texts)
{
    public sealed record Item(NewsletterBlockKind Kind, long Id, string Title, string? Detail, string Path);

    /// <summary>The blocks <paramref name="memberId"/> may see, in the newsletter's order.</summary>
    public async Task<IReadOnlyList<Item>> ItemsAsync(IReadOnlyList<(NewsletterBlockKind Kind, long Id)> blocks, long memberId, CancellationToken ct)
    {
        if (blocks.Count == 0) return [];
        var now = clock.GetUtcNow();
        var t = tenant.Tenant!;
        var reader = await PostAudience.ReaderAsync(db, memberId, ct);
        long[] Ids(NewsletterBlockKind k) => blocks.Where(b => b.Kind == k).Select(b => b.Id).ToArray();
        var found = new List<Item>();
        var eventIds = Ids(NewsletterBlockKind.Event);
        if (eventIds.Length > 0 && !t.DisabledFeatures.Contains(TenantFeature.Events))
            found.AddRange((await db.Set<Event>().AsNoTracking().VisibleTo(reader)
                    .Where(e => eventIds.Contains(e.Id) && e.Status == EventStatus.Published && e.StartsAt > now)
                    .Select(e => new { e.Id, e.Title, e.StartsAt, e.Venue }).ToListAsync(ct))
                .Select(e => new Item(NewsletterBlockKind.Event, e.Id, e.Title, $"{t.ToLocal(e.StartsAt):yyyy-MM-dd HH:mm}" + (e.Venue is null ? "" : " " + e.Venue), $"/events/{e.Id}")));
        var jobIds = Ids(NewsletterBlockKind.Job);
        if (jobIds.Length > 0 && !t.DisabledFeatures.Contains(TenantFeature.Jobs))
            found.AddRange((await db.Set<Jobs.JobOpening>().AsNoTracking()
                    .Where(j => jobIds.Contains(j.Id) && j.Status == Jobs.JobStatus.Open && j.ClosesAt > now)
                    .Select(j => new { j.Id, j.Title, j.Department, j.Location }).ToListAsync(ct))
                .Select(j => new Item(NewsletterBlockKind.Job, j.Id, j.Title, $"{j.Department} / {j.Location}", $"/jobs/{j.Id}")));
        var projectIds = Ids(NewsletterBlockKind.Project);
        if (projectIds.Length > 0 && !t.DisabledFeatures.Contains(TenantFeature.Projects))
            // A confidential project is not for mail at all: its very title may say too much outside the site.
            found.AddRange((await db.Set<Projects.Project>().AsNoTracking()
                    .Where(p => projectIds.Contains(p.Id) && p.Status == Projects.ProjectStatus.Open && p.ClosesAt > now && !p.Confidential)
                    .Select(p => new { p.Id, p.Title }).ToListAsync(ct))
                .Select(p => new Item(NewsletterBlockKind.Project, p.Id, p.Title, null, $"/projects/{p.Id}")));
        var storyIds = Ids(NewsletterBlockKind.Story);
        if (storyIds.Length > 0)
            found.AddRange((await db.Set<FeaturedStory>().AsNoTracking().Where(s => storyIds.Contains(s.Id))
                    .Join(db.Members.Approved().Consenting(Privacy.Purpose.Featured), s => s.MemberId, m => m.Id,
                        (s, m) => new { s.Id, s.Story, m.FamilyName, m.GivenName, m.RomanizedName, MemberId = m.Id }).ToListAsync(ct))
                .Select(s => new Item(NewsletterBlockKind.Story, s.Id, PersonName.Display(s.FamilyName, s.GivenName, s.RomanizedName), s.Story, $"/members/{s.MemberId}")));
        return blocks.Select(b => found.FirstOrDefault(f => f.Kind == b.Kind && f.Id == b.Id)).OfType<Item>().ToList();
    }

    /// <summary>The subject of a test copy (call in the admin's language).</summary>
    public string TestSubject(string subject) => texts["TestSubject", subject];

    /// <summary>Renders in <paramref name="culture"/>; <paramref name="unsubscribeUrl"/> null: no unsubscribe footer (a test, a preview of an outsider).</summary>
    public async Task<RenderedNewsletter> RenderAsync(Newsletter n, long memberId, string? culture, string? unsubscribeUrl, CancellationToken ct)
    {
        var items = await ItemsAsync(NewsletterBlocks.Parse(n.Blocks), memberId, ct);
        var bodyHtml = markdown.ToHtml(n.Body);
        var t = tenant.Tenant!;
        using var _ = Cultures.Use(culture ?? t.DefaultCulture);
        string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif;max-width:640px;margin:auto;line-height:1.6\">");
        html.Append($"<p style=\"color:#666\">{E(t.LocalName.ToString())}</p><h1>{E(n.Subject)}</h1>");
        html.Append(bodyHtml);
        text.AppendLine(n.Subject).AppendLine().AppendLine(n.Body.Trim()).AppendLine();
        foreach (var group in items.GroupBy(i => i.Kind))
        {
            var heading = texts["Block." + WireNames.Of(group.Key) + "s"].Value;
            html.Append($"<h2>{E(heading)}</h2><ul>");
            text.AppendLine(heading);
            foreach (var i in group)
            {
                var url = links.To(i.Path);
                html.Append($"<li><a href=\"{E(url)}\">{E(i.Title)}</a>{(i.Detail is null ? "" : "<br>" + E(i.Detail))}</li>");
                text.AppendLine($"- {i.Title}{(i.Detail is null ? "" : " (" + i.Detail.ReplaceLineEndings(" ") + ")")} {url}");
            }
            html.Append("</ul>");
            text.AppendLine();
        }
        if (unsubscribeUrl is not null)
        {
            html.Append($"<hr><p style=\"color:#666;font-size:small\">{E(texts["Footer"])} <a href=\"{E(unsubscribeUrl)}\">{E(texts["UnsubscribeLink"])}</a></p>");
            text.AppendLine("--").AppendLine(texts["Footer"]).AppendLine(texts["UnsubscribeLink"] + ": " + unsubscribeUrl);
        }
        html.Append("</body></html>");
        return new RenderedNewsletter(n.Subject, html.ToString(), text.ToString());
    }
}

/// <summary>The <c>kind:id</c> lines a newsletter keeps its blocks in.</summary>
public static class NewsletterBlocks
{
    public static IReadOnlyList<(NewsletterBlockKind Kind, long Id)> Parse(string stored) =>
        stored.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(':'))
            .Where(p => p.Length == 2 && Enum.TryParse<NewsletterBlockKind>(p[0], true, out _) && long.TryParse(p[1], out _))
            .Select(p => (Enum.Parse<NewsletterBlockKind>(p[0], true), long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public static string Format(IEnumerable<(NewsletterBlockKind Kind, long Id)> blocks) =>
        string.Join('\n', blocks.Select(b => $"{WireNames.Of(b.Kind)}:{b.Id}"));
}
