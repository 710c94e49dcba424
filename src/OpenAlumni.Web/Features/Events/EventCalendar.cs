using System.Security.Cryptography;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Events;

/// <summary>A member's secret calendar feed: whoever has the URL sees that member's events, nothing else.</summary>
public class CalendarFeed : ITenantOwned
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long MemberId { get; set; }
    public required string Token { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(f => f.Token).HasMaxLength(64);
        b.HasIndex(f => f.Token).IsUnique();
        b.HasIndex(f => new { f.TenantId, f.MemberId }).IsUnique();
        b.HasOne<Members.Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record CalendarFeedDto(string Url);

/// <summary>iCalendar (RFC 5545) through Ical.Net: one event, or the feed of the events I signed up for.</summary>
public sealed class EventCalendar(AlumniDb db, CurrentMember current, EventService events, ITenantContext tenant, TimeProvider clock, AppLinks links)
{
    public async Task<Result<string>> ForEventAsync(long id, CancellationToken ct)
    {
        var e = await events.GetAsync(id, ct);
        if (!e.IsOk) return Result<string>.NotFound();
        var calendar = NewCalendar();
        calendar.Events.Add(ToComponent(e.Value!));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    CalendarEvent ToComponent(EventDto e) => new()
    {
        Uid = $"event-{e.Id}@{tenant.Tenant!.Slug}.openalumni",
        Summary = e.Title,
        Description = e.Description + (e.OnlineUrl is null ? "" : "\n\n" + e.OnlineUrl),
        Location = string.Join(" ", new[] { e.Venue, e.Address }.Where(s => !string.IsNullOrEmpty(s))),
        Start = new CalDateTime(e.StartsAt.UtcDateTime),
        End = new CalDateTime(e.EndsAt.UtcDateTime),
        Url = new Uri(links.To($"/events/{e.Id}")),
        Status = e.Status == "cancelled" ? "CANCELLED" : "CONFIRMED",
    };

    Calendar NewCalendar()
    {
        var calendar = new Calendar { ProductId = "-//OpenAlumni//Events//EN" };
        calendar.AddProperty("X-WR-CALNAME", tenant.Tenant!.Name);
        return calendar;
    }

    /// <summary>My feed's URL; made on first ask. Resetting gives a new URL and kills the old one.</summary>
    public async Task<CalendarFeedDto> FeedUrlAsync(bool reset, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var feed = await db.Set<CalendarFeed>().FirstOrDefaultAsync(f => f.MemberId == me.MemberId, ct);
        if (feed is null)
        {
            db.Add(feed = new CalendarFeed { MemberId = me.MemberId, Token = NewToken(), CreatedAt = clock.GetUtcNow() });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (!DbErrors.IsTransient(e))
            {
                // Asked twice at once for the first time (a calendar app and a page, say): the other request made the
                // feed, and the unique index on the member refused this one. Both get that feed's URL.
                db.Entry(feed).State = EntityState.Detached;
                feed = await db.Set<CalendarFeed>().AsNoTracking().FirstAsync(f => f.MemberId == me.MemberId, ct);
            }
        }
        else if (reset)
        {
            feed.Token = NewToken();
            await db.SaveChangesAsync(ct);
        }
        return new CalendarFeedDto(links.To($"/calendar/{feed.Token}.ics"));
    }

    static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));

    /// <summary>The feed behind a token: the events its member is confirmed or waitlisted for. Null for an unknown token.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return null;
        var owner = await db.Set<CalendarFeed>().Where(f => f.Token == token)
            .Join(db.Members, f => f.MemberId, m => m.Id, (f, m) => new { m.Id, m.Status, m.Kind }).FirstOrDefaultAsync(ct);
        // A suspended or rejected member's feed stops; the URL is a key, not a membership.
        if (owner is null || owner.Status != Members.MemberStatus.Approved) return null;
        long? memberId = owner.Id;
        var reader = await Members.MemberAudience.ReaderAsync(db, owner.Id, ct);
        var since = clock.GetUtcNow().AddDays(-90);
        var rows = await db.Set<Rsvp>().AsNoTracking()
            .Where(r => r.MemberId == memberId && r.Status != RsvpStatus.Cancelled)
            .Join(db.Set<Event>().VisibleTo(reader), r => r.EventId, e => e.Id, (r, e) => new { e, r.Status })
            .Where(x => x.e.EndsAt >= since && x.e.Status != EventStatus.Draft)
            .OrderBy(x => x.e.StartsAt).Take(500).ToListAsync(ct);
        var calendar = NewCalendar();
        foreach (var x in rows)
        {
            var e = x.e;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"event-{e.Id}@{tenant.Tenant!.Slug}.openalumni",
                Summary = x.Status == RsvpStatus.Waitlisted ? $"({e.Title})" : e.Title,
                Description = e.Description + (x.Status == RsvpStatus.Confirmed && e.OnlineUrl is not null ? "\n\n" + e.OnlineUrl : ""),
                Location = string.Join(" ", new[] { e.Venue, e.Address }.Where(s => !string.IsNullOrEmpty(s))),
                Start = new CalDateTime(e.StartsAt.UtcDateTime),
                End = new CalDateTime(e.EndsAt.UtcDateTime),
                Url = new Uri(links.To($"/events/{e.Id}")),
                Status = e.Status == EventStatus.Cancelled ? "CANCELLED" : x.Status == RsvpStatus.Waitlisted ? "TENTATIVE" : "CONFIRMED",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar);
    }
}
