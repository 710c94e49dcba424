using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Members;

public sealed record StaleShareDto(int Stale, int Total, double Share, int IntervalDays);

/// <summary>Marker for the profile freshness strings (FreshnessTexts.resx, FreshnessTexts.ja.resx).</summary>
public sealed class FreshnessTexts;

/// <summary>
/// Profile freshness: a profile is stale when its owner has not confirmed it (registering and saving count)
/// for the network's interval (<see cref="Tenant.ProfileConfirmDays"/>, default a year). The owner of a
/// stale profile is mailed once per interval a signed one-click link; like email confirmation, opening it
/// shows a button and only the POST confirms, because mail scanners open links on their own.
/// </summary>
public sealed class ProfileFreshness(AlumniDb db, ITenantContext tenant, TimeProvider clock, IDataProtectionProvider protection,
    CurrentMember current, IStringLocalizer<FreshnessTexts> texts, AppLinks links)
{
    /// <summary>A link older than this is refused even when no newer mail replaced it.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(60);
    const int Batch = 500;

    IDataProtector Protector => protection.CreateProtector("OpenAlumni.ProfileConfirm.v1");

    async Task<int> IntervalDaysAsync(CancellationToken ct) =>
        Math.Max(1, await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.ProfileConfirmDays).FirstAsync(ct));

    /// <summary>Queues the mail to owners of stale profiles not asked within the interval; returns how many.</summary>
    public async Task<int> QueueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var t = tenant.Tenant!;
        var since = now.AddDays(-await IntervalDaysAsync(ct));
        var due = await db.Members.AsNoTracking()
            .Where(m => m.Status == MemberStatus.Approved && (m.ConfirmedAt ?? m.CreatedAt) < since && (m.ConfirmRequestedAt == null || m.ConfirmRequestedAt < since))
            .OrderBy(m => m.Id).Take(Batch)
            .Select(m => new { m.Id, m.User!.Email, m.User.PreferredCulture }).ToListAsync(ct);
        foreach (var m in due)
        {
            if (m.Email is null) continue;
            var token = Protector.Protect($"{t.Id}:{m.Id}:{now.UtcTicks}");
            var link = links.To($"/members/confirmprofile?token={Uri.EscapeDataString(token)}");
            string subject, body;
            using (Cultures.Use(m.PreferredCulture))
            {
                subject = texts["Mail.Subject", t.Name];
                body = texts["Mail.Body", t.Name, link, links.To("/members/edit")];
            }
            await db.EnqueueMailAsync(t.Id, $"profile-confirm:{m.Id}:{now.UtcTicks}", m.Email, subject, body, now, ct);
        }
        var ids = due.Select(m => m.Id).ToList();
        await db.SaveChangesAsync(ct);
        if (ids.Count > 0)
            await db.Members.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.ConfirmRequestedAt, now), ct);
        return due.Count;
    }

    /// <summary>The one click: the link's member confirms their profile, if the link is this network's, the latest one mailed, and not too old.</summary>
    public async Task<Result<DateTimeOffset>> ConfirmAsync(string? token, CancellationToken ct)
    {
        var invalid = FieldErrors.Of("token", "Validation.LinkInvalid");
        if (string.IsNullOrEmpty(token) || token.Length > 2000) return invalid;
        string payload;
        try { payload = Protector.Unprotect(token); }
        catch (CryptographicException) { return invalid; }
        var parts = payload.Split(':');
        if (parts.Length != 3 || !long.TryParse(parts[0], out var tenantId) || !long.TryParse(parts[1], out var memberId) || !long.TryParse(parts[2], out var ticks))
            return invalid;
        var now = clock.GetUtcNow();
        var requested = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (tenantId != tenant.TenantId || now - requested > LinkLifetime) return invalid;
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId && m.Status == MemberStatus.Approved, ct);
        // Only the latest mail's link works (stored times are coarser than ticks: PostgreSQL keeps microseconds,
        // SQLite's packed form a tenth of a millisecond; mails are never queued that close together).
        if (member?.ConfirmRequestedAt is not { } asked || Math.Abs((asked - requested).Ticks) >= TimeSpan.TicksPerMillisecond) return invalid;
        member.ConfirmedAt = now;
        // The link works once: a forwarded mail cannot keep the profile "confirmed".
        member.ConfirmRequestedAt = null;
        await db.SaveChangesAsync(ct);
        return tenant.Tenant!.ToLocal(now);
    }

    /// <summary>Admins: how many approved profiles are stale.</summary>
    public async Task<Result<StaleShareDto>> StaleShareAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<StaleShareDto>.Forbidden();
        var days = await IntervalDaysAsync(ct);
        var since = clock.GetUtcNow().AddDays(-days);
        var approved = db.Members.AsNoTracking().Approved();
        var total = await approved.CountAsync(ct);
        var stale = await approved.CountAsync(m => (m.ConfirmedAt ?? m.CreatedAt) < since, ct);
        return new StaleShareDto(stale, total, total == 0 ? 0 : Math.Round((double)stale / total, 4), days);
    }
}

/// <summary>Asks owners of stale profiles, for every network, on the outbox worker's timer (at most hourly).</summary>
public sealed class ProfileFreshnessJob(TimeProvider clock) : IPeriodicJob
{
    DateTimeOffset lastRun = DateTimeOffset.MinValue;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - lastRun < TimeSpan.FromHours(1)) return;
        lastRun = now;
        await EveryTenant.ForEachAsync(services, tenantServices =>
            tenantServices.GetRequiredService<ProfileFreshness>().QueueAsync(now, ct), ct);
    }
}
