using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Projects;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Channels;

/// <summary>
/// Tells the chat channels what was published: one call where an announcement, an event, a side project or a job opening
/// becomes public, which queues one webhook message per matching channel in the outbox (saved with the caller's unit of work,
/// retried by the outbox, keyed <c>channel:{id}:{event}:{itemId}</c> so that publishing twice posts once).
/// </summary>
/// <remarks>
/// The audience rule: a channel is a room whose readers the network does not know, so it gets only what its whole audience
/// may read. A network channel gets an item only if the item is for the whole network (no segment, no kind, in no space, not
/// aimed at spaces); a space's channel only the items of that space (or aimed at it) that are for the whole space. So a
/// targeted announcement reaches no channel, and a space's content (open, by request or secret alike) only the channels
/// bound to that very space. Side projects and job openings are read by every member: network channels get them.
/// </remarks>
public sealed class ChannelFeed(AlumniDb db, ITenantContext tenant, AppLinks links, IStringLocalizer<ChannelTexts> texts, TimeProvider clock)
{
    /// <summary>An announcement was published (other rooms are not news for a channel).</summary>
    public async Task PostPublishedAsync(Post post, CancellationToken ct)
    {
        if (post.Room != Room.Announcements || post.Status != PostStatus.Published) return;
        if (post.SegmentKind is not null || !post.Segment.IsEveryone) return;
        long[]? spaces = post.SpaceId is { } s ? [s]
            : post.TargetsSpaces ? await db.Set<PostSpaceTarget>().Where(t => t.PostId == post.Id).Select(t => t.SpaceId).ToArrayAsync(ct)
            : null;
        await QueueAsync(ChannelEvents.Announcement, post.Id, spaces, $"/posts/{post.Id}", post.Title, () => ChannelMessages.Excerpt(post.Body), ct);
    }

    /// <summary>An event was published.</summary>
    public async Task EventPublishedAsync(Event e, CancellationToken ct)
    {
        if (e.Status != EventStatus.Published || e.Audience != EventAudience.All || !e.Segment.IsEveryone) return;
        var t = tenant.Tenant!;
        await QueueAsync(ChannelEvents.Event, e.Id, e.SpaceId is { } s ? [s] : null, $"/events/{e.Id}", e.Title,
            () => texts["EventWhen", t.ToLocal(e.StartsAt).ToString("yyyy-MM-dd HH:mm"), ChannelMessages.Excerpt(e.Description)].Value.Trim(), ct);
    }

    /// <summary>A side project was opened: a confidential one by its title only, never its scope.</summary>
    public Task ProjectOpenedAsync(Project p, CancellationToken ct) =>
        p.Status != ProjectStatus.Open ? Task.CompletedTask
        : QueueAsync(ChannelEvents.Project, p.Id, null, $"/projects/{p.Id}", p.Title,
            () => p.Confidential ? texts["Confidential"].Value : ChannelMessages.Excerpt(p.Description), ct);

    /// <summary>A job opening was announced (the first time it is open).</summary>
    public Task JobAnnouncedAsync(JobOpening job, CancellationToken ct) =>
        job.Status != JobStatus.Open ? Task.CompletedTask
        : QueueAsync(ChannelEvents.Job, job.Id, null, $"/jobs/{job.Id}", job.Title,
            () => string.Join(" · ", new[] { job.Department, job.Location, ChannelMessages.Excerpt(job.Description) }.Where(x => !string.IsNullOrWhiteSpace(x))), ct);

    /// <param name="spaces">The spaces the item is for; null: the whole network.</param>
    /// <param name="excerpt">Made in each channel's language.</param>
    async Task QueueAsync(ChannelEvents what, long itemId, long[]? spaces, string path, string title, Func<string> excerpt, CancellationToken ct)
    {
        if (spaces is { Length: 0 }) return;
        // A network has a few channels (ChannelLimits.PerNetwork): the flags are matched here rather than in SQL.
        var query = db.Set<Channel>().AsNoTracking().Where(c => !c.Paused);
        query = spaces is null ? query.Where(c => c.SpaceId == null) : query.Where(c => c.SpaceId != null && spaces.Contains(c.SpaceId.Value));
        var channels = (await query.ToListAsync(ct)).Where(c => (c.Events & what) == what).ToList();
        if (channels.Count == 0) return;
        var t = tenant.Tenant!;
        var now = clock.GetUtcNow();
        var wire = Infrastructure.WireNames.Of(what);
        foreach (var c in channels)
        {
            ChannelMessage message;
            using (Cultures.Use(c.Language))
                message = new ChannelMessage(texts["Label." + wire, t.LocalName.ToString()], title, excerpt(), links.To(path), texts["Open"]);
            await db.EnqueueWebhookAsync(t.Id, $"channel:{c.Id}:{wire}:{itemId}", c.Id, title, ChannelMessages.Payload(c.Kind, message), now, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
