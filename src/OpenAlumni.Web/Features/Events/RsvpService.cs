using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// Sign-up, waitlist and check-in. Every change to an event's seats first locks the event row (an
/// UPDATE of it inside the transaction), so sign-ups, cancellations and capacity changes of one event
/// happen one after another, and seats are taken by a conditional UPDATE that cannot overshoot capacity.
/// Sign-ups that arrive together are decided together, one transaction per batch (<see cref="SignUpQueue"/>).
/// </summary>
public sealed class RsvpService(AlumniDb db, CurrentMember current, EventService events, ITenantContext tenant,
    TimeProvider clock, IStringLocalizer<EventTexts> texts, Audit.AuditLog audit, Notifications.NotificationService notifications, SignUpQueue queue,
    Infrastructure.Observability.AlumniMetrics metrics)
{
    internal static async Task<bool> LockEventAsync(AlumniDb db, long id, CancellationToken ct) =>
        await db.Set<Event>().Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.UpdatedAt, e => e.UpdatedAt), ct) == 1;

    internal static bool SignupOpen(Event e, DateTimeOffset now) =>
        e.Status == EventStatus.Published && now < (e.SignupDeadline ?? e.StartsAt);

    public async Task<Result<RsvpDto>> RsvpAsync(long id, string? modeText, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var errors = new FieldErrors();
        var requested = Check.Enum<AttendanceMode>(errors, "mode", modeText?.Replace("-", "").Replace("_", ""), required: false);
        if (errors.Any) return errors;
        var now = clock.GetUtcNow();

        // One narrow read for the checks: the event's sign-up fields and my sign-up, not the whole row.
        var e = await (await events.VisibleAsync(viewer, ct)).Where(x => x.Id == id)
            .Select(x => new
            {
                x.Status, x.Format, x.SignupDeadline, x.StartsAt,
                Mine = db.Set<Rsvp>().Where(r => r.EventId == x.Id && r.MemberId == viewer.MemberId).FirstOrDefault(),
            }).FirstOrDefaultAsync(ct);
        if (e is null) return Result<RsvpDto>.NotFound();
        if (e.Status == EventStatus.Cancelled) return Result<RsvpDto>.Conflict("status", "Events.Cancelled");
        if (!(e.Status == EventStatus.Published && now < (e.SignupDeadline ?? e.StartsAt))) return Result<RsvpDto>.Conflict("status", "Events.SignupClosed");
        var mode = e.Format switch
        {
            EventFormat.Online => AttendanceMode.Online,
            EventFormat.Offline => AttendanceMode.InPerson,
            _ => requested ?? AttendanceMode.InPerson,
        };
        if (requested is not null && requested != mode) return FieldErrors.Of("mode", "Events.ModeNotOffered");
        if (e.Mine is { Status: not RsvpStatus.Cancelled } existing)
            return await ToDtoAsync(existing, ct); // a second click changes nothing

        // What must be serialised (the seat, the waitlist) is decided with the other sign-ups of this event
        // that arrive at the same time, in one transaction (SignUpQueue); the checks above run in parallel.
        var decided = await queue.SignUpAsync(new SignUpQueue.SignUp(tenant.Tenant!, id, viewer.MemberId, mode, now));
        if (decided is { } result)
        {
            if (result.IsOk) metrics.SignedUp(result.Value!.Status);
            return result;
        }
        // Signed up already (the same member's other click won): that sign-up stands, seat or not.
        var mine = await db.Set<Rsvp>().AsNoTracking().FirstAsync(r => r.EventId == id && r.MemberId == viewer.MemberId, ct);
        return await ToDtoAsync(mine, ct);
    }

    internal static string NewTicketCode() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));

    async Task<RsvpDto> ToDtoAsync(Rsvp r, CancellationToken ct)
    {
        int? position = r.Status == RsvpStatus.Waitlisted
            ? await db.Set<Rsvp>().CountAsync(x => x.EventId == r.EventId && x.Mode == r.Mode && x.Status == RsvpStatus.Waitlisted && x.Id <= r.Id, ct)
            : null;
        return new RsvpDto(r.EventId, WireNames.Of(r.Status), WireNames.Of(r.Mode), position);
    }

    /// <summary>Cancels my sign-up (EventRules.CancelRsvp); a confirmed seat goes to the first on the waitlist, who is told by mail.</summary>
    public async Task<Result<RsvpDto>> CancelAsync(long id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var (cancelled, refused) = await db.InTransactionAsync<(Rsvp?, Result<RsvpDto>?)>(async tx =>
        {
            if (await (await events.VisibleAsync(viewer, ct)).AllAsync(x => x.Id != id, ct) || !await LockEventAsync(db, id, ct)) return (null, Result<RsvpDto>.NotFound());
            var e = await db.Set<Event>().FirstAsync(x => x.Id == id, ct);
            var rsvp = await db.Set<Rsvp>().FirstOrDefaultAsync(r => r.EventId == id && r.MemberId == viewer.MemberId && r.Status != RsvpStatus.Cancelled, ct);
            if (EventRules.CancelRsvp(rsvp, e, clock.GetUtcNow()) is { } no) return (null, no.As<RsvpDto>());
            var wasConfirmed = rsvp!.Status == RsvpStatus.Confirmed; // the rule refuses a missing sign-up
            rsvp.Status = RsvpStatus.Cancelled;
            rsvp.UpdatedAt = clock.GetUtcNow();
            if (wasConfirmed)
            {
                if (rsvp.Mode == AttendanceMode.InPerson) e.ConfirmedInPerson--; else e.ConfirmedOnline--;
                await db.SaveChangesAsync(ct);
                if (e.Status == EventStatus.Published) await FillFreeSeatsAsync(db, e, tenant, texts, clock, notifications, ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (rsvp, null);
        }, ct);
        return refused ?? await ToDtoAsync(cancelled!, ct);
    }

    /// <summary>
    /// Promotes the waitlist, in order, into free seats; each promoted member is told as they chose for
    /// "waitlist promoted" (a mail with the event's date by default, or a push). Call with the event locked.
    /// </summary>
    internal static async Task FillFreeSeatsAsync(AlumniDb db, Event e, ITenantContext tenant, IStringLocalizer<EventTexts> texts, TimeProvider clock,
        Notifications.NotificationService notifications, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var mode in new[] { AttendanceMode.InPerson, AttendanceMode.Online })
        {
            while (mode == AttendanceMode.InPerson ? e.CapacityInPerson is null || e.ConfirmedInPerson < e.CapacityInPerson
                                                   : e.CapacityOnline is null || e.ConfirmedOnline < e.CapacityOnline)
            {
                var next = await db.Set<Rsvp>().Where(r => r.EventId == e.Id && r.Mode == mode && r.Status == RsvpStatus.Waitlisted)
                    .OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
                if (next is null) break;
                next.Status = RsvpStatus.Confirmed;
                next.UpdatedAt = now;
                if (mode == AttendanceMode.InPerson) e.ConfirmedInPerson++; else e.ConfirmedOnline++;
                await notifications.NotifyAsync([next.MemberId], Notifications.NotificationType.WaitlistPromoted, null, null, e.Title, ct,
                    link: $"/events/{e.Id}", mail: () => (texts["Mail.PromotedSubject", e.Title],
                        texts["Mail.PromotedBody", e.Title, tenant.Tenant!.ToLocal(e.StartsAt).ToString("yyyy-MM-dd HH:mm"), tenant.Tenant.ShownName]));
                await db.SaveChangesAsync(ct);
            }
        }
    }

    public async Task<Result<IReadOnlyList<AttendeeDto>>> AttendeesAsync(long id, CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin) return Result<IReadOnlyList<AttendeeDto>>.Forbidden();
        if (!await db.Set<Event>().AnyAsync(e => e.Id == id, ct)) return Result<IReadOnlyList<AttendeeDto>>.NotFound();
        var rows = await db.Set<Rsvp>().AsNoTracking().Where(r => r.EventId == id && r.Status != RsvpStatus.Cancelled)
            .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new { r, m.FamilyName, m.GivenName, m.RomanizedName, m.Kind, m.Organization, m.WithheldPurposes })
            .OrderBy(x => x.r.Status).ThenBy(x => x.r.Id)
            .ToListAsync(ct);
        var t = tenant.Tenant!;
        return rows.Select(x => new AttendeeDto(x.r.Id, x.r.MemberId, PersonName.Display(x.FamilyName, x.GivenName, x.RomanizedName), x.Kind.ToString(),
            x.Organization, WireNames.Of(x.r.Mode), WireNames.Of(x.r.Status), t.ToLocal(x.r.CreatedAt), x.r.CheckedInAt is { } c ? t.ToLocal(c) : null,
            (x.WithheldPurposes & Privacy.Purpose.EventPhotos) != Privacy.Purpose.None)).ToList();
    }

    /// <summary>The attendee list as a CSV download; a download of personal data is an audited admin action.</summary>
    public async Task<Result<byte[]>> ExportAttendeesAsync(long id, CancellationToken ct)
    {
        var attendees = await AttendeesAsync(id, ct);
        if (!attendees.IsOk) return attendees.Status == ResultStatus.NotFound ? Result<byte[]>.NotFound() : Result<byte[]>.Forbidden();
        await audit.AddAsync("event.export_attendees", "event", id.ToString(), null, new { rows = attendees.Value!.Count }, ct);
        await db.SaveChangesAsync(ct);
        return ToCsv(attendees.Value!);
    }

    /// <summary>The attendee list as CSV that Excel opens in Japanese (UTF-8 with BOM); cells that look like formulas are escaped.</summary>
    public static byte[] ToCsv(IReadOnlyList<AttendeeDto> attendees) =>
        Infrastructure.Csv.CsvFiles.ForExcel(attendees.Select(a => new
        {
            a.MemberId, Name = a.DisplayName, a.Kind, a.Organization, a.Mode, a.Status,
            SignedUpAt = a.SignedUpAt.ToString("yyyy-MM-dd HH:mm"), CheckedInAt = a.CheckedInAt?.ToString("yyyy-MM-dd HH:mm"),
        }));

    /// <summary>
    /// Checks a ticket in. One conditional UPDATE: it succeeds only for a confirmed ticket of this event
    /// not yet checked in, so a ticket cannot be used twice, even by two door staff at once.
    /// </summary>
    public async Task<Result<CheckInDto>> CheckInAsync(long id, string? code, CancellationToken ct)
    {
        var admin = await current.RequireAsync(ct);
        if (EventRules.Manage(admin) is { } forbidden) return forbidden.As<CheckInDto>();
        var ticket = (code ?? "").Trim();
        if (ticket.StartsWith(TicketPrefix, StringComparison.Ordinal)) ticket = ticket[TicketPrefix.Length..];
        if (ticket.Length is 0 or > 64) return FieldErrors.Of("code", "Events.TicketUnknown");
        var status = await db.Set<Event>().Where(e => e.Id == id).Select(e => (EventStatus?)e.Status).FirstOrDefaultAsync(ct);
        if (status is null) return Result<CheckInDto>.NotFound();
        if (EventRules.CheckIn(admin, status.Value) is { } no) return no.As<CheckInDto>();
        var now = clock.GetUtcNow();
        var done = await db.Set<Rsvp>()
            .Where(r => r.TicketCode == ticket && r.EventId == id && r.Status == RsvpStatus.Confirmed && r.CheckedInAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAt, now).SetProperty(r => r.CheckedInByMemberId, admin.MemberId), ct);
        var found = await db.Set<Rsvp>().AsNoTracking().Where(r => r.TicketCode == ticket)
            .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new { r, m.FamilyName, m.GivenName, m.RomanizedName }).FirstOrDefaultAsync(ct);
        if (found is null) return FieldErrors.Of("code", "Events.TicketUnknown");
        if (done == 0)
        {
            if (found.r.EventId != id) return Result<CheckInDto>.Conflict("code", "Events.TicketOtherEvent");
            if (found.r.CheckedInAt is not null) return Result<CheckInDto>.Conflict("code", "Events.TicketUsed");
            return Result<CheckInDto>.Conflict("code", "Events.TicketNotConfirmed");
        }
        return new CheckInDto(found.r.Id, found.r.MemberId, PersonName.Display(found.FamilyName, found.GivenName, found.RomanizedName), WireNames.Of(found.r.Mode), tenant.Tenant!.ToLocal(now));
    }

    /// <summary>Check in by hand (the manual fallback of the door page), by sign-up id.</summary>
    public async Task<Result<CheckInDto>> CheckInByIdAsync(long id, long rsvpId, CancellationToken ct)
    {
        var code = await db.Set<Rsvp>().Where(r => r.Id == rsvpId && r.EventId == id).Select(r => r.TicketCode).FirstOrDefaultAsync(ct);
        return code is null ? Result<CheckInDto>.NotFound() : await CheckInAsync(id, code, ct);
    }

    public const string TicketPrefix = "oa-ticket:";

    /// <summary>My ticket for an event: the QR payload, only while confirmed.</summary>
    public async Task<Result<(EventDto Event, string Payload, DateTimeOffset? CheckedInAt)>> TicketAsync(long id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var e = await events.GetAsync(id, ct);
        if (!e.IsOk) return Result<(EventDto, string, DateTimeOffset?)>.NotFound();
        var rsvp = await db.Set<Rsvp>().AsNoTracking().FirstOrDefaultAsync(r => r.EventId == id && r.MemberId == viewer.MemberId && r.Status == RsvpStatus.Confirmed, ct);
        if (rsvp is null) return Result<(EventDto, string, DateTimeOffset?)>.NotFound();
        // Shown as the time at the door, in the network's time zone (it was shown in UTC).
        return (e.Value!, TicketPrefix + rsvp.TicketCode, rsvp.CheckedInAt is { } at ? tenant.Tenant!.ToLocal(at) : null);
    }
}
