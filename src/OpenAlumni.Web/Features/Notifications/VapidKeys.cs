using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Mail;

namespace OpenAlumni.Web.Features.Notifications;

public sealed class PushOptions
{
    /// <summary>The VAPID public key (base64url, 65 bytes uncompressed P-256); with <see cref="PrivateKey"/>, overrides the stored pair.</summary>
    public string? PublicKey { get; set; }
    public string? PrivateKey { get; set; }
    /// <summary>Who the push services may contact about this sender: a mailto: or https: URL. Defaults to the mail sender's address.</summary>
    public string? Subject { get; set; }
    /// <summary>
    /// Accept http:// endpoints and IP-literal or localhost hosts (tests run their own push service on 127.0.0.1).
    /// Off by default: a real browser's endpoint is https on a public push service, and the server posts to whatever
    /// URL a member sends, so a private address would let a member make the server call into its own network.
    /// </summary>
    public bool AllowInsecureEndpoints { get; set; }
    /// <summary>
    /// Let the server connect to loopback, private and link-local addresses when it sends a push. Off by default
    /// (see <see cref="Infrastructure.Security.PublicInternetOnly"/>): a public-looking name may resolve inward.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
    /// <summary>How long a push service keeps a message for a browser that is offline (the TTL header).</summary>
    public int TimeToLiveSeconds { get; set; } = 86_400;
    public int MaxDevicesPerMember { get; set; } = 10;
}

public sealed record VapidKeyPair(string PublicKey, string PrivateKey, string Subject);

/// <summary>
/// The deployment's VAPID keys: from configuration (<c>Push:PublicKey</c>, <c>Push:PrivateKey</c>) or else made
/// once and kept in the database (<see cref="VapidKey"/>), like the data-protection keys, so every node shares them.
/// </summary>
public sealed class VapidKeys(IOptions<PushOptions> options, IOptions<MailOptions> mail, IDataProtectionProvider protection, TimeProvider clock)
{
    const int RowId = 1;
    readonly SemaphoreSlim gate = new(1, 1);
    VapidKeyPair? cached;

    IDataProtector Protector => protection.CreateProtector("OpenAlumni.Push.Vapid.v1");

    public async Task<VapidKeyPair> GetAsync(AlumniDb db, CancellationToken ct)
    {
        if (cached is not null) return cached;
        await gate.WaitAsync(ct);
        try
        {
            return cached ??= await LoadOrCreateAsync(db, ct);
        }
        finally { gate.Release(); }
    }

    async Task<VapidKeyPair> LoadOrCreateAsync(AlumniDb db, CancellationToken ct)
    {
        var o = options.Value;
        var subject = string.IsNullOrWhiteSpace(o.Subject) ? DefaultSubject() : o.Subject.Trim();
        if (!string.IsNullOrWhiteSpace(o.PublicKey) && !string.IsNullOrWhiteSpace(o.PrivateKey))
            return new VapidKeyPair(o.PublicKey.Trim(), o.PrivateKey.Trim(), subject);
        var stored = await db.Set<VapidKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == RowId, ct);
        if (stored is null)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var p = key.ExportParameters(includePrivateParameters: true);
            var row = new VapidKey
            {
                Id = RowId, PublicKey = Base64Url([0x04, .. p.Q.X!, .. p.Q.Y!]),
                ProtectedPrivateKey = Protector.Protect(Base64Url(p.D!)), CreatedAt = clock.GetUtcNow(),
            };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                stored = row;
            }
            catch (DbUpdateException)
            {
                // Another node made the pair first (the fixed id is the lock): use theirs.
                db.Entry(row).State = EntityState.Detached;
                stored = await db.Set<VapidKey>().AsNoTracking().FirstAsync(k => k.Id == RowId, ct);
            }
        }
        return new VapidKeyPair(stored.PublicKey, Protector.Unprotect(stored.ProtectedPrivateKey), subject);
    }

    string DefaultSubject() =>
        MimeKit.MailboxAddress.TryParse(mail.Value.From, out var from) ? "mailto:" + from.Address : "mailto:no-reply@openalumni.localhost";

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static byte[]? FromBase64Url(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200) return null;
        var s = text.Trim().TrimEnd('=').Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        try { return Convert.FromBase64String(s); }
        catch (FormatException) { return null; }
    }
}
