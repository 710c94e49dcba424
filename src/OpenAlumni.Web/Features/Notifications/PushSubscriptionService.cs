using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Notifications;

/// <summary>The browser's subscription as <c>PushSubscription.toJSON()</c> gives it.</summary>
public sealed record PushSubscriptionKeys(string? P256dh, string? Auth);
public sealed record PushSubscriptionInput(string? Endpoint, PushSubscriptionKeys? Keys);
/// <summary>One of my devices; the endpoint is shown only by its host (the rest is a secret of the browser's).</summary>
public sealed record PushSubscriptionDto(long Id, string Service, DateTimeOffset CreatedAt);
public sealed record PushSubscriptionListDto(IReadOnlyList<PushSubscriptionDto> Items, int Page, int PageSize, int Total);
public sealed record PushPublicKeyDto(string PublicKey);

/// <summary>My browsers that receive web push: add (or renew) one, list them, remove one.</summary>
public sealed class PushSubscriptionService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, IOptions<PushOptions> options, VapidKeys vapid)
{
    public const int EndpointMaxLength = 1000;

    public async Task<PushPublicKeyDto> PublicKeyAsync(CancellationToken ct) => new((await vapid.GetAsync(db, ct)).PublicKey);

    public async Task<Result<PushSubscriptionDto>> SubscribeAsync(PushSubscriptionInput? input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var errors = new FieldErrors();
        var endpoint = CheckEndpoint(errors, input?.Endpoint);
        var p256dh = VapidKeys.FromBase64Url(input?.Keys?.P256dh);
        if (string.IsNullOrWhiteSpace(input?.Keys?.P256dh)) errors.Add("keys.p256dh", "Validation.Required");
        else if (p256dh is not { Length: 65 } || p256dh[0] != 0x04 || !IsPoint(p256dh)) errors.Add("keys.p256dh", "Push.KeyInvalid");
        var auth = VapidKeys.FromBase64Url(input?.Keys?.Auth);
        if (string.IsNullOrWhiteSpace(input?.Keys?.Auth)) errors.Add("keys.auth", "Validation.Required");
        else if (auth is not { Length: 16 }) errors.Add("keys.auth", "Push.AuthInvalid");
        if (errors.Any) return errors;

        var now = clock.GetUtcNow();
        var row = await db.Set<PushSubscription>().FirstOrDefaultAsync(s => s.Endpoint == endpoint, ct);
        if (row is null)
        {
            var mine = await db.Set<PushSubscription>().CountAsync(s => s.MemberId == me.MemberId, ct);
            if (mine >= options.Value.MaxDevicesPerMember) return FieldErrors.Of("endpoint", "Push.TooManyDevices", options.Value.MaxDevicesPerMember);
            row = new PushSubscription { MemberId = me.MemberId, Endpoint = endpoint!, P256dh = "", Auth = "" };
            db.Add(row);
        }
        // The same browser subscribing again (new keys), or another member signing in on a shared device: the
        // device now belongs to whoever subscribed last, so the one before stops receiving there.
        row.MemberId = me.MemberId;
        row.P256dh = VapidKeys.Base64Url(p256dh!);
        row.Auth = VapidKeys.Base64Url(auth!);
        row.CreatedAt = now;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same browser posted twice at once; the other request stored it.
            db.ChangeTracker.Clear();
            row = await db.Set<PushSubscription>().AsNoTracking().FirstAsync(s => s.Endpoint == endpoint, ct);
        }
        return ToDto(row);
    }

    public async Task<PushSubscriptionListDto> ListAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var rows = await db.Set<PushSubscription>().AsNoTracking().Where(s => s.MemberId == me.MemberId).OrderBy(s => s.Id).ToListAsync(ct);
        return new PushSubscriptionListDto(rows.Select(ToDto).ToList(), 1, Math.Max(rows.Count, 1), rows.Count);
    }

    /// <summary>Removes one of mine (another member's id answers as unknown).</summary>
    public async Task<Result<bool>> RemoveAsync(long id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        return await db.Set<PushSubscription>().Where(s => s.Id == id && s.MemberId == me.MemberId).ExecuteDeleteAsync(ct) > 0
            ? true : Result<bool>.NotFound();
    }

    string? CheckEndpoint(FieldErrors errors, string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { errors.Add("endpoint", "Validation.Required"); return null; }
        var insecure = options.Value.AllowInsecureEndpoints;
        if (v.Length > EndpointMaxLength || !Uri.TryCreate(v, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo)
            || !(uri.Scheme == "https" || (insecure && uri.Scheme == "http"))
            || (!insecure && (uri.HostNameType != UriHostNameType.Dns || uri.IsLoopback || !uri.Host.Contains('.'))))
        {
            errors.Add("endpoint", "Push.EndpointInvalid");
            return null;
        }
        return uri.AbsoluteUri;
    }

    static bool IsPoint(byte[] uncompressed)
    {
        try
        {
            using var key = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = uncompressed[1..33], Y = uncompressed[33..] },
            });
            return true;
        }
        catch (CryptographicException) { return false; }
    }

    PushSubscriptionDto ToDto(PushSubscription s) =>
        new(s.Id, Uri.TryCreate(s.Endpoint, UriKind.Absolute, out var u) ? u.Host : "", tenant.Tenant!.ToLocal(s.CreatedAt));
}
