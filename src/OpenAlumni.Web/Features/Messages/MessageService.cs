using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Markdown;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Messages;

/// <summary>
/// Direct messages between approved members of one tenant. Only a conversation's participants read it:
/// no admin bypass (an admin reads a message only when it is reported, through <see cref="MessageReportService"/>).
/// A block in either direction stops messages between two members.
/// </summary>
public sealed class MessageService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock,
    MarkdownRenderer markdown, NotificationService notifications, IHubContext<MessagesHub> hub,
    Infrastructure.Observability.AlumniMetrics metrics)
{
    const int PageSize = 30, MessagePage = 200;

    /// <summary>
    /// Whether the current member may write to this one (the profile's button): an approved member other than oneself,
    /// with no block between the two whoever set it, as <see cref="StartAsync"/> requires.
    /// </summary>
    public async Task<bool> CanWriteToAsync(long memberId, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        return memberId != me.MemberId && await db.Members.Approved().AnyAsync(m => m.Id == memberId, ct)
            && !await MemberBlocks.AnyBetweenAsync(db, me.MemberId, [memberId], ct);
    }

    /// <summary>Starts a conversation with the given members and its first message; with one other member, an existing one-to-one conversation continues instead.</summary>
    public async Task<Result<ConversationCreatedDto>> StartAsync(StartConversationInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var errors = new FieldErrors();
        var others = (input.MemberIds ?? []).Where(id => id != me.MemberId).Distinct().ToList();
        if (others.Count == 0) errors.Add("memberIds", "Messages.NoRecipients");
        else if (others.Count > MessageLimits.Participants) errors.Add("memberIds", "Messages.TooManyRecipients", MessageLimits.Participants);
        else if (await db.Members.Approved().CountAsync(m => others.Contains(m.Id), ct) != others.Count)
            errors.Add("memberIds", "Messages.MemberUnknown");
        var body = Check.MarkdownText(errors, "body", input.Body, MessageLimits.Body, required: true);
        if (errors.Any) return errors;
        if (await MemberBlocks.AnyBetweenAsync(db, me.MemberId, others, ct)) return Result<ConversationCreatedDto>.Forbidden();
        // Nor a group that would put two people who blocked each other in one room.
        if (others.Count > 1 && await db.Set<MemberBlock>().AnyAsync(b => others.Contains(b.BlockerMemberId) && others.Contains(b.BlockedMemberId), ct))
            return Result<ConversationCreatedDto>.Forbidden();

        long? existing = null;
        if (others.Count == 1)
        {
            var other = others[0];
            existing = await db.Set<Conversation>().Where(c => c.Participants.Count == 2
                    && c.Participants.Any(p => p.MemberId == me.MemberId) && c.Participants.Any(p => p.MemberId == other))
                .OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        }
        var now = clock.GetUtcNow();
        Conversation conversation;
        if (existing is { } id) conversation = await db.Set<Conversation>().FirstAsync(c => c.Id == id, ct);
        else
        {
            conversation = new Conversation { StartedByMemberId = me.MemberId, CreatedAt = now, LastMessageAt = now };
            conversation.Participants.Add(new ConversationParticipant { MemberId = me.MemberId });
            foreach (var o in others) conversation.Participants.Add(new ConversationParticipant { MemberId = o });
            db.Add(conversation);
            await db.SaveChangesAsync(ct);
        }
        var message = await AddMessageAsync(conversation, me.MemberId, me.DisplayName, body!, ct);
        return new ConversationCreatedDto(conversation.Id, message.Id);
    }

    /// <summary>Opens a conversation that another feature starts for two members (an accepted consultation, seeded with the request); the caller has checked the rules.</summary>
    internal async Task<long> OpenForAsync(long senderId, string senderName, long otherId, string firstMessage, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var conversation = new Conversation { StartedByMemberId = senderId, CreatedAt = now, LastMessageAt = now };
        conversation.Participants.Add(new ConversationParticipant { MemberId = senderId });
        conversation.Participants.Add(new ConversationParticipant { MemberId = otherId });
        db.Add(conversation);
        await db.SaveChangesAsync(ct);
        await AddMessageAsync(conversation, senderId, senderName, firstMessage, ct, seed: true);
        return conversation.Id;
    }

    public async Task<Result<MessageDto>> SendAsync(long conversationId, MessageInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var conversation = await db.Set<Conversation>().FirstOrDefaultAsync(c => c.Id == conversationId && c.Participants.Any(p => p.MemberId == me.MemberId), ct);
        if (conversation is null) return Result<MessageDto>.NotFound();
        var errors = new FieldErrors();
        var body = Check.MarkdownText(errors, "body", input.Body, MessageLimits.Body, required: true);
        if (errors.Any) return errors;
        var others = await db.Set<ConversationParticipant>().Where(p => p.ConversationId == conversationId && p.MemberId != me.MemberId).Select(p => p.MemberId).ToListAsync(ct);
        if (await MemberBlocks.AnyBetweenAsync(db, me.MemberId, others, ct)) return Result<MessageDto>.Forbidden();
        return await AddMessageAsync(conversation, me.MemberId, me.DisplayName, body!, ct);
    }

    /// <param name="seed">The opening message a feature writes for both (already known to both): read by all, notified to none.</param>
    async Task<MessageDto> AddMessageAsync(Conversation conversation, long senderId, string senderName, string body, CancellationToken ct, bool seed = false)
    {
        var now = clock.GetUtcNow();
        var message = new Message { ConversationId = conversation.Id, SenderMemberId = senderId, Body = body, BodyHtml = markdown.ToHtml(body), CreatedAt = now };
        db.Add(message);
        conversation.LastMessageAt = now;
        await db.SaveChangesAsync(ct);
        var participants = await db.Set<ConversationParticipant>().Where(p => p.ConversationId == conversation.Id).ToListAsync(ct);
        // One notification per conversation until its reader opens it: a lively exchange does not fill their inbox.
        var toNotify = seed ? [] : participants.Where(p => p.MemberId != senderId && p.NotifiedAt is null).Select(p => p.MemberId).ToList();
        foreach (var p in participants)
        {
            if (p.MemberId == senderId || seed) p.LastReadMessageId = message.Id;
            else if (p.NotifiedAt is null) p.NotifiedAt = now;
        }
        await notifications.NotifyAsync(toNotify, NotificationType.Message, null, senderId, senderName, ct, link: $"/messages/{conversation.Id}");
        await db.SaveChangesAsync(ct);
        if (!seed) metrics.MessageSent();
        var dto = new MessageDto(message.Id, conversation.Id, senderId, senderName, message.Body, message.BodyHtml, tenant.Tenant!.ToLocal(now));
        // Delivered to each participant's own group, and only to those still approved now: a member suspended or
        // erased while their page is open receives nothing more (the page keeps only its conversation's messages).
        var ids = participants.Select(p => p.MemberId).ToList();
        var live = await db.Members.Approved().Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        await hub.Clients.Groups(live.Select(id => MessagesHub.MemberGroup(tenant.TenantId, id)).ToList()).SendAsync("message", dto, ct);
        foreach (var p in participants.Where(p => p.MemberId != senderId))
            await hub.Clients.Group(MessagesHub.MemberGroup(tenant.TenantId, p.MemberId)).SendAsync("unread", conversation.Id, ct);
        return dto;
    }

    public async Task<Result<ConversationListDto>> ListAsync(int page, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (page is < 1 or > 100_000) return FieldErrors.Of("page", "Validation.PageInvalid");
        var mine = db.Set<ConversationParticipant>().AsNoTracking().Where(p => p.MemberId == me.MemberId);
        var total = await mine.CountAsync(ct);
        var rows = await mine
            .Join(db.Set<Conversation>(), p => p.ConversationId, c => c.Id, (p, c) => new { p, c })
            .OrderByDescending(x => x.c.LastMessageAt).ThenByDescending(x => x.c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new
            {
                x.c.Id, x.c.LastMessageAt,
                Unread = db.Set<Message>().Count(m => m.ConversationId == x.c.Id && m.Id > x.p.LastReadMessageId && m.SenderMemberId != me.MemberId),
                Last = db.Set<Message>().Where(m => m.ConversationId == x.c.Id).OrderByDescending(m => m.Id).Select(m => m.Body).FirstOrDefault(),
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var people = await PeopleAsync(ids, me.MemberId, ct);
        var t = tenant.Tenant!;
        return new ConversationListDto(rows.Select(r => new ConversationSummaryDto(r.Id, people.GetValueOrDefault(r.Id) ?? [],
            r.Last is null ? null : r.Last.Length > 80 ? r.Last[..80] + "…" : r.Last, t.ToLocal(r.LastMessageAt), r.Unread)).ToList(),
            page, PageSize, total, await UnreadTotalAsync(me.MemberId, ct));
    }

    async Task<Dictionary<long, List<ParticipantDto>>> PeopleAsync(List<long> conversationIds, long? except, CancellationToken ct)
    {
        var rows = await db.Set<ConversationParticipant>().AsNoTracking()
            .Where(p => conversationIds.Contains(p.ConversationId) && p.MemberId != except)
            .Join(db.Members, p => p.MemberId, m => m.Id, (p, m) => new { p.ConversationId, m.Id, m.FamilyName, m.GivenName, m.RomanizedName, m.Kind })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ConversationId).ToDictionary(g => g.Key,
            g => g.OrderBy(r => r.Id).Select(r => new ParticipantDto(r.Id, PersonName.Display(r.FamilyName, r.GivenName, r.RomanizedName), r.Kind.ToString())).ToList());
    }

    /// <summary>The conversation and its latest messages (oldest first), for a participant only; reading it marks it read.</summary>
    public async Task<Result<ConversationDto>> GetAsync(long id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!await IsParticipantAsync(id, me.MemberId, ct)) return Result<ConversationDto>.NotFound();
        var messages = await MessagesSinceAsync(id, 0, ct);
        var people = (await PeopleAsync([id], null, ct)).GetValueOrDefault(id) ?? [];
        var others = people.Where(p => p.Id != me.MemberId).Select(p => p.Id).ToList();
        var canSend = !await MemberBlocks.AnyBetweenAsync(db, me.MemberId, others, ct);
        await MarkReadAsync(id, me.MemberId, ct);
        return new ConversationDto(id, people, messages, canSend);
    }

    /// <summary>Messages after <paramref name="after"/> (the page's polling when the live connection fails); marks them read.</summary>
    public async Task<Result<MessageListDto>> MessagesAsync(long id, long after, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!await IsParticipantAsync(id, me.MemberId, ct)) return Result<MessageListDto>.NotFound();
        var messages = await MessagesSinceAsync(id, after, ct);
        await MarkReadAsync(id, me.MemberId, ct);
        return new MessageListDto(messages, messages.Count > 0 ? messages[^1].Id : after);
    }

    Task<bool> IsParticipantAsync(long conversationId, long memberId, CancellationToken ct) =>
        db.Set<ConversationParticipant>().AnyAsync(p => p.ConversationId == conversationId && p.MemberId == memberId, ct);

    async Task<List<MessageDto>> MessagesSinceAsync(long id, long after, CancellationToken ct)
    {
        var rows = await db.Set<Message>().AsNoTracking().Where(m => m.ConversationId == id && m.Id > after)
            .OrderByDescending(m => m.Id).Take(MessagePage)
            .Join(db.Members, m => m.SenderMemberId, s => s.Id, (m, s) => new { m.Id, m.SenderMemberId, s.FamilyName, s.GivenName, s.RomanizedName, s.Status, m.Body, m.BodyHtml, m.CreatedAt })
            .ToListAsync(ct);
        var t = tenant.Tenant!;
        return rows.OrderBy(r => r.Id).Select(r => new MessageDto(r.Id, id, r.SenderMemberId,
            r.Status == MemberStatus.Former ? "" : PersonName.Display(r.FamilyName, r.GivenName, r.RomanizedName), r.Body, r.BodyHtml, t.ToLocal(r.CreatedAt), r.Status == MemberStatus.Former)).ToList();
    }

    async Task MarkReadAsync(long conversationId, long memberId, CancellationToken ct)
    {
        var last = await db.Set<Message>().Where(m => m.ConversationId == conversationId).MaxAsync(m => (long?)m.Id, ct) ?? 0;
        await db.Set<ConversationParticipant>().Where(p => p.ConversationId == conversationId && p.MemberId == memberId && (p.LastReadMessageId < last || p.NotifiedAt != null))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReadMessageId, p => p.LastReadMessageId < last ? last : p.LastReadMessageId)
                .SetProperty(p => p.NotifiedAt, (DateTimeOffset?)null), ct);
        var link = $"/messages/{conversationId}";
        var now = clock.GetUtcNow();
        // Whatever led here (new messages, an accepted consultation) has been seen.
        await db.Set<Notification>().Where(n => n.MemberId == memberId && n.Link == link && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        return me?.IsApproved == true ? await UnreadTotalAsync(me.MemberId, ct) : 0;
    }

    Task<int> UnreadTotalAsync(long memberId, CancellationToken ct) =>
        db.Set<ConversationParticipant>().Where(p => p.MemberId == memberId)
            .SelectMany(p => db.Set<Message>().Where(m => m.ConversationId == p.ConversationId && m.Id > p.LastReadMessageId && m.SenderMemberId != memberId))
            .CountAsync(ct);
}

/// <summary>Blocks between members, read by messages and consultation requests alike.</summary>
public static class MemberBlocks
{
    /// <summary>Whether a block stands, in either direction, between <paramref name="me"/> and any of <paramref name="others"/>.</summary>
    public static Task<bool> AnyBetweenAsync(AlumniDb db, long me, IReadOnlyCollection<long> others, CancellationToken ct) =>
        db.Set<MemberBlock>().AnyAsync(b => (b.BlockerMemberId == me && others.Contains(b.BlockedMemberId))
                                            || (b.BlockedMemberId == me && others.Contains(b.BlockerMemberId)), ct);

    /// <summary>Which of <paramref name="others"/> stand in a block with <paramref name="me"/>, in either direction.</summary>
    public static async Task<List<long>> BetweenAsync(AlumniDb db, long me, IReadOnlyCollection<long> others, CancellationToken ct) =>
        others.Count == 0 ? [] : await db.Set<MemberBlock>().AsNoTracking()
            .Where(b => (b.BlockerMemberId == me && others.Contains(b.BlockedMemberId)) || (b.BlockedMemberId == me && others.Contains(b.BlockerMemberId)))
            .Select(b => b.BlockerMemberId == me ? b.BlockedMemberId : b.BlockerMemberId).ToListAsync(ct);
}
