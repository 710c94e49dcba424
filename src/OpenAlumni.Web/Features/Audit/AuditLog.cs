using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Audit;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, long? ActorMemberId, string? Actor, string Action, string TargetType, string? TargetId,
    string? Before, string? After)
{
    /// <summary>The entry as a sentence in the reader's language, names resolved when read (the log keeps ids).</summary>
    public string Sentence { get; init; } = "";
    /// <summary>The target's name when it is a member (or an event's title), resolved when read; null otherwise.</summary>
    public string? TargetName { get; init; }
    /// <summary>The values of before/after that the sentence has no room for, as label and value.</summary>
    public IReadOnlyList<AuditDetail> Details { get; init; } = [];
}

public sealed record AuditDetail(string Label, string Value);

/// <summary>A person who appears in the log as an actor, for the filter.</summary>
public sealed record AuditActorDto(long Id, string Name);

public sealed record AuditQuery(string? Action = null, long? Actor = null, string? TargetType = null, string? TargetId = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1);

/// <summary>
/// The tenant's audit log. <see cref="AddAsync"/> adds an entry to the context without saving, so the caller's
/// SaveChanges commits the change and its record together (or neither). Entries name members by id only:
/// never put emails, names or other contact data in <c>before</c>/<c>after</c>.
/// </summary>
public sealed class AuditLog(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, IStringLocalizer<AuditTexts> texts)
{
    public const int PageSize = 50;

    /// <summary>Every action the app records (the filter offers these, each with its label <c>Action.&lt;code&gt;</c>).</summary>
    public static readonly string[] Actions =
    [
        "registration.approve", "registration.reject", "member.suspend", "member.reinstate", "member.role", "member.kind", "member.merge",
        "member.export", "member.export_self", "member.delete_self", "roster.import", "invitation.create", "invitation.resend",
        "invitation.revoke", "content.hide", "content.restore", "report.dismiss", "event.create", "event.update", "event.publish", "event.cancel", "event.export_attendees",
        "settings.update", "settings.logo", "privacy.policy_publish",
        "space.create", "space.update", "space.approve", "space.decline", "space.invite", "space.moderator_appoint", "space.moderator_remove",
        "supporter.appoint", "supporter.remove", "content.pin", "content.unpin",
        "outcome.create", "outcome.update", "outcome.delete", "outcome.values",
        "channel.create", "channel.update", "channel.delete", "channel.test",
        "sso.update", "sso.delete", "sso.signin",
        "scim.token.create", "scim.token.revoke", "scim.user.create", "scim.user.claim", "scim.user.update", "scim.user.delete", "invitation.leaver",
    ];

    public async Task AddAsync(string action, string targetType, string? targetId, object? before, object? after, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        db.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), ActorMemberId = actor?.MemberId, Action = action, TargetType = targetType, TargetId = targetId,
            Before = Serialize(before), After = Serialize(after),
        });
    }

    static string? Serialize(object? state) => state switch
    {
        null => null,
        string s => Truncate(s),
        _ => Truncate(JsonSerializer.Serialize(state, JsonSerializerOptions.Web)),
    };

    static string Truncate(string s) => s.Length <= AuditLimits.State ? s : s[..AuditLimits.State];

    /// <summary>Admins browse the log, newest first, filtered by action (a prefix such as <c>member.</c>), actor, target and dates.</summary>
    public async Task<Result<PageDto<AuditEntryDto>>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<PageDto<AuditEntryDto>>.Forbidden();
        var errors = new FieldErrors();
        if (query.Page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        // Days outside these years cannot be turned into the UTC bounds the query needs (9999-12-31 has no next day),
        // and no audit entry lies there; the fuzzer found the 500.
        if (query.From is { Year: < AuditLimits.FirstYear or > AuditLimits.LastYear }) errors.Add("from", "Validation.DateOutOfRange", AuditLimits.FirstYear, AuditLimits.LastYear);
        if (query.To is { Year: < AuditLimits.FirstYear or > AuditLimits.LastYear }) errors.Add("to", "Validation.DateOutOfRange", AuditLimits.FirstYear, AuditLimits.LastYear);
        if (query.From is { } f && query.To is { } t && t < f) errors.Add("to", "Validation.DateRangeInvalid");
        var action = Check.Text(errors, "action", query.Action, AuditLimits.Action);
        var targetType = Check.Text(errors, "targetType", query.TargetType, AuditLimits.TargetType);
        var targetId = Check.Text(errors, "targetId", query.TargetId, AuditLimits.TargetId);
        if (errors.Any) return errors;

        var rows = db.Set<AuditEntry>().AsNoTracking();
        // A known action is that action only (member.export is not member.export_self); anything else is a family by
        // its prefix ("member." lists every action on members), as API clients have used it.
        if (action is not null && Actions.Contains(action)) rows = rows.Where(a => a.Action == action);
        else if (action is not null) rows = rows.Where(a => a.Action.StartsWith(action));
        if (query.Actor is { } actor) rows = rows.Where(a => a.ActorMemberId == actor);
        if (targetType is not null) rows = rows.Where(a => a.TargetType == targetType);
        if (targetId is not null) rows = rows.Where(a => a.TargetId == targetId);
        // Dates are the tenant's calendar days.
        var zone = tenant.Tenant!.TimeZoneInfo;
        if (query.From is { } from) { var start = StartOfDay(from, zone); rows = rows.Where(a => a.At >= start); }
        if (query.To is { } to) { var end = StartOfDay(to.AddDays(1), zone); rows = rows.Where(a => a.At < end); }

        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(a => a.Id).Skip((query.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        // Names are resolved now, in one query for the whole page (actors and member targets together): a rename
        // shows the new name, and an erased member's id shows as such.
        var memberIds = page.Select(a => a.ActorMemberId).OfType<long>()
            .Concat(page.Where(a => a.TargetType == "member").Select(a => long.TryParse(a.TargetId, out var id) ? id : 0).Where(id => id > 0))
            .Distinct().ToList();
        var names = await NamesAsync(memberIds, ct);
        var eventIds = page.Where(a => a.TargetType == "event").Select(a => long.TryParse(a.TargetId, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
        var events = eventIds.Count == 0 ? [] : await db.Set<Events.Event>().AsNoTracking().Where(e => eventIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Title }).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        return new PageDto<AuditEntryDto>(page.Select(e => Describe(e, names, events)).ToList(), query.Page, PageSize, total);
    }

    /// <summary>The people who appear in the log as actors, by name, for the filter.</summary>
    public async Task<Result<IReadOnlyList<AuditActorDto>>> ActorsAsync(CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin) return Result<IReadOnlyList<AuditActorDto>>.Forbidden();
        var ids = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.ActorMemberId != null).Select(a => a.ActorMemberId!.Value).Distinct().ToListAsync(ct);
        var names = await NamesAsync(ids, ct);
        return ids.Select(id => new AuditActorDto(id, names.TryGetValue(id, out var n) ? n : texts["Deleted", id].Value))
            .OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    async Task<Dictionary<long, string>> NamesAsync(List<long> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : (await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id) && m.Status != MemberStatus.Former)
            .Select(m => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => PersonName.Display(m.FamilyName, m.GivenName, m.RomanizedName));

    AuditEntryDto Describe(AuditEntry e, Dictionary<long, string> names, Dictionary<long, string> events)
    {
        string Person(long id) => names.TryGetValue(id, out var n) ? n : texts["Deleted", id].Value;
        var actor = e.ActorMemberId is { } a ? Person(a) : texts["System"].Value;
        var targetId = long.TryParse(e.TargetId, out var t) ? t : 0;
        string? targetName = e.TargetType switch
        {
            "member" when targetId > 0 => Person(targetId),
            "event" when targetId > 0 => events.TryGetValue(targetId, out var title) ? title : texts["Deleted", targetId].Value,
            _ => null,
        };
        var before = Values(e.Before);
        var after = Values(e.After);
        var template = texts["Sentence." + e.Action];
        var used = new HashSet<string>();
        string sentence;
        if (template.ResourceNotFound)
            sentence = texts["Sentence.Unknown", actor, e.Action, targetName ?? $"{e.TargetType} {e.TargetId}".Trim()].Value;
        else
        {
            // Placeholders: {actor}, {target}, {type} (the target's kind), {before.key} and {after.key} (a value of the
            // JSON), {skip.key} (a value the sentence already says, e.g. the status of a suspension: not repeated below).
            sentence = System.Text.RegularExpressions.Regex.Replace(template.Value, @"\{(actor|target|type|(skip|before|after)\.(\w+))\}", m =>
            {
                switch (m.Groups[1].Value)
                {
                    case "actor": return actor;
                    case "target": return targetName ?? e.TargetId ?? "";
                    case "type": return texts["Type." + e.TargetType] is { ResourceNotFound: false } type ? type.Value : e.TargetType;
                }
                var key = m.Groups[3].Value;
                used.Add(key);
                var from = m.Groups[2].Value == "before" ? before : after;
                return m.Groups[2].Value != "skip" && from.TryGetValue(key, out var v) ? Shown(v) : "";
            });
        }
        var details = new List<AuditDetail>();
        foreach (var key in before.Keys.Union(after.Keys).Where(k => !used.Contains(k)))
        {
            var label = texts["Field." + key] is { ResourceNotFound: false } l ? l.Value : key;
            var value = (before.TryGetValue(key, out var b), after.TryGetValue(key, out var x)) switch
            {
                (true, true) => Shown(b!) + " → " + Shown(x!),
                (true, false) => Shown(b!) + " → ",
                _ => Shown(x!),
            };
            details.Add(new AuditDetail(label, value));
        }
        return new AuditEntryDto(e.Id, tenant.Tenant!.ToLocal(e.At), e.ActorMemberId, e.ActorMemberId is { } id && names.TryGetValue(id, out var an) ? an : null,
            e.Action, e.TargetType, e.TargetId, e.Before, e.After) { Sentence = sentence, TargetName = targetName, Details = details };
    }

    /// <summary>A stored value as a reader sees it: wire names (suspended, admin, true) through <c>Value.&lt;name&gt;</c> when labelled.</summary>
    string Shown(string value) =>
        texts["Value." + value] is { ResourceNotFound: false } l ? l.Value : value;

    /// <summary>The top-level values of a before/after JSON object as text (nested ones as compact JSON).</summary>
    static Dictionary<string, string> Values(string? json)
    {
        var result = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(json)) return result;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return result;
            foreach (var p in doc.RootElement.EnumerateObject())
                result[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString() ?? "",
                    JsonValueKind.Array => string.Join(", ", p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                    JsonValueKind.Object => string.Join(", ", p.Value.EnumerateObject().Where(x => x.Value.ValueKind is not JsonValueKind.Null)
                        .Select(x => $"{x.Name}: {(x.Value.ValueKind == JsonValueKind.String ? x.Value.GetString() : x.Value.GetRawText())}")),
                    JsonValueKind.Null => "",
                    _ => p.Value.GetRawText(),
                };
        }
        catch (JsonException)
        {
            // An entry written as plain text (older ones): shown as it is.
            result["value"] = json;
        }
        return result;
    }

    static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
