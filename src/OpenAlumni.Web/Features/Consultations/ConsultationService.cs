using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Consultations;

public sealed record ConsultationInput(long? MemberId, string? Topic, string? Goal, string? Format, string? PreferredTimes = null);
public sealed record ProposeInput(string? Times);
public sealed record DeclineInput(string? Message);

/// <summary>A request as its two members see it; the Can* flags say what the reader may do with it now.</summary>
public sealed record ConsultationDto(long Id, ParticipantDto Requester, ParticipantDto Recipient, string Topic, string Goal, string Format,
    string? PreferredTimes, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string? ProposedTimes, string? DeclineMessage,
    long? ConversationId, bool CanAccept, bool CanPropose, bool CanDecline);
/// <summary>A request of mine still waiting for the member's answer, as their profile shows it.</summary>
public sealed record WaitingRequestDto(long Id, string Topic, string Status);
public sealed record ConsultationListDto(IReadOnlyList<ConsultationDto> Items, string Box, int Page, int PageSize, int Total);
/// <summary>What admins see of consultations: numbers per state, never who asked whom or about what.</summary>
public sealed record ConsultationCountsDto(int Pending, int Proposed, int Accepted, int Declined, int Expired, int Total);

/// <summary>
/// Consultation requests. Only between approved members of one tenant, to a member open to consultation
/// (as the requester may see it), never to oneself or across a block. A request unanswered for 14 days
/// expires: the state is brought up to date before every read and every action, so it never shows as
/// pending past its time whatever the background work does.
/// </summary>
public sealed class ConsultationService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock,
    NotificationService notifications, MessageService messages, IStringLocalizer<ConsultationTexts> texts)
{
    const int PageSize = 30;

    /// <summary>A request goes to an approved member open to consultation (as the asker may see it), across no block.</summary>
    async Task<Refusal?> RecipientRefusalAsync(MemberSession me, long memberId, CancellationToken ct)
    {
        var level = me.ViewerLevel;
        var open = await db.Members.AsNoTracking().Approved().Where(m => m.Id == memberId)
            .Select(m => (bool?)((m.OpenTo & OpenTo.Consultation) == OpenTo.Consultation && m.OpenToVisibility <= level)).FirstOrDefaultAsync(ct);
        if (open is null) return Refusal.NotFound;
        if (open == false) return Refusal.Invalid("memberId", "Consultations.NotOpen");
        return await MemberBlocks.AnyBetweenAsync(db, me.MemberId, [memberId], ct) ? Refusal.Forbidden : null;
    }

    /// <summary>Whether the current member may ask this one (the profile's button): by the same rule as <see cref="CreateAsync"/>.</summary>
    public async Task<bool> CanAskAsync(long memberId, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        return memberId != me.MemberId && await RecipientRefusalAsync(me, memberId, ct) is null;
    }

    /// <summary>My request to this member that is still waiting (pending or another time proposed), if any: while
    /// it waits a new one would be refused, so the profile shows it instead of offering the form.</summary>
    public async Task<WaitingRequestDto?> WaitingRequestToAsync(long memberId, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var due = clock.GetUtcNow() - ConsultationRequest.ExpiresAfter;
        var r = await db.Set<ConsultationRequest>().AsNoTracking()
            .Where(r => r.RequesterMemberId == me.MemberId && r.RecipientMemberId == memberId
                && (r.Status == ConsultationStatus.Pending || r.Status == ConsultationStatus.Proposed) && r.WaitingSince > due)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Topic, r.Status })
            .FirstOrDefaultAsync(ct);
        return r is null ? null : new WaitingRequestDto(r.Id, r.Topic, WireNames.Of(r.Status));
    }

    public async Task<Result<ConsultationDto>> CreateAsync(ConsultationInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var errors = new FieldErrors();
        if (input.MemberId is null) errors.Add("memberId", "Validation.Required");
        var topic = Check.Text(errors, "topic", input.Topic, ConsultationLimits.Topic, required: true);
        var goal = Check.Text(errors, "goal", input.Goal, ConsultationLimits.Goal, required: true);
        var format = Check.Enum<ConsultationFormat>(errors, "format", input.Format, required: true);
        var times = Check.Text(errors, "preferredTimes", input.PreferredTimes, ConsultationLimits.Times);
        if (input.MemberId == me.MemberId) errors.Add("memberId", "Consultations.NotToYourself");
        if (errors.Any) return errors;
        if (await RecipientRefusalAsync(me, input.MemberId!.Value, ct) is { } no) return no.As<ConsultationDto>();
        var recipientId = input.MemberId.Value;
        await ExpireDueAsync(ct);
        // A double click on "send" must not leave two requests waiting: the unique index on open requests per pair lets
        // one insert in, and the other is answered 409 (the check below answers it when the first has already committed).
        var (created, refused) = await db.InTransactionAsync<(long, Result<ConsultationDto>?)>(async tx =>
        {
            if (await db.Set<ConsultationRequest>().AnyAsync(r => r.RequesterMemberId == me.MemberId && r.RecipientMemberId == recipientId
                    && (r.Status == ConsultationStatus.Pending || r.Status == ConsultationStatus.Proposed), ct))
                return (0, Result<ConsultationDto>.Conflict("memberId", "Consultations.AlreadyOpen"));
            var now = clock.GetUtcNow();
            var request = new ConsultationRequest
            {
                RequesterMemberId = me.MemberId, RecipientMemberId = recipientId, Topic = topic!, Goal = goal!, Format = format!.Value,
                PreferredTimes = times, Status = ConsultationStatus.Pending, CreatedAt = now, WaitingSince = now,
            };
            db.Add(request);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                return (0, Result<ConsultationDto>.Conflict("memberId", "Consultations.AlreadyOpen"));
            }
            await notifications.NotifyAsync([recipientId], NotificationType.ConsultationRequest, null, me.MemberId, request.Topic, ct, link: "/consultations?box=received");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (request.Id, null);
        }, ct);
        return refused ?? await DtoAsync(created, me, ct);
    }

    public async Task<Result<ConsultationListDto>> ListAsync(string? box, int page, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var errors = new FieldErrors();
        var sent = box switch { "sent" => true, "received" => false, _ => (bool?)null };
        if (sent is null) errors.Add("box", "Validation.OneOf", "sent, received");
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (errors.Any) return errors;
        await ExpireDueAsync(ct);
        var query = db.Set<ConsultationRequest>().AsNoTracking().Where(r => sent == true ? r.RequesterMemberId == me.MemberId : r.RecipientMemberId == me.MemberId);
        var total = await query.CountAsync(ct);
        var rows = await Project(query.OrderByDescending(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return new ConsultationListDto(rows.Select(r => ToDto(r, me)).ToList(), box!, page, PageSize, total);
    }

    public async Task<Result<ConsultationDto>> GetAsync(long id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        await ExpireDueAsync(ct);
        return await DtoAsync(id, me, ct);
    }

    /// <summary>The recipient accepts a pending request, or the requester accepts the time proposed: a conversation opens, seeded with the request.</summary>
    public async Task<Result<ConsultationDto>> AcceptAsync(long id, CancellationToken ct)
    {
        var (me, request, problem) = await LoadAsync(id, ct);
        if (request is null) return problem;
        if (ConsultationRules.Accept(me.MemberId, request) is { } no) return no.As<ConsultationDto>();
        var byRecipient = request.RecipientMemberId == me.MemberId;
        if (await MemberBlocks.AnyBetweenAsync(db, request.RequesterMemberId, [request.RecipientMemberId], ct)) return Result<ConsultationDto>.Forbidden();
        var from = request.Status;
        var refused = await db.InTransactionAsync<Result<ConsultationDto>?>(async tx =>
        {
            if (await ClaimAsync(id, from, ConsultationStatus.Accepted, ct) is not { } request)
                return Result<ConsultationDto>.Conflict("status", "Consultations.NotAnswerable");
            var requester = await db.Members.AsNoTracking().Where(m => m.Id == request.RequesterMemberId).Select(m => new { m.FamilyName, m.GivenName }).FirstAsync(ct);
            var seed = texts["Seed", request.Topic, request.Goal, texts["Format." + WireNames.Of(request.Format)],
                request.ProposedTimes ?? request.PreferredTimes ?? "-"].Value;
            request.ConversationId = await messages.OpenForAsync(request.RequesterMemberId, PersonName.Display(requester.FamilyName, requester.GivenName),
                request.RecipientMemberId, seed, ct);
            request.Status = ConsultationStatus.Accepted;
            request.DecidedAt = clock.GetUtcNow();
            var other = byRecipient ? request.RequesterMemberId : request.RecipientMemberId;
            await notifications.NotifyAsync([other], NotificationType.ConsultationAccepted, null, me.MemberId, request.Topic, ct, link: $"/messages/{request.ConversationId}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        return refused ?? await DtoAsync(id, me, ct);
    }

    /// <summary>The recipient proposes other times; the requester may then accept them.</summary>
    public async Task<Result<ConsultationDto>> ProposeAsync(long id, ProposeInput input, CancellationToken ct)
    {
        var (me, request, problem) = await LoadAsync(id, ct);
        if (request is null) return problem;
        if (ConsultationRules.Propose(me.MemberId, request) is { } no) return no.As<ConsultationDto>();
        var errors = new FieldErrors();
        var times = Check.Text(errors, "times", input.Times, ConsultationLimits.Times, required: true);
        if (errors.Any) return errors;
        var from = request.Status;
        var refused = await db.InTransactionAsync<Result<ConsultationDto>?>(async tx =>
        {
            if (await ClaimAsync(id, from, ConsultationStatus.Proposed, ct) is not { } request)
                return Result<ConsultationDto>.Conflict("status", "Consultations.NotAnswerable");
            request.Status = ConsultationStatus.Proposed;
            request.ProposedTimes = times;
            request.WaitingSince = clock.GetUtcNow();
            await notifications.NotifyAsync([request.RequesterMemberId], NotificationType.ConsultationProposed, null, me.MemberId, request.Topic, ct, link: "/consultations?box=sent", note: times);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        return refused ?? await DtoAsync(id, me, ct);
    }

    /// <summary>The recipient declines; the requester is told with a polite template in their own language, with the recipient's words if any.</summary>
    public async Task<Result<ConsultationDto>> DeclineAsync(long id, DeclineInput input, CancellationToken ct)
    {
        var (me, request, problem) = await LoadAsync(id, ct);
        if (request is null) return problem;
        if (ConsultationRules.Decline(me.MemberId, request) is { } no) return no.As<ConsultationDto>();
        var errors = new FieldErrors();
        var message = Check.Text(errors, "message", input.Message, ConsultationLimits.Message);
        if (errors.Any) return errors;
        var from = request.Status;
        var refused = await db.InTransactionAsync<Result<ConsultationDto>?>(async tx =>
        {
            if (await ClaimAsync(id, from, ConsultationStatus.Declined, ct) is not { } request)
                return Result<ConsultationDto>.Conflict("status", "Consultations.NotAnswerable");
            request.Status = ConsultationStatus.Declined;
            request.DeclineMessage = message;
            request.DecidedAt = clock.GetUtcNow();
            await notifications.NotifyAsync([request.RequesterMemberId], NotificationType.ConsultationDeclined, null, me.MemberId, request.Topic, ct, link: "/consultations?box=sent", note: message);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        return refused ?? await DtoAsync(id, me, ct);
    }

    /// <summary>
    /// Moves the request on from the state it was read in, in the database: of two answers at once (a double
    /// click, an accept and a decline), one wins and the other gets 409, so no second conversation or mail.
    /// Returns the request to change, loaded in this transaction (the one read before, on the first try).
    /// </summary>
    async Task<ConsultationRequest?> ClaimAsync(long id, ConsultationStatus from, ConsultationStatus to, CancellationToken ct) =>
        await db.Set<ConsultationRequest>().Where(r => r.Id == id && r.Status == from)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, to), ct) == 1
            ? await db.Set<ConsultationRequest>().FirstAsync(r => r.Id == id, ct)
            : null;

    public async Task<Result<ConsultationCountsDto>> CountsAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<ConsultationCountsDto>.Forbidden();
        await ExpireDueAsync(ct);
        var counts = await db.Set<ConsultationRequest>().AsNoTracking().GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int C(ConsultationStatus s) => counts.GetValueOrDefault(s);
        return new ConsultationCountsDto(C(ConsultationStatus.Pending), C(ConsultationStatus.Proposed), C(ConsultationStatus.Accepted),
            C(ConsultationStatus.Declined), C(ConsultationStatus.Expired), counts.Values.Sum());
    }

    /// <summary>Marks expired every request of this tenant that waited for an answer longer than 14 days.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = now - ConsultationRequest.ExpiresAfter;
        return await db.Set<ConsultationRequest>()
            .Where(r => (r.Status == ConsultationStatus.Pending || r.Status == ConsultationStatus.Proposed) && r.WaitingSince <= due)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ConsultationStatus.Expired).SetProperty(r => r.DecidedAt, now), ct);
    }

    async Task<(MemberSession Me, ConsultationRequest? Request, Result<ConsultationDto> Problem)> LoadAsync(long id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        await ExpireDueAsync(ct);
        var request = await db.Set<ConsultationRequest>().FirstOrDefaultAsync(r => r.Id == id && (r.RequesterMemberId == me.MemberId || r.RecipientMemberId == me.MemberId), ct);
        return (me, request, Result<ConsultationDto>.NotFound());
    }

    async Task<Result<ConsultationDto>> DtoAsync(long id, MemberSession me, CancellationToken ct)
    {
        var row = await Project(db.Set<ConsultationRequest>().AsNoTracking()
            .Where(r => r.Id == id && (r.RequesterMemberId == me.MemberId || r.RecipientMemberId == me.MemberId))).FirstOrDefaultAsync(ct);
        return row is null ? Result<ConsultationDto>.NotFound() : ToDto(row, me);
    }

    sealed class Row
    {
        public required ConsultationRequest Request { get; init; }
        public required Member Requester { get; init; }
        public required Member Recipient { get; init; }
    }

    IQueryable<Row> Project(IQueryable<ConsultationRequest> query) =>
        from r in query
        join a in db.Members on r.RequesterMemberId equals a.Id
        join b in db.Members on r.RecipientMemberId equals b.Id
        select new Row { Request = r, Requester = a, Recipient = b };

    ConsultationDto ToDto(Row row, MemberSession me)
    {
        var r = row.Request;
        var t = tenant.Tenant!;
        var waiting = r.Status is ConsultationStatus.Pending or ConsultationStatus.Proposed;
        return new ConsultationDto(r.Id, new ParticipantDto(row.Requester.Id, row.Requester.DisplayName, row.Requester.Kind.ToString()),
            new ParticipantDto(row.Recipient.Id, row.Recipient.DisplayName, row.Recipient.Kind.ToString()), r.Topic, r.Goal, WireNames.Of(r.Format),
            r.PreferredTimes, WireNames.Of(r.Status), t.ToLocal(r.CreatedAt), waiting ? t.ToLocal(r.WaitingSince + ConsultationRequest.ExpiresAfter) : null,
            r.ProposedTimes, r.DeclineMessage, r.ConversationId,
            CanAccept: ConsultationRules.Accept(me.MemberId, r) is null,
            CanPropose: ConsultationRules.Propose(me.MemberId, r) is null,
            CanDecline: ConsultationRules.Decline(me.MemberId, r) is null);
    }
}

/// <summary>Marker for the consultations' strings (ConsultationTexts.resx, ConsultationTexts.ja.resx).</summary>
public sealed class ConsultationTexts;

/// <summary>
/// Marks requests expired in every network on the outbox worker's timer, so the state is right in the
/// database even for requests nobody opens (the service also brings it up to date before each read).
/// </summary>
public sealed class ConsultationExpiryJob(TimeProvider clock) : Infrastructure.Outbox.IPeriodicJob
{
    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        Infrastructure.Tenancy.EveryTenant.ForEachAsync(services, async tenantServices =>
        {
            var db = tenantServices.GetRequiredService<AlumniDb>();
            var now = clock.GetUtcNow();
            var due = now - ConsultationRequest.ExpiresAfter;
            await db.Set<ConsultationRequest>()
                .Where(r => (r.Status == ConsultationStatus.Pending || r.Status == ConsultationStatus.Proposed) && r.WaitingSince <= due)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ConsultationStatus.Expired).SetProperty(r => r.DecidedAt, now), ct);
        }, ct);
}
