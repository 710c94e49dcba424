using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Notifications;

public sealed record NotificationDto(long Id, string Type, long? PostId, string? Actor, string Subject, DateTimeOffset CreatedAt, bool Read, string? Link = null);
public sealed record NotificationListDto(IReadOnlyList<NotificationDto> Items, int Page, int PageSize, int Total, int UnreadCount);
public sealed record NotificationSettingsDto(IReadOnlyDictionary<string, string> Delivery);

/// <summary>
/// Creates notifications and delivers them as each member chose: in the app only, by mail at once
/// (through the outbox, in the member's language), or in the weekly digest. Callers save.
/// </summary>
public sealed class NotificationService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, IStringLocalizer<NotificationTexts> texts,
    AppLinks links, Newsletters.MailCap cap, Newsletters.Unsubscribe unsubscribe)
{
    public static readonly IReadOnlyDictionary<NotificationType, Delivery> Defaults = new Dictionary<NotificationType, Delivery>
    {
        [NotificationType.Reply] = Delivery.Email, [NotificationType.Reaction] = Delivery.InApp, [NotificationType.Mention] = Delivery.Email,
        [NotificationType.Announcement] = Delivery.Email, [NotificationType.ReportDecision] = Delivery.Email,
        [NotificationType.Message] = Delivery.Email, [NotificationType.ConsultationRequest] = Delivery.Email,
        [NotificationType.ConsultationAccepted] = Delivery.Email, [NotificationType.ConsultationProposed] = Delivery.Email,
        [NotificationType.ConsultationDeclined] = Delivery.Email,
        [NotificationType.WaitlistPromoted] = Delivery.Email, [NotificationType.EventReminder] = Delivery.Email,
        [NotificationType.SpacePost] = Delivery.InApp, [NotificationType.SpaceEvent] = Delivery.Email,
        [NotificationType.SpaceInvitation] = Delivery.Email, [NotificationType.SpaceJoined] = Delivery.Email,
    };

    /// <summary>
    /// Notifies each recipient once (never the actor); the link goes to the post when there is one, else to
    /// <paramref name="link"/> (a path). A <paramref name="note"/> (a personal message) is added to the mail as written.
    /// A caller whose mail says more than one sentence (an event's date and place) passes <paramref name="mail"/>,
    /// called in the recipient's language for those who chose mail.
    /// </summary>
    public async Task NotifyAsync(IReadOnlyCollection<long> recipients, NotificationType type, long? postId, long? actorId, string subject, CancellationToken ct,
        string? link = null, string? note = null, Func<(string Subject, string Body)>? mail = null)
    {
        var ids = recipients.Where(r => r != actorId).Distinct().ToList();
        if (ids.Count == 0) return;
        var now = clock.GetUtcNow();
        var people = await db.Members.AsNoTracking().Approved().Where(m => ids.Contains(m.Id))
            // Announcements are company news: nobody who withdrew that purpose of use gets one, whoever calls this.
            .Where(m => type != NotificationType.Announcement || (m.WithheldPurposes & Privacy.Purpose.CompanyNews) == Privacy.Purpose.None)
            .Select(m => new { m.Id, m.User!.Email, m.User.PreferredCulture }).ToListAsync(ct);
        var chosen = await db.Set<NotificationPreference>().AsNoTracking().Where(p => ids.Contains(p.MemberId) && p.Type == type)
            .ToDictionaryAsync(p => p.MemberId, p => p.Delivery, ct);
        var actor = actorId is null ? null : await db.Members.AsNoTracking().Where(m => m.Id == actorId)
            .Select(m => new { m.FamilyName, m.GivenName, m.RomanizedName }).FirstOrDefaultAsync(ct);
        // The actor's name in the recipient's language (romanised in English): call it inside Cultures.Use.
        string ActorName() => actor is null ? "" : PersonName.Display(actor.FamilyName, actor.GivenName, actor.RomanizedName);
        var short_ = subject.Length > 300 ? subject[..300] : subject;
        var pushTo = people.Where(p => chosen.TryGetValue(p.Id, out var d) && d == Delivery.Push).Select(p => p.Id).ToList();
        var devices = (pushTo.Count == 0 ? [] : await db.Set<PushSubscription>().AsNoTracking().Where(s => pushTo.Contains(s.MemberId))
            .Select(s => new { s.Id, s.MemberId }).ToListAsync(ct)).ToLookup(s => s.MemberId, s => s.Id);
        string MailKey(long member) => $"notify:{type}:{postId}:{link}:{actorId}:{member}:{now.UtcTicks}";
        string PushKey(long device) => $"push:{type}:{postId}:{link}:{actorId}:{device}:{now.UtcTicks}";
        // What an identical call in the same instant queued already, in one query rather than one per recipient.
        var keys = people.Select(p => MailKey(p.Id)).Concat(devices.SelectMany(g => g).Select(PushKey)).ToList();
        var queued = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct)).ToHashSet();
        // Announcement mail is network mail: not to those who unsubscribed from it (one click) or whose address bounced, and
        // within the weekly cap it shares with newsletters. The notification in the app they get all the same.
        var network = type == NotificationType.Announcement;
        var optedOut = !network ? [] : (await db.Set<Newsletters.MailOptOut>().AsNoTracking()
            .Where(o => ids.Contains(o.MemberId) && o.Kind == Newsletters.MailKind.Announcement).Select(o => o.MemberId).ToListAsync(ct)).ToHashSet();
        var addresses = people.Select(p => p.Email!.ToLower()).ToList();
        var bounced = !network ? [] : (await db.Set<Newsletters.UndeliverableAddress>().AsNoTracking()
            .Where(a => addresses.Contains(a.Email)).Select(a => a.Email).ToListAsync(ct)).ToHashSet();
        var limit = network ? await cap.LimitAsync(ct) : 0;
        foreach (var p in people)
        {
            var n = new Notification { MemberId = p.Id, Type = type, PostId = postId, ActorMemberId = actorId, Subject = short_, Link = link, CreatedAt = now };
            db.Add(n);
            var delivery = chosen.TryGetValue(p.Id, out var d) ? d : Defaults[type];
            if (delivery == Delivery.Push)
            {
                // Without a subscribed browser the bell is all there is (the settings page says so).
                string title, text;
                using (Cultures.Use(p.PreferredCulture))
                {
                    var actorName = ActorName();
                    title = texts["Mail." + type + "Subject", tenant.Tenant!.ShownName, actorName, short_];
                    text = texts["Type." + type, actorName, short_];
                }
                var payload = PushPayload.Json(title, text, postId is not null ? $"/posts/{postId}" : link ?? "/notifications");
                foreach (var device in devices[p.Id].Where(d => !queued.Contains(PushKey(d))))
                    await db.EnqueuePushAsync(tenant.TenantId, PushKey(device), device, title, payload, now, ct, fresh: true);
                continue;
            }
            if (delivery != Delivery.Email || queued.Contains(MailKey(p.Id))) continue;
            if (network && (optedOut.Contains(p.Id) || bounced.Contains(p.Email!.ToLower()) || !await cap.TakeAsync(p.Id, limit, now, ct))) continue;
            string mailSubject, body;
            using (Cultures.Use(p.PreferredCulture))
            {
                // The actor's name in the recipient's language (romanised in an English mail).
                var actorName = ActorName();
                if (mail is not null) (mailSubject, body) = mail();
                else
                {
                    mailSubject = texts["Mail." + type + "Subject", tenant.Tenant!.ShownName, actorName, short_];
                    var sentence = texts["Type." + type, actorName, short_].Value;
                    if (!string.IsNullOrWhiteSpace(note)) sentence += "\n\n" + texts["Mail.Note", actorName] + "\n" + note;
                    body = texts["Mail.Body", sentence, links.To(postId is not null ? $"/posts/{postId}" : link ?? "/notifications"), links.To("/notifications/settings")];
                }
            }
            await db.EnqueueMailAsync(tenant.TenantId, MailKey(p.Id), p.Email!, mailSubject, body, now, ct, fresh: true,
                headers: network ? unsubscribe.Headers(p.Id, Newsletters.MailKind.Announcement) : null);
        }
    }

    public async Task<Result<NotificationListDto>> ListAsync(int page, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (page is < 1 or > 100_000) return FieldErrors.Of("page", "Validation.PageInvalid");
        const int size = 30;
        var query = db.Set<Notification>().AsNoTracking().Where(n => n.MemberId == me.MemberId);
        var total = await query.CountAsync(ct);
        var unread = await query.CountAsync(n => n.ReadAt == null, ct);
        // The actor by a join on the page's rows: a correlated FirstOrDefault numbers every member of the network.
        var rows = await (
            from n in query.OrderByDescending(n => n.Id).Skip((page - 1) * size).Take(size)
            join m in db.Members on n.ActorMemberId equals (long?)m.Id into actors
            from a in actors.DefaultIfEmpty()
            orderby n.Id descending
            select new
            {
                n.Id, n.Type, n.PostId, n.Subject, n.Link, n.CreatedAt, n.ReadAt,
                Actor = a == null ? null : new { a.FamilyName, a.GivenName, a.RomanizedName },
            }).ToListAsync(ct);
        var t = tenant.Tenant!;
        return new NotificationListDto(rows.Select(r => new NotificationDto(r.Id, WireNames.Of(r.Type), r.PostId,
            r.Actor is null ? null : PersonName.Display(r.Actor.FamilyName, r.Actor.GivenName, r.Actor.RomanizedName), r.Subject, t.ToLocal(r.CreatedAt), r.ReadAt is not null, r.Link)).ToList(),
            page, size, total, unread);
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        return me?.IsApproved == true ? await db.Set<Notification>().CountAsync(n => n.MemberId == me.MemberId && n.ReadAt == null, ct) : 0;
    }

    /// <summary>Marks mine read: all, or the ones given.</summary>
    /// <summary>The most notifications one call marks by id (a list is a query parameter each; the fuzzer's 100k gave a 500 on SQLite).</summary>
    public const int MarkReadLimit = 500;

    public async Task<Result<int>> MarkReadAsync(IReadOnlyList<long>? ids, CancellationToken ct)
    {
        if (ids is { Count: > MarkReadLimit }) return FieldErrors.Of("ids", "Validation.TooMany", MarkReadLimit);
        var me = await current.RequireAsync(ct);
        var now = clock.GetUtcNow();
        var query = db.Set<Notification>().Where(n => n.MemberId == me.MemberId && n.ReadAt == null);
        if (ids is { Count: > 0 }) query = query.Where(n => ids.Contains(n.Id));
        return await query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<NotificationSettingsDto> SettingsAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var chosen = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.MemberId == me.MemberId).ToDictionaryAsync(p => p.Type, p => p.Delivery, ct);
        return new NotificationSettingsDto(Enum.GetValues<NotificationType>().ToDictionary(
            t => WireNames.Of(t), t => WireNames.Of(chosen.TryGetValue(t, out var d) ? d : Defaults[t])));
    }

    public async Task<Result<NotificationSettingsDto>> SaveSettingsAsync(IReadOnlyDictionary<string, string>? delivery, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var errors = new FieldErrors();
        var parsed = new Dictionary<NotificationType, Delivery>();
        foreach (var (key, value) in delivery ?? new Dictionary<string, string>())
        {
            var type = Check.Enum<NotificationType>(errors, "delivery." + key, key, required: true);
            var d = Check.Enum<Delivery>(errors, "delivery." + key, value, required: true);
            if (type is not null && d is not null) parsed[type.Value] = d.Value;
        }
        if (errors.Any) return errors;
        var existing = await db.Set<NotificationPreference>().Where(p => p.MemberId == me.MemberId).ToListAsync(ct);
        foreach (var (type, d) in parsed)
        {
            var row = existing.FirstOrDefault(p => p.Type == type);
            if (row is null) db.Add(new NotificationPreference { MemberId = me.MemberId, Type = type, Delivery = d });
            else row.Delivery = d;
        }
        await db.SaveChangesAsync(ct);
        return await SettingsAsync(ct);
    }
}
