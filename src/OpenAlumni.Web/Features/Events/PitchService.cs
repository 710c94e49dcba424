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

/// <summary>Pitch slots (apply, accept, decline), "I want to talk to this pitcher", and feedback after an event.</summary>
public sealed class PitchService(AlumniDb db, CurrentMember current, EventService events, ITenantContext tenant,
    TimeProvider clock, IStringLocalizer<EventTexts> texts)
{
    public async Task<Result<PitchDto>> ApplyAsync(long eventId, PitchInput input, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var e = await (await events.VisibleAsync(viewer, ct)).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return Result<PitchDto>.NotFound();
        var errors = new FieldErrors();
        var title = Check.Text(errors, "title", input.Title, EventLimits.PitchTitle, required: true);
        var summary = Check.Text(errors, "summary", input.Summary, EventLimits.PitchSummary, required: true);
        var seeking = PitchSeeking.None;
        foreach (var s in input.Seeking ?? []) seeking |= Check.Enum<PitchSeeking>(errors, "seeking", s, required: true) ?? PitchSeeking.None;
        if (errors.Any) return errors;
        var applied = await db.Set<Pitch>().AnyAsync(p => p.EventId == eventId && p.MemberId == viewer.MemberId, ct);
        if (EventRules.ApplyToPitch(e, applied, clock.GetUtcNow()) is { } no) return no.As<PitchDto>();
        var pitch = new Pitch { EventId = eventId, MemberId = viewer.MemberId, Title = title!, Summary = summary!, Seeking = seeking, Status = PitchStatus.Pending, CreatedAt = clock.GetUtcNow() };
        db.Add(pitch);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Result<PitchDto>.Conflict("eventId", "Events.PitchExists"); }
        return (await ProgrammeAsync(db, e, viewer, clock.GetUtcNow(), ct)).First(p => p.Id == pitch.Id);
    }

    public async Task<Result<PitchDto>> DecideAsync(long eventId, long pitchId, bool accept, CancellationToken ct)
    {
        var admin = await current.RequireAsync(ct);
        if (EventRules.Manage(admin) is { } forbidden) return forbidden.As<PitchDto>();
        var pitch = await db.Set<Pitch>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pitchId && p.EventId == eventId, ct);
        if (pitch is null) return Result<PitchDto>.NotFound();
        if (EventRules.DecidePitch(admin, pitch.Status) is { } no) return no.As<PitchDto>();
        var e = await db.Set<Event>().AsNoTracking().FirstAsync(x => x.Id == eventId, ct);
        var now = clock.GetUtcNow();
        var status = accept ? PitchStatus.Accepted : PitchStatus.Declined;
        var person = await db.Members.Where(m => m.Id == pitch.MemberId).Select(m => new { m.User!.Email, m.User.PreferredCulture }).FirstAsync(ct);
        string subject, body;
        using (Cultures.Use(person.PreferredCulture))
        {
            subject = texts[accept ? "Mail.PitchAcceptedSubject" : "Mail.PitchDeclinedSubject", e.Title];
            body = texts[accept ? "Mail.PitchAcceptedBody" : "Mail.PitchDeclinedBody", e.Title, pitch.Title, tenant.Tenant!.ShownName];
        }
        // Two admins may decide at once. The event's row is locked first, so that accepted pitches get one position
        // each; the status condition then lets one decision through, and the other admin hears it was taken (409).
        var decided = await db.InTransactionAsync(async tx =>
        {
            await RsvpService.LockEventAsync(db, eventId, ct);
            int? position = accept ? await db.Set<Pitch>().CountAsync(p => p.EventId == eventId && p.Status == PitchStatus.Accepted, ct) + 1 : null;
            var changed = await db.Set<Pitch>().Where(p => p.Id == pitchId && p.Status == PitchStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, status).SetProperty(p => p.DecidedAt, now)
                    .SetProperty(p => p.Position, p => position ?? p.Position), ct);
            if (changed == 0) return false;
            await db.EnqueueMailAsync(tenant.TenantId, $"pitch-decided:{pitchId}", person.Email!, subject, body, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }, ct);
        if (!decided) return Result<PitchDto>.Conflict("status", "Events.PitchDecided");
        return (await ProgrammeAsync(db, e, admin, now, ct)).First(p => p.Id == pitchId);
    }

    /// <summary>An employee raises a hand for a pitcher once the event has begun (EventRules.RaiseHandFor); the pitcher sees who.</summary>
    public async Task<Result<PitchDto>> InterestAsync(long eventId, long pitchId, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var e = await (await events.VisibleAsync(viewer, ct)).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        var pitch = e is null ? null : await db.Set<Pitch>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pitchId && p.EventId == eventId && p.Status == PitchStatus.Accepted, ct);
        if (e is null || pitch is null) return Result<PitchDto>.NotFound();
        var now = clock.GetUtcNow();
        if (EventRules.RaiseHandFor(viewer, e, pitch.MemberId, now) is { } no) return no.As<PitchDto>();
        if (!await db.Set<PitchInterest>().AnyAsync(i => i.PitchId == pitchId && i.MemberId == viewer.MemberId, ct))
        {
            db.Add(new PitchInterest { PitchId = pitchId, MemberId = viewer.MemberId, CreatedAt = clock.GetUtcNow() });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // the same hand raised twice at once: one is enough
        }
        return (await ProgrammeAsync(db, e, viewer, now, ct)).First(p => p.Id == pitchId);
    }

    /// <summary>
    /// The programme as this viewer may see it: accepted pitches for everyone, plus every application for
    /// admins and one's own for its author. Who raised a hand is shown to the pitcher and to admins only.
    /// </summary>
    internal static async Task<IReadOnlyList<PitchDto>> ProgrammeAsync(AlumniDb db, Event e, MemberSession viewer, DateTimeOffset now, CancellationToken ct)
    {
        var eventId = e.Id;
        var me = viewer.MemberId;
        var admin = viewer.IsAdmin;
        var level = viewer.ViewerLevel;
        var rows = await db.Set<Pitch>().AsNoTracking()
            .Where(p => p.EventId == eventId && (p.Status == PitchStatus.Accepted || admin || p.MemberId == me))
            .Join(db.Members, p => p.MemberId, m => m.Id, (p, m) => new
            {
                p, m.FamilyName, m.GivenName, m.RomanizedName,
                Organization = m.OrganizationVisibility <= level || m.Id == me ? m.Organization : null,
                Interested = db.Set<PitchInterest>().Where(i => i.PitchId == p.Id)
                    .Join(db.Members, i => i.MemberId, x => x.Id, (i, x) => new { x.FamilyName, x.GivenName, x.RomanizedName, i.MemberId }).ToList(),
            })
            .OrderBy(x => x.p.Status).ThenBy(x => x.p.Position).ThenBy(x => x.p.Id)
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Select(x => new PitchDto(x.p.Id, x.p.MemberId, PersonName.Display(x.FamilyName, x.GivenName, x.RomanizedName), x.Organization,
            x.p.Title, x.p.Summary, Enum.GetValues<PitchSeeking>().Where(f => f != PitchSeeking.None && x.p.Seeking.HasFlag(f)).Select(f => WireNames.Of(f)).ToList(),
            WireNames.Of(x.p.Status), x.Interested.Count, x.Interested.Any(i => i.MemberId == me),
            x.p.MemberId == me || admin ? x.Interested.Select(i => PersonName.Display(i.FamilyName, i.GivenName, i.RomanizedName)).ToList() : null)
        {
            CanRaiseHand = x.p.Status == PitchStatus.Accepted && EventRules.RaiseHandFor(viewer, e, x.p.MemberId, now) is null,
            CanDecide = EventRules.DecidePitch(viewer, x.p.Status) is null,
        }).ToList();
    }

    /// <summary>Feedback from a confirmed attendee once the event has ended; sending again replaces it.</summary>
    public async Task<Result<FeedbackDto>> FeedbackAsync(long eventId, FeedbackInput input, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var e = await (await events.VisibleAsync(viewer, ct)).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return Result<FeedbackDto>.NotFound();
        var errors = new FieldErrors();
        if (input.Rating is null) errors.Add("rating", "Validation.Required");
        else if (input.Rating is < 1 or > 5) errors.Add("rating", "Events.RatingRange");
        var comment = Check.Text(errors, "comment", input.Comment, EventLimits.Comment);
        if (errors.Any) return errors;
        var confirmed = await db.Set<Rsvp>().AnyAsync(r => r.EventId == eventId && r.MemberId == viewer.MemberId && r.Status == RsvpStatus.Confirmed, ct);
        if (EventRules.GiveFeedback(e, confirmed, clock.GetUtcNow()) is { } no) return no.As<FeedbackDto>();
        var feedback = await db.Set<EventFeedback>().FirstOrDefaultAsync(f => f.EventId == eventId && f.MemberId == viewer.MemberId, ct);
        if (feedback is null) db.Add(feedback = new EventFeedback { EventId = eventId, MemberId = viewer.MemberId });
        feedback.Rating = input.Rating!.Value;
        feedback.Comment = comment;
        feedback.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new FeedbackDto(feedback.Rating, feedback.Comment, tenant.Tenant!.ToLocal(feedback.CreatedAt));
    }

    public async Task<Result<FeedbackSummaryDto>> FeedbackSummaryAsync(long eventId, CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin) return Result<FeedbackSummaryDto>.Forbidden();
        if (!await db.Set<Event>().AnyAsync(e => e.Id == eventId, ct)) return Result<FeedbackSummaryDto>.NotFound();
        var items = await db.Set<EventFeedback>().AsNoTracking().Where(f => f.EventId == eventId).OrderByDescending(f => f.Id)
            .Select(f => new { f.Rating, f.Comment, f.CreatedAt }).ToListAsync(ct);
        return new FeedbackSummaryDto(items.Count, items.Count == 0 ? null : Math.Round(items.Average(i => i.Rating), 2),
            items.Select(i => new FeedbackDto(i.Rating, i.Comment, tenant.Tenant!.ToLocal(i.CreatedAt))).ToList());
    }
}
