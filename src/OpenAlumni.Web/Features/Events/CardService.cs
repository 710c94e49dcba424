using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Events;

/// <summary>
/// Business cards at events (名刺交換). Each confirmed attendee has a card for the event: a QR code of its own, made at
/// the first request, which is not the ticket (showing one's card to a stranger must not let them in at the door).
/// Scanning another checked-in attendee's card exchanges cards both ways: two rows, one per person, each with its
/// owner's private note. A scan repeated, or both scanning each other at once, keeps one pair (the unique index).
/// </summary>
public sealed class CardService(AlumniDb db, CurrentMember current, EventService events, ITenantContext tenant, TimeProvider clock)
{
    public const string CardPrefix = "oa-card:";
    /// <summary>The longest code accepted as typed: the prefix and a stored code (64) with room for stray spaces.</summary>
    public const int CodeInput = 100;
    public const int PageSize = 50;

    /// <summary>The event, if the member may see it, and their confirmed sign-up to it (tracked: a card code may be written).</summary>
    async Task<(bool Visible, Rsvp? Mine)> AttendanceAsync(MemberSession me, long id, CancellationToken ct)
    {
        if (!await (await events.VisibleAsync(me, ct)).AnyAsync(e => e.Id == id, ct)) return (false, null);
        var mine = await db.Set<Rsvp>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.EventId == id && r.MemberId == me.MemberId && r.Status == RsvpStatus.Confirmed, ct);
        return (true, mine);
    }

    /// <summary>My card for this event (EventRules.HoldCard): its QR payload, made at the first request.</summary>
    public async Task<Result<MyCardDto>> MyCardAsync(long id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var (visible, mine) = await AttendanceAsync(me, id, ct);
        if (!visible) return Result<MyCardDto>.NotFound();
        if (EventRules.HoldCard(mine) is { } no) return no.As<MyCardDto>();
        var code = mine!.CardCode ?? await IssueCodeAsync(mine.Id, ct);
        return new MyCardDto(id, CardPrefix + code, me.DisplayName, mine.CheckedInAt is not null);
    }

    async Task<string> IssueCodeAsync(long rsvpId, CancellationToken ct)
    {
        // Asked twice at once (the ticket page and the app): only the first write lands, and both read that one back.
        var code = RsvpService.NewTicketCode();
        await db.Set<Rsvp>().Where(r => r.Id == rsvpId && r.CardCode == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.CardCode, code), ct);
        return await db.Set<Rsvp>().Where(r => r.Id == rsvpId).Select(r => r.CardCode!).FirstAsync(ct);
    }

    /// <summary>
    /// Exchanges cards with the owner of <paramref name="input"/>'s code: both checked in at this event, not blocked
    /// either way. Created is false when the two had exchanged already (nothing new is written but my note).
    /// </summary>
    public async Task<Result<(CardExchangeDto Met, bool Created)>> ExchangeAsync(long id, CardInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var (visible, mine) = await AttendanceAsync(me, id, ct);
        if (!visible) return Result<(CardExchangeDto, bool)>.NotFound();
        if (EventRules.HoldCard(mine) is { } forbidden) return forbidden.As<(CardExchangeDto, bool)>();
        var errors = new FieldErrors();
        var code = ReadCode(errors, input.Code);
        var note = Check.Text(errors, "note", input.Note, EventLimits.CardNote);
        if (errors.Any) return errors;
        if (EventRules.ExchangeCards(mine) is { } notYet) return notYet.As<(CardExchangeDto, bool)>();

        // Another network's code is simply unknown here (the tenant filter), like a made-up one.
        var card = await db.Set<Rsvp>().AsNoTracking().Where(r => r.CardCode == code)
            .Select(r => new { r.EventId, r.MemberId, r.Status, r.CheckedInAt }).FirstOrDefaultAsync(ct);
        if (card is null || !await db.Members.Approved().AnyAsync(m => m.Id == card.MemberId, ct)) return FieldErrors.Of("code", "Events.CardUnknown");
        if (card.EventId != id) return FieldErrors.Of("code", "Events.CardOtherEvent");
        if (card.MemberId == me.MemberId) return FieldErrors.Of("code", "Events.CardOwn");
        if (card.Status != RsvpStatus.Confirmed || card.CheckedInAt is null) return FieldErrors.Of("code", "Events.CardOwnerNotCheckedIn");
        var other = card.MemberId;
        if (await MemberBlocks.AnyBetweenAsync(db, me.MemberId, [other], ct))
            return new Result<(CardExchangeDto, bool)>(ResultStatus.Forbidden, default, FieldErrors.Of("code", "Events.CardBlocked"));

        var created = await WritePairAsync(id, me.MemberId, other, note, ct);
        if (!created)
            // Met before (or the other scanned me at the same moment): my side now says I scanned, with my note if I wrote one.
            await db.Set<CardExchange>().Where(x => x.EventId == id && x.MemberId == me.MemberId && x.OtherMemberId == other)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Scanned, true).SetProperty(x => x.Note, x => note ?? x.Note), ct);
        var met = (await MetAsync(me, id, other, 1, ct)).Single();
        return (met, created);
    }

    /// <summary>The code as scanned or typed: a ticket is told apart (it checks a person in, it is no card); the prefix is optional.</summary>
    static string? ReadCode(FieldErrors errors, string? input)
    {
        var text = Check.Line(errors, "code", input, CodeInput, required: true);
        if (text is null) return null;
        if (text.StartsWith(RsvpService.TicketPrefix, StringComparison.Ordinal)) { errors.Add("code", "Events.CardIsTicket"); return null; }
        var code = text.StartsWith(CardPrefix, StringComparison.Ordinal) ? text[CardPrefix.Length..].Trim() : text;
        if (code.Length is 0 or > 64) { errors.Add("code", "Events.CardUnknown"); return null; }
        return code;
    }

    /// <summary>
    /// Writes both sides of a new exchange in one save. When the unique index refuses it (already exchanged, or both
    /// scanned at once and the other's pair landed first), each side is made sure of on its own, and false is answered.
    /// </summary>
    async Task<bool> WritePairAsync(long eventId, long me, long other, string? note, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        CardExchange Side(long owner, long met, bool scanned, string? text) =>
            new() { EventId = eventId, MemberId = owner, OtherMemberId = met, ExchangedAt = now, Scanned = scanned, Note = text };
        if (!await ExistsAsync(eventId, me, other, ct) && !await ExistsAsync(eventId, other, me, ct))
        {
            db.AddRange(Side(me, other, true, note), Side(other, me, false, null));
            if (await TrySaveAsync(ct)) return true;
        }
        foreach (var (owner, met, scanned) in new[] { (me, other, true), (other, me, false) })
            if (!await ExistsAsync(eventId, owner, met, ct))
            {
                db.Add(Side(owner, met, scanned, owner == me ? note : null));
                await TrySaveAsync(ct);
            }
        return false;
    }

    Task<bool> ExistsAsync(long eventId, long owner, long met, CancellationToken ct) =>
        db.Set<CardExchange>().AnyAsync(x => x.EventId == eventId && x.MemberId == owner && x.OtherMemberId == met, ct);

    /// <summary>Saves, or forgets what was added when the unique index refused it (someone else's write was first).</summary>
    async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (!DbErrors.IsTransient(e) && DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The people I met at this event, most recent first (EventRules.HoldCard: for its confirmed attendees).</summary>
    public async Task<Result<PageDto<CardExchangeDto>>> PeopleMetAsync(long id, int page, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (page is < 1 or > 100_000) return FieldErrors.Of("page", "Validation.PageInvalid");
        var (visible, mine) = await AttendanceAsync(me, id, ct);
        if (!visible) return Result<PageDto<CardExchangeDto>>.NotFound();
        if (EventRules.HoldCard(mine) is { } no) return no.As<PageDto<CardExchangeDto>>();
        var total = await db.Set<CardExchange>().CountAsync(x => x.EventId == id && x.MemberId == me.MemberId, ct);
        return new PageDto<CardExchangeDto>(await MetAsync(me, id, null, page, ct), page, PageSize, total);
    }

    /// <summary>Edits my private note on someone I met (404 if I did not meet them at this event).</summary>
    public async Task<Result<CardExchangeDto>> NoteAsync(long id, long memberId, CardNoteInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var (visible, mine) = await AttendanceAsync(me, id, ct);
        if (!visible) return Result<CardExchangeDto>.NotFound();
        if (EventRules.HoldCard(mine) is { } no) return no.As<CardExchangeDto>();
        var errors = new FieldErrors();
        var note = Check.Text(errors, "note", input.Note, EventLimits.CardNote);
        if (errors.Any) return errors;
        var done = await db.Set<CardExchange>().Where(x => x.EventId == id && x.MemberId == me.MemberId && x.OtherMemberId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Note, note), ct);
        if (done == 0) return Result<CardExchangeDto>.NotFound();
        return (await MetAsync(me, id, memberId, 1, ct)).Single();
    }

    /// <summary>
    /// My side of the exchanges at an event (one person's, or a page of all), each person as the reader may see them: the
    /// name always (it is on the card), the photo only where their profile and photo are shown to the reader, the
    /// organisation and title by their visibility, as in the directory.
    /// </summary>
    async Task<List<CardExchangeDto>> MetAsync(MemberSession me, long id, long? only, int page, CancellationToken ct)
    {
        var level = me.ViewerLevel;
        var rows = await db.Set<CardExchange>().AsNoTracking()
            .Where(x => x.EventId == id && x.MemberId == me.MemberId && (only == null || x.OtherMemberId == only))
            .Join(db.Members, x => x.OtherMemberId, m => m.Id, (x, m) => new
            {
                x.Id, x.OtherMemberId, x.ExchangedAt, x.Scanned, x.Note, m.FamilyName, m.GivenName, m.RomanizedName, m.UpdatedAt,
                Approved = m.Status == MemberStatus.Approved,
                Photo = m.Status == MemberStatus.Approved && (m.WithheldPurposes & Privacy.Purpose.Directory) == Privacy.Purpose.None
                    && m.PhotoVisibility <= level && m.PhotoPath != null,
                Organization = m.OrganizationVisibility <= level ? m.Organization : null,
                Title = m.OrganizationVisibility <= level ? m.Title : null,
            })
            .OrderByDescending(x => x.ExchangedAt).ThenByDescending(x => x.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.OtherMemberId).ToList();
        var blocked = await MemberBlocks.BetweenAsync(db, me.MemberId, ids, ct);
        var t = tenant.Tenant!;
        return rows.Select(r => new CardExchangeDto(
            new CardPersonDto(r.OtherMemberId, PersonName.Display(r.FamilyName, r.GivenName, r.RomanizedName),
                r.Photo ? $"/members/{r.OtherMemberId}/photo?v={r.UpdatedAt.ToUnixTimeSeconds()}" : null, r.Organization, r.Title),
            t.ToLocal(r.ExchangedAt), r.Scanned, r.Note, r.Approved && !blocked.Contains(r.OtherMemberId))).ToList();
    }
}
