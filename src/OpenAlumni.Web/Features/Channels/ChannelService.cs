using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Channels;

/// <summary>
/// The secretariat's chat channels: add one (its webhook URL checked per kind and stored encrypted), list them with how their
/// deliveries went, pause, resume, change what they hear or their language, replace the URL, delete, and send a test.
/// Admins only for now, space channels included: a space's moderators do not manage them (the URL is a secret of the network's).
/// </summary>
public sealed class ChannelService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, ChannelSecrets secrets,
    WebhookPoster poster, IOptions<ChannelOptions> options, AuditLog audit, IStringLocalizer<ChannelTexts> texts, AppLinks links)
{
    static readonly string[] EventNames = Enum.GetValues<ChannelEvents>().Where(e => e != ChannelEvents.None).Select(WireNames.Of).ToArray();

    async Task<bool> IsAdminAsync(CancellationToken ct) => (await current.RequireAsync(ct)).IsAdmin;

    public async Task<Result<ChannelListDto>> ListAsync(CancellationToken ct)
    {
        if (!await IsAdminAsync(ct)) return Result<ChannelListDto>.Forbidden();
        var items = await ProjectAsync(db.Set<Channel>().AsNoTracking(), ct);
        return new ChannelListDto(items, 1, ChannelLimits.PerNetwork, items.Count);
    }

    public async Task<Result<ChannelDto>> GetAsync(long id, CancellationToken ct)
    {
        if (!await IsAdminAsync(ct)) return Result<ChannelDto>.Forbidden();
        return (await ProjectAsync(db.Set<Channel>().AsNoTracking().Where(c => c.Id == id), ct)).FirstOrDefault() is { } dto ? dto : Result<ChannelDto>.NotFound();
    }

    /// <summary>The spaces a channel may be bound to (the admin's page offers them).</summary>
    public async Task<IReadOnlyList<ChannelSpaceDto>> SpacesAsync(CancellationToken ct)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return (await db.Set<Spaces.Space>().AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.NameEn }).ToListAsync(ct))
            .Select(s => new ChannelSpaceDto(s.Id, english && !string.IsNullOrEmpty(s.NameEn) ? s.NameEn : s.Name)).ToList();
    }

    public async Task<Result<ChannelDto>> CreateAsync(ChannelInput input, CancellationToken ct)
    {
        if (!await IsAdminAsync(ct)) return Result<ChannelDto>.Forbidden();
        var errors = new FieldErrors();
        var kind = Check.Enum<ChannelKind>(errors, "kind", input.Kind, required: true);
        var now = clock.GetUtcNow();
        var c = new Channel { ProtectedUrl = "", UrlHint = "", Language = Cultures.Normalize(tenant.Tenant!.DefaultCulture), Kind = kind ?? default, CreatedAt = now, UpdatedAt = now };
        Apply(c, kind, input, errors, creating: true);
        if (input.SpaceId is { } space && !await db.Set<Spaces.Space>().AnyAsync(s => s.Id == space, ct)) errors.Add("spaceId", "Posts.SpaceNotFound");
        c.SpaceId = input.SpaceId;
        if (await db.Set<Channel>().CountAsync(ct) >= ChannelLimits.PerNetwork) errors.Add("kind", "Validation.TooMany", ChannelLimits.PerNetwork);
        if (errors.Any) return errors;
        db.Add(c);
        await db.SaveChangesAsync(ct);
        await audit.AddAsync("channel.create", "channel", c.Id.ToString(CultureInfo.InvariantCulture), null, Audited(c), ct);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(c.Id, ct)).Value!;
    }

    public async Task<Result<ChannelDto>> UpdateAsync(long id, ChannelInput input, CancellationToken ct)
    {
        if (!await IsAdminAsync(ct)) return Result<ChannelDto>.Forbidden();
        var c = await db.Set<Channel>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Result<ChannelDto>.NotFound();
        var before = Audited(c);
        var errors = new FieldErrors();
        if (input.Kind is not null && !string.Equals(input.Kind.Trim(), Wire(c.Kind), StringComparison.OrdinalIgnoreCase)) errors.Add("kind", "Channels.KindFixed");
        if (input.SpaceId is not null && input.SpaceId != c.SpaceId) errors.Add("spaceId", "Channels.SpaceFixed");
        Apply(c, c.Kind, input, errors, creating: false);
        if (errors.Any) return errors;
        c.UpdatedAt = clock.GetUtcNow();
        await audit.AddAsync("channel.update", "channel", c.Id.ToString(CultureInfo.InvariantCulture), before, Audited(c), ct);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(c.Id, ct)).Value!;
    }

    /// <summary>Deletes the channel; its messages still queued are given up when their turn comes (<see cref="WebhookSender"/>).</summary>
    public async Task<Result<bool>> DeleteAsync(long id, CancellationToken ct)
    {
        if (!await IsAdminAsync(ct)) return Result<bool>.Forbidden();
        var c = await db.Set<Channel>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Result<bool>.NotFound();
        db.Remove(c);
        await audit.AddAsync("channel.delete", "channel", c.Id.ToString(CultureInfo.InvariantCulture), Audited(c), null, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Posts a test message now, in the channel's language (a paused channel too: it is how one checks before resuming), and
    /// says what the receiver answered. A refusal or no answer is a 400 on <c>url</c> naming the receiver's status: the channel's
    /// address is what to fix, and a 5xx from this API would read as this server failing.
    /// </summary>
    public async Task<Result<ChannelTestDto>> TestAsync(long id, CancellationToken ct)
    {
        if (!await IsAdminAsync(ct)) return Result<ChannelTestDto>.Forbidden();
        var c = await db.Set<Channel>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Result<ChannelTestDto>.NotFound();
        ChannelMessage message;
        using (Cultures.Use(c.Language))
            message = new ChannelMessage(texts["Label.test", tenant.Tenant!.LocalName.ToString()], texts["TestTitle"], texts["TestText"], links.To("/"), texts["Open"]);
        var outcome = await poster.PostAsync(secrets.Unprotect(c.ProtectedUrl), ChannelMessages.Payload(c.Kind, message), ct);
        await audit.AddAsync("channel.test", "channel", c.Id.ToString(CultureInfo.InvariantCulture), null,
            new { kind = Wire(c.Kind), host = Host(c.UrlHint), delivered = outcome.Delivered, receiverStatus = outcome.Status }, ct);
        await db.SaveChangesAsync(ct);
        if (outcome.Delivered) return new ChannelTestDto(true, outcome.Status!.Value);
        return outcome.Status is { } status ? FieldErrors.Of("url", "Channels.TestRefused", status) : FieldErrors.Of("url", "Channels.TestUnreachable", outcome.Error!);
    }

    void Apply(Channel c, ChannelKind? kind, ChannelInput r, FieldErrors errors, bool creating)
    {
        if (creating || r.Url is not null)
        {
            if (ChannelUrls.Check(errors, kind, r.Url, options.Value.AllowAnyHost) is { } uri)
            {
                c.ProtectedUrl = secrets.Protect(uri);
                c.UrlHint = ChannelUrls.Hint(uri);
            }
        }
        if (r.Language is not null)
        {
            if (Cultures.Supported.Contains(r.Language.Trim())) c.Language = r.Language.Trim();
            else errors.Add("language", "Validation.OneOf", string.Join(", ", Cultures.Supported));
        }
        if (creating || r.Events is not null)
        {
            var events = ChannelEvents.None;
            foreach (var name in r.Events ?? [])
            {
                if (EventNames.FirstOrDefault(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } known) events |= Enum.Parse<ChannelEvents>(known, ignoreCase: true);
                else { errors.Add("events", "Validation.OneOf", string.Join(", ", EventNames)); break; }
            }
            if (events == ChannelEvents.None && !errors.Items.Any(e => e.Field == "events")) errors.Add("events", "Validation.Required");
            c.Events = events;
        }
        if (r.Paused is { } paused) c.Paused = paused;
    }

    /// <summary>What the audit log keeps of a channel: never its URL (not even masked), only its host.</summary>
    static object Audited(Channel c) => new
    {
        kind = Wire(c.Kind), host = Host(c.UrlHint), language = c.Language, events = Events(c.Events), spaceId = c.SpaceId, paused = c.Paused,
    };

    internal static string Wire(ChannelKind kind) => kind.ToString().ToLowerInvariant();

    internal static string Host(string hint) => hint.Split("/…")[0];

    internal static IReadOnlyList<string> Events(ChannelEvents events) =>
        EventNames.Where(n => events.HasFlag(Enum.Parse<ChannelEvents>(n, ignoreCase: true))).ToList();

    async Task<List<ChannelDto>> ProjectAsync(IQueryable<Channel> query, CancellationToken ct)
    {
        var rows = await query.OrderBy(c => c.Id).Take(ChannelLimits.PerNetwork).ToListAsync(ct);
        var spaceIds = rows.Where(c => c.SpaceId != null).Select(c => c.SpaceId!.Value).Distinct().ToList();
        var spaces = spaceIds.Count == 0 ? [] : (await SpacesAsync(ct)).Where(s => spaceIds.Contains(s.Id)).ToDictionary(s => s.Id, s => s.Name);
        var ids = rows.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var tenantId = tenant.Tenant!.Id;
        // The outbox is one queue for every network: its rows are matched by tenant as well as by channel.
        var pending = ids.Count == 0 ? [] : await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.Channel == OutboxChannel.Webhook && m.Status == OutboxStatus.Pending && ids.Contains(m.To))
            .GroupBy(m => m.To).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var t = tenant.Tenant!;
        return rows.Select(c => new ChannelDto(c.Id, Wire(c.Kind), c.UrlHint, Host(c.UrlHint), c.Language, Events(c.Events), c.SpaceId,
            c.SpaceId is { } s ? spaces.GetValueOrDefault(s) : null, c.Paused, t.ToLocal(c.CreatedAt), t.ToLocal(c.UpdatedAt),
            new ChannelDeliveryDto(c.LastSentAt is { } sent ? t.ToLocal(sent) : null, c.LastFailedAt is { } failed ? t.ToLocal(failed) : null, c.LastError,
                c.Failures, pending.GetValueOrDefault(c.Id.ToString(CultureInfo.InvariantCulture))))).ToList();
    }
}
