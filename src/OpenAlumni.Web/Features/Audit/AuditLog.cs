using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Audit;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, long? ActorMemberId, string? Actor, string Action, string TargetType, string? TargetId,
    string? Before, string? After);

public sealed record AuditQuery(string? Action = null, long? Actor = null, string? TargetType = null, string? TargetId = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1);

/// <summary>
/// The tenant's audit log. <see cref="AddAsync"/> adds an entry to the context without saving, so the caller's
/// SaveChanges commits the change and its record together (or neither). Entries name members by id only:
/// never put emails, names or other contact data in <c>before</c>/<c>after</c>.
/// </summary>
public sealed class AuditLog(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock)
{
    public const int PageSize = 50;

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
        if (action is not null) rows = rows.Where(a => a.Action.StartsWith(action));
        if (query.Actor is { } actor) rows = rows.Where(a => a.ActorMemberId == actor);
        if (targetType is not null) rows = rows.Where(a => a.TargetType == targetType);
        if (targetId is not null) rows = rows.Where(a => a.TargetId == targetId);
        // Dates are the tenant's calendar days.
        var zone = tenant.Tenant!.TimeZoneInfo;
        if (query.From is { } from) { var start = StartOfDay(from, zone); rows = rows.Where(a => a.At >= start); }
        if (query.To is { } to) { var end = StartOfDay(to.AddDays(1), zone); rows = rows.Where(a => a.At < end); }

        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(a => a.Id).Skip((query.Page - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                Entry = a,
                Name = db.Members.Where(m => m.Id == a.ActorMemberId).Select(m => new { m.FamilyName, m.GivenName }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new PageDto<AuditEntryDto>(page.Select(r => new AuditEntryDto(r.Entry.Id, tenant.Tenant.ToLocal(r.Entry.At), r.Entry.ActorMemberId,
            r.Name is null ? null : PersonName.Display(r.Name.FamilyName, r.Name.GivenName), r.Entry.Action, r.Entry.TargetType, r.Entry.TargetId,
            r.Entry.Before, r.Entry.After)).ToList(), query.Page, PageSize, total);
    }

    static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
