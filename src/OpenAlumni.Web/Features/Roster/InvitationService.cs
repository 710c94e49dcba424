using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Roster;

/// <summary>Whom to invite: roster rows by id, every roster row not yet joined, and/or pasted addresses.</summary>
public sealed record InviteRequest(long[]? RosterIds = null, bool AllNotJoined = false, string? Emails = null);

/// <summary>What became of a batch: sent, skipped (already invited or a member), and each pasted address refused with why.</summary>
public sealed record InviteResultDto(int Invited, int Skipped, IReadOnlyList<RefusedAddressDto>? Refused = null);

/// <summary>A pasted address that was not invited: as typed (cut to 100 characters), a stable code and the reason in the user's language.</summary>
public sealed record RefusedAddressDto(string Email, string Code, string Reason);

public sealed record InvitationDto(
    long Id, string Email, string State, long? RosterId, string? Name, string Language, DateTimeOffset CreatedAt, DateTimeOffset SentAt,
    int SendCount, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt, DateTimeOffset? RevokedAt, long? MemberId);

/// <summary>What a link leads to: a registration pre-filled from the roster, or why not.</summary>
public sealed record InvitationCheck(InvitationState? State, string? Email, string? FamilyName, string? GivenName, string? FamilyNameKana,
    string? GivenNameKana, string? Department, int? JoinedYear, int? LeftYear)
{
    public bool IsValid => State == InvitationState.Pending;
    public static readonly InvitationCheck Unknown = new(null, null, null, null, null, null, null, null, null);
}

/// <summary>
/// Invitation links: random 256-bit tokens of which only the SHA-256 is stored; valid for
/// <see cref="RosterLimits.InvitationDays"/> days, once, in the tenant that issued them.
/// </summary>
public sealed class InvitationService(AlumniDb db, CurrentMember current, AuditLog audit, ITenantContext tenant, TimeProvider clock,
    IStringLocalizer<RosterTexts> texts, IStringLocalizer<ValidationTexts> validation, AppLinks links)
{
    public async Task<Result<InviteResultDto>> InviteAsync(InviteRequest r, CancellationToken ct)
    {
        var admin = await current.GetAsync(ct);
        if (admin?.IsAdmin != true) return Result<InviteResultDto>.Forbidden();
        var pasted = new List<string>();
        var refused = new List<RefusedAddressDto>();
        var tokens = (r.Emails ?? "").Split(['\n', '\r', ',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length > RosterLimits.InvitationsPerRequest) return FieldErrors.Of("emails", "Validation.TooMany", RosterLimits.InvitationsPerRequest);
        // A bad address is named and left out; the good ones in the same batch still go.
        foreach (var raw in tokens.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var e = Check.Email(new FieldErrors(), "emails", raw);
            if (e is not null) pasted.Add(e);
            else
            {
                var shown = raw.Length > 100 ? raw[..100] + "…" : raw;
                refused.Add(new RefusedAddressDto(shown, "email_invalid", validation["Validation.EmailInvalidNamed", shown]));
            }
        }
        if (refused.Count > 0 && pasted.Count == 0 && !r.AllNotJoined && (r.RosterIds ?? []).Length == 0)
        {
            var errors = new FieldErrors();
            foreach (var x in refused) errors.Add("emails", "Validation.EmailInvalidNamed", x.Email);
            return errors;
        }
        var rosterIds = (r.RosterIds ?? []).Distinct().ToList();
        var rows = await db.Set<RosterEntry>().AsNoTracking()
            .Where(x => (r.AllNotJoined && x.MemberId == null) || rosterIds.Contains(x.Id)).ToListAsync(ct);
        if (rosterIds.Except(rows.Select(x => x.Id)).Any()) return Result<InviteResultDto>.NotFound();
        var targets = rows.Where(x => x.MemberId == null).Select(x => (Email: x.Email, Key: x.EmailKey, Roster: (RosterEntry?)x)).ToList();
        var rosterByEmail = await RosterByEmailAsync(pasted, ct);
        targets.AddRange(pasted.Where(p => targets.All(t => t.Key != p.ToLowerInvariant()))
            .Select(p => (p, p.ToLowerInvariant(), rosterByEmail.GetValueOrDefault(p.ToLowerInvariant()))));
        targets = targets.DistinctBy(t => t.Key).ToList();
        if (targets.Count == 0 && rows.Count == 0 && pasted.Count == 0) return FieldErrors.Of("emails", "Validation.Required");
        if (targets.Count > RosterLimits.InvitationsPerRequest) return FieldErrors.Of("emails", "Validation.TooMany", RosterLimits.InvitationsPerRequest);

        var now = clock.GetUtcNow();
        var keys = targets.Select(t => t.Key).ToList();
        var upper = keys.Select(k => k.ToUpperInvariant()).ToList();
        // Nobody is invited twice at once, nor once they are a member here.
        var open = await db.Set<Invitation>().Where(i => keys.Contains(i.EmailKey) && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .Select(i => i.EmailKey).ToListAsync(ct);
        var members = await db.Members.Where(m => upper.Contains(m.User!.NormalizedEmail!)).Select(m => m.User!.NormalizedEmail!).ToListAsync(ct);
        var skip = open.Concat(members.Select(m => m.ToLowerInvariant())).ToHashSet();
        var invited = 0;
        foreach (var t in targets.Where(t => !skip.Contains(t.Key)))
        {
            var invitation = new Invitation
            {
                Email = t.Email, EmailKey = t.Key, RosterEntryId = t.Roster?.Id, TokenHash = "", CreatedAt = now,
                Language = Cultures.Normalize(t.Roster?.Language ?? tenant.Tenant!.DefaultCulture), CreatedByMemberId = admin.MemberId,
            };
            db.Add(invitation);
            await SendAsync(invitation, now, ct);
            invited++;
        }
        if (invited > 0)
        {
            await audit.AddAsync("invitation.create", "invitation", null, null, new { invited, skipped = targets.Count - invited }, ct);
            await db.SaveChangesAsync(ct);
        }
        return new InviteResultDto(invited, targets.Count - invited, refused);
    }

    /// <summary>
    /// Invites a leaver the HR system reported (Features/Scim), in their language, in the caller's unit of work: no admin
    /// asked, so no member is named as its creator (0). False when they are a member here already, or hold an open invitation.
    /// </summary>
    public async Task<bool> InviteLeaverAsync(RosterEntry r, DateTimeOffset now, CancellationToken ct)
    {
        if (r.MemberId is not null) return false;
        var upper = r.EmailKey.ToUpperInvariant();
        if (await db.Set<Invitation>().AnyAsync(i => i.EmailKey == r.EmailKey && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct)
            || await db.Members.AnyAsync(m => m.User!.NormalizedEmail == upper, ct)) return false;
        var invitation = new Invitation
        {
            Email = r.Email, EmailKey = r.EmailKey, RosterEntryId = r.Id, TokenHash = "", CreatedAt = now,
            Language = Cultures.Normalize(r.Language ?? tenant.Tenant!.DefaultCulture), CreatedByMemberId = 0,
        };
        db.Add(invitation);
        await SendAsync(invitation, now, ct);
        return true;
    }

    async Task<Dictionary<string, RosterEntry>> RosterByEmailAsync(List<string> emails, CancellationToken ct)
    {
        var keys = emails.Select(e => e.ToLowerInvariant()).ToList();
        return keys.Count == 0 ? [] : await db.Set<RosterEntry>().AsNoTracking().Where(x => keys.Contains(x.EmailKey)).ToDictionaryAsync(x => x.EmailKey, ct);
    }

    /// <summary>Gives the invitation a fresh token (an earlier link stops working) and queues its mail in the caller's unit of work.</summary>
    async Task SendAsync(Invitation invitation, DateTimeOffset now, CancellationToken ct)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        invitation.TokenHash = Hash(token);
        invitation.SentAt = now;
        invitation.ExpiresAt = now.AddDays(RosterLimits.InvitationDays);
        invitation.SendCount++;
        var t = tenant.Tenant!;
        var link = links.To($"/join/{token}");
        string subject, body;
        using (Cultures.Use(invitation.Language))
        {
            subject = texts["Mail.InvitationSubject", t.Name];
            body = texts["Mail.InvitationBody", t.Name, link, t.ToLocal(invitation.ExpiresAt).ToString("yyyy-MM-dd")];
        }
        await db.EnqueueMailAsync(t.Id, "invitation:" + invitation.TokenHash[..24], invitation.Email, subject, body, now, ct);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<Result<PageDto<InvitationDto>>> ListAsync(string? state, int page, CancellationToken ct)
    {
        if ((await current.GetAsync(ct))?.IsAdmin != true) return Result<PageDto<InvitationDto>>.Forbidden();
        var errors = new FieldErrors();
        var s = Check.Enum<InvitationState>(errors, "state", state, required: false);
        if (page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (errors.Any) return errors;
        const int size = 100;
        var now = clock.GetUtcNow();
        var query = db.Set<Invitation>().AsNoTracking();
        query = s switch
        {
            InvitationState.Revoked => query.Where(i => i.RevokedAt != null),
            InvitationState.Used => query.Where(i => i.RevokedAt == null && i.UsedAt != null),
            InvitationState.Expired => query.Where(i => i.RevokedAt == null && i.UsedAt == null && i.ExpiresAt <= now),
            InvitationState.Pending => query.Where(i => i.RevokedAt == null && i.UsedAt == null && i.ExpiresAt > now),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(i => i.Id).Skip((page - 1) * size).Take(size)
            .Select(i => new { i, Name = db.Set<RosterEntry>().Where(r => r.Id == i.RosterEntryId).Select(r => new { r.FamilyName, r.GivenName }).FirstOrDefault() })
            .ToListAsync(ct);
        return new PageDto<InvitationDto>(rows.Select(x => ToDto(x.i, x.Name is null ? null : PersonName.Display(x.Name.FamilyName, x.Name.GivenName), now)).ToList(), page, size, total);
    }

    static InvitationDto ToDto(Invitation i, string? name, DateTimeOffset now) =>
        new(i.Id, i.Email, WireNames.Of(i.StateAt(now)), i.RosterEntryId, name, i.Language, i.CreatedAt, i.SentAt, i.SendCount, i.ExpiresAt, i.UsedAt, i.RevokedAt, i.MemberId);

    /// <summary>Sends a pending or expired invitation again, with a new link valid for another 30 days.</summary>
    public async Task<Result<InvitationDto>> ResendAsync(long id, CancellationToken ct)
    {
        if ((await current.GetAsync(ct))?.IsAdmin != true) return Result<InvitationDto>.Forbidden();
        var i = await db.Set<Invitation>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return Result<InvitationDto>.NotFound();
        var now = clock.GetUtcNow();
        if (i.StateAt(now) is InvitationState.Used or InvitationState.Revoked) return Result<InvitationDto>.Conflict("state", "Validation.InvitationClosed");
        await SendAsync(i, now, ct);
        await audit.AddAsync("invitation.resend", "invitation", i.Id.ToString(), null, new { i.SendCount }, ct);
        await db.SaveChangesAsync(ct);
        return ToDto(i, null, now);
    }

    public async Task<Result<InvitationDto>> RevokeAsync(long id, CancellationToken ct)
    {
        if ((await current.GetAsync(ct))?.IsAdmin != true) return Result<InvitationDto>.Forbidden();
        var i = await db.Set<Invitation>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return Result<InvitationDto>.NotFound();
        var now = clock.GetUtcNow();
        var before = i.StateAt(now);
        if (before is InvitationState.Used or InvitationState.Revoked) return Result<InvitationDto>.Conflict("state", "Validation.InvitationClosed");
        i.RevokedAt = now;
        await audit.AddAsync("invitation.revoke", "invitation", i.Id.ToString(), new { state = WireNames.Of(before) }, new { state = "revoked" }, ct);
        await db.SaveChangesAsync(ct);
        return ToDto(i, null, now);
    }

    /// <summary>What a link is worth in this tenant (another tenant's link is unknown here: the filter hides it).</summary>
    public async Task<InvitationCheck> CheckAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return InvitationCheck.Unknown;
        var hash = Hash(token);
        var x = await db.Set<Invitation>().AsNoTracking().Where(i => i.TokenHash == hash)
            .Select(i => new { i, Roster = db.Set<RosterEntry>().FirstOrDefault(r => r.Id == i.RosterEntryId) })
            .FirstOrDefaultAsync(ct);
        if (x is null) return InvitationCheck.Unknown;
        var r = x.Roster;
        return new InvitationCheck(x.i.StateAt(clock.GetUtcNow()), x.i.Email, r?.FamilyName, r?.GivenName, r?.FamilyNameKana, r?.GivenNameKana, r?.Department, r?.JoinedYear, r?.LeftYear);
    }

    /// <summary>
    /// Uses the invitation for the member just registered, in the caller's transaction. One conditional
    /// UPDATE: of two registrations racing with one link, one wins. False when the link is not (or no longer) valid.
    /// </summary>
    public async Task<bool> ConsumeAsync(string token, long memberId, CancellationToken ct)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var used = await db.Set<Invitation>().Where(i => i.TokenHash == hash && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now).SetProperty(i => i.MemberId, memberId), ct);
        if (used == 0) return false;
        var rosterId = await db.Set<Invitation>().Where(i => i.TokenHash == hash).Select(i => i.RosterEntryId).FirstAsync(ct);
        if (rosterId is not null)
            await db.Set<RosterEntry>().Where(r => r.Id == rosterId && r.MemberId == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.MemberId, memberId), ct);
        return true;
    }
}
