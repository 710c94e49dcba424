using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Features.Community;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Newsletters;

public sealed partial class NewsletterService
{
    async Task ApplyAsync(Newsletter n, NewsletterInput r, FieldErrors errors, bool creating, CancellationToken ct)
    {
        if (creating || r.Subject is not null) n.Subject = Check.Line(errors, "subject", r.Subject, NewsletterLimits.Subject, required: true) ?? n.Subject;
        if (creating || r.Body is not null) n.Body = Check.MarkdownText(errors, "body", r.Body, NewsletterLimits.Body, required: true) ?? n.Body;
        if (r.Blocks is not null) n.Blocks = await ReadBlocksAsync(errors, r.Blocks, ct) ?? n.Blocks;
        if (r.Audience is not null) await ReadAudienceAsync(n, r.Audience, errors, ct);
        if (r.SendAt is not null) n.SendAt = string.IsNullOrWhiteSpace(r.SendAt) ? null : ReadSendAt(errors, r.SendAt) ?? n.SendAt;
    }

    /// <summary>
    /// A send time ahead: ISO 8601 with its offset (the API), or a local date and time without one (the form's
    /// <c>datetime-local</c>), read in the network's time zone.
    /// </summary>
    DateTimeOffset? ReadSendAt(FieldErrors errors, string value)
    {
        var text = value.Trim();
        DateTimeOffset at;
        if (DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (local.Year is < 2000 or > 2200) { errors.Add("sendAt", "Newsletters.SendAtInvalid"); return null; }
            at = new DateTimeOffset(local, tenant.Tenant!.TimeZoneInfo.GetUtcOffset(local));
        }
        else if (text.Length > 16 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact)
            && (text.EndsWith('Z') || text.Contains('+') || text.LastIndexOf('-') > 9)) at = exact;
        else { errors.Add("sendAt", "Newsletters.SendAtInvalid"); return null; }
        if (at.Year is < 2000 or > 2200) { errors.Add("sendAt", "Newsletters.SendAtInvalid"); return null; }
        if (at <= clock.GetUtcNow()) { errors.Add("sendAt", "Newsletters.SendAtInPast"); return null; }
        return at.ToUniversalTime();
    }

    /// <summary>Each block must name an item of this network that a block may show now (an upcoming published event, an open opening, ...).</summary>
    async Task<string?> ReadBlocksAsync(FieldErrors errors, IReadOnlyList<NewsletterBlockInput> input, CancellationToken ct)
    {
        if (input.Count > NewsletterLimits.Blocks) { errors.Add("blocks", "Validation.TooMany", NewsletterLimits.Blocks); return null; }
        var blocks = new List<(NewsletterBlockKind Kind, long Id)>();
        foreach (var b in input)
        {
            var kind = Check.Enum<NewsletterBlockKind>(errors, "blocks", b?.Kind, required: true);
            if (kind is null) return null;
            if (b!.Id is not { } id || id <= 0) { errors.Add("blocks", "Newsletters.BlockNotFound"); return null; }
            if (!blocks.Contains((kind.Value, id))) blocks.Add((kind.Value, id));
        }
        var choices = await ChoicesAsync(ct);
        if (blocks.Any(b => !choices.Any(c => c.Kind == WireNames.Of(b.Kind) && c.Id == b.Id))) { errors.Add("blocks", "Newsletters.BlockNotFound"); return null; }
        return NewsletterBlocks.Format(blocks);
    }

    async Task ReadAudienceAsync(Newsletter n, NewsletterAudienceInput a, FieldErrors errors, CancellationToken ct)
    {
        var kind = Check.Enum<NewsletterAudience>(errors, "audience.kind", a.Kind, required: true);
        if (kind is null) return;
        n.Audience = kind.Value;
        n.SegmentKind = null;
        n.Segment = new Segment();
        n.SpaceIds = "";
        if (kind == NewsletterAudience.Segment)
        {
            var s = a.Segment ?? new SegmentInput();
            n.SegmentKind = SegmentRule.ReadKind(errors, "audience.segment", s);
            n.Segment = SegmentRule.Read(errors, "audience.segment", s, clock.GetUtcNow().Year);
            if (n.SegmentKind is null && n.Segment.IsEveryone && !errors.Any) errors.Add("audience.segment", "Newsletters.SegmentEmpty");
        }
        else if (kind == NewsletterAudience.Spaces)
        {
            var ids = (a.SpaceIds ?? []).Distinct().ToList();
            if (ids.Count == 0) errors.Add("audience.spaceIds", "Validation.Required");
            else if (ids.Count > NewsletterLimits.Spaces || await db.Set<Spaces.Space>().CountAsync(x => ids.Contains(x.Id), ct) != ids.Count)
                errors.Add("audience.spaceIds", "Posts.SpaceNotFound");
            else n.SpaceIds = string.Join(',', ids);
        }
    }

    /// <summary>What the edit page's lists offer: upcoming published events, open job openings, open side projects (not confidential), featured stories.</summary>
    public async Task<IReadOnlyList<BlockChoiceDto>> ChoicesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var t = tenant.Tenant!;
        var list = new List<BlockChoiceDto>();
        if (!t.DisabledFeatures.Contains(TenantFeature.Events))
            list.AddRange((await db.Set<Event>().AsNoTracking().Where(e => e.Status == EventStatus.Published && e.StartsAt > now).OrderBy(e => e.StartsAt).Take(100)
                .Select(e => new { e.Id, e.Title, e.StartsAt }).ToListAsync(ct)).Select(e => new BlockChoiceDto("event", e.Id, e.Title, $"{t.ToLocal(e.StartsAt):yyyy-MM-dd HH:mm}")));
        if (!t.DisabledFeatures.Contains(TenantFeature.Jobs))
            list.AddRange((await db.Set<Jobs.JobOpening>().AsNoTracking().Where(j => j.Status == Jobs.JobStatus.Open && j.ClosesAt > now).OrderByDescending(j => j.Id).Take(100)
                .Select(j => new { j.Id, j.Title, j.Department }).ToListAsync(ct)).Select(j => new BlockChoiceDto("job", j.Id, j.Title, j.Department)));
        if (!t.DisabledFeatures.Contains(TenantFeature.Projects))
            list.AddRange((await db.Set<Projects.Project>().AsNoTracking().Where(p => p.Status == Projects.ProjectStatus.Open && p.ClosesAt > now && !p.Confidential)
                .OrderByDescending(p => p.Id).Take(100).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => new BlockChoiceDto("project", p.Id, p.Title, null)));
        list.AddRange((await db.Set<FeaturedStory>().AsNoTracking().OrderByDescending(s => s.Id).Take(100)
                .Join(db.Members.Approved(), s => s.MemberId, m => m.Id, (s, m) => new { s.Id, m.FamilyName, m.GivenName, m.RomanizedName, s.Story }).ToListAsync(ct))
            .Select(s => new BlockChoiceDto("story", s.Id, PersonName.Display(s.FamilyName, s.GivenName, s.RomanizedName), s.Story.Length > 60 ? s.Story[..60] + "…" : s.Story)));
        return list;
    }

    async Task<List<NewsletterDto>> ToDtosAsync(List<Newsletter> rows, CancellationToken ct)
    {
        var ids = rows.Select(n => n.Id).ToList();
        var counts = await db.Set<NewsletterDelivery>().AsNoTracking().Where(d => ids.Contains(d.NewsletterId))
            .GroupBy(d => new { d.NewsletterId, d.Outcome }).Select(g => new { g.Key.NewsletterId, g.Key.Outcome, N = g.Count() }).ToListAsync(ct);
        int Count(long id, DeliveryOutcome o) => counts.Where(c => c.NewsletterId == id && c.Outcome == o).Sum(c => c.N);
        var choices = rows.Any(n => n.Blocks.Length > 0) ? await ChoicesAsync(ct) : [];
        var t = tenant.Tenant!;
        return rows.Select(n =>
        {
            var delivered = Count(n.Id, DeliveryOutcome.Delivered);
            var bounced = Count(n.Id, DeliveryOutcome.Bounced);
            return new NewsletterDto(n.Id, n.Subject, n.Body,
                NewsletterBlocks.Parse(n.Blocks).Select(b => new NewsletterBlockDto(WireNames.Of(b.Kind), b.Id,
                    choices.FirstOrDefault(c => c.Kind == WireNames.Of(b.Kind) && c.Id == b.Id)?.Title)).ToList(),
                new NewsletterAudienceDto(WireNames.Of(n.Audience), n.Audience == NewsletterAudience.Segment ? SegmentRule.ToInput(n.SegmentKind, n.Segment) : null,
                    NewsletterAudiences.SpaceIdsOf(n)),
                n.SendAt is { } at ? t.ToLocal(at) : null, WireNames.Of(n.Status), t.ToLocal(n.CreatedAt), t.ToLocal(n.UpdatedAt), n.SentAt is { } s ? t.ToLocal(s) : null,
                Count(n.Id, DeliveryOutcome.Queued) + delivered + bounced, delivered, bounced, Count(n.Id, DeliveryOutcome.Capped), n.Withheld);
        }).ToList();
    }
}
