using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// Business cards exchanged at the demo's past AGM: the demo member (Hanako) was checked in and met three people, and
/// a few other attendees met each other, so that "people I met" and the attribution's card row show something.
/// </summary>
internal static class DemoCards
{
    public static async Task SeedAsync(AlumniDb db, DateTimeOffset now, CancellationToken ct)
    {
        var agm = await db.Set<Event>().Where(e => e.Kind == EventKind.Agm && e.StartsAt < now).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        var hanako = await db.Members.Where(m => m.User!.Email == "hanako.yamada@demo.localhost").Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        if (agm is null || hanako is null) return;

        // Hanako was in the room and checked in at the door.
        var hers = await db.Set<Rsvp>().FirstOrDefaultAsync(r => r.EventId == agm.Id && r.MemberId == hanako, ct);
        if (hers is null)
        {
            db.Add(hers = new Rsvp
            {
                EventId = agm.Id, MemberId = hanako.Value, Mode = AttendanceMode.InPerson, Status = RsvpStatus.Confirmed,
                CreatedAt = agm.StartsAt.AddDays(-20), UpdatedAt = agm.StartsAt.AddDays(-20), TicketCode = RsvpService.NewTicketCode(),
            });
            agm.ConfirmedInPerson++;
        }
        else if (hers.Mode == AttendanceMode.Online && hers.Status == RsvpStatus.Confirmed)
        {
            hers.Mode = AttendanceMode.InPerson;
            agm.ConfirmedOnline--;
            agm.ConfirmedInPerson++;
        }
        hers.CheckedInAt ??= agm.StartsAt.AddMinutes(-5);
        await db.SaveChangesAsync(ct);

        var inRoom = await db.Set<Rsvp>().Where(r => r.EventId == agm.Id && r.CheckedInAt != null && r.MemberId != hanako)
            .Join(db.Members.Approved().Where(m => m.Role == MemberRole.Member), r => r.MemberId, m => m.Id, (r, m) => r.MemberId)
            .OrderBy(id => id).Take(7).ToListAsync(ct);
        string?[] hanakoNotes = ["懇親会で物流DXの話。来月ランチの約束", "Board of a Singapore startup; ask about the Jakarta warehouse", null];
        var pairs = inRoom.Take(3).Select((other, i) => (hanako.Value, other, hanakoNotes[i], i)).ToList();
        for (var i = 3; i + 1 < inRoom.Count; i += 2) pairs.Add((inRoom[i], inRoom[i + 1], null, i));
        foreach (var (a, b, note, i) in pairs)
        {
            var at = agm.EndsAt.AddMinutes(-70 + 9 * i);
            db.Add(new CardExchange { EventId = agm.Id, MemberId = a, OtherMemberId = b, ExchangedAt = at, Scanned = i % 2 == 0, Note = note });
            db.Add(new CardExchange { EventId = agm.Id, MemberId = b, OtherMemberId = a, ExchangedAt = at, Scanned = i % 2 != 0 });
        }
        await db.SaveChangesAsync(ct);
    }
}
