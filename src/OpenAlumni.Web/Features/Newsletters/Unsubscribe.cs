using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>
/// One-click unsubscribe (RFC 8058): each network mail carries <c>List-Unsubscribe: &lt;https://host/u/{token}&gt;</c> and
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>. The token is Data Protection's, naming the network, the member
/// and the kind of mail, so the link needs no sign-in and cannot be turned into another member's. It does not expire: a mail
/// read a year later must still unsubscribe.
/// </summary>
public sealed class Unsubscribe(AlumniDb db, ITenantContext tenant, IDataProtectionProvider protection, AppLinks links, TimeProvider clock)
{
    IDataProtector Protector => protection.CreateProtector("OpenAlumni.Newsletters.Unsubscribe.v1");

    public string Token(long memberId, MailKind kind) =>
        Protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{tenant.TenantId}:{memberId}:{WireNames.Of(kind)}"));

    /// <summary>The headers of a network mail to this member: where to unsubscribe (one click) and which list it is.</summary>
    public IReadOnlyDictionary<string, string> Headers(long memberId, MailKind kind) => new Dictionary<string, string>
    {
        ["List-Unsubscribe"] = $"<{Url(memberId, kind)}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        ["List-Id"] = $"<{WireNames.Of(kind)}.{tenant.Tenant!.Slug}.openalumni>",
    };

    public string Url(long memberId, MailKind kind) => links.To("/u/" + Token(memberId, kind));

    /// <summary>The member and kind a token names, if it is genuine and of this network.</summary>
    public (long MemberId, MailKind Kind)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        string plain;
        try { plain = Protector.Unprotect(token); }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException) { return null; }
        var parts = plain.Split(':');
        if (parts.Length != 3 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var tenantId) || tenantId != tenant.TenantId
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var memberId) || !Enum.TryParse<MailKind>(parts[2], ignoreCase: true, out var kind)) return null;
        return (memberId, kind);
    }

    /// <summary>Unsubscribes (again: nothing changes). Only this kind of mail: consents and other kinds stay as they are.</summary>
    public async Task<bool> OptOutAsync(long memberId, MailKind kind, CancellationToken ct)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId, ct)) return false;
        if (await db.Set<MailOptOut>().AnyAsync(o => o.MemberId == memberId && o.Kind == kind, ct)) return true;
        db.Add(new MailOptOut { MemberId = memberId, Kind = kind, At = clock.GetUtcNow() });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* a second click at the same moment: unsubscribed all the same */ }
        return true;
    }

    public async Task OptInAsync(long memberId, MailKind kind, CancellationToken ct) =>
        await db.Set<MailOptOut>().Where(o => o.MemberId == memberId && o.Kind == kind).ExecuteDeleteAsync(ct);

    public async Task<IReadOnlyList<MailKind>> OptedOutAsync(long memberId, CancellationToken ct) =>
        await db.Set<MailOptOut>().AsNoTracking().Where(o => o.MemberId == memberId).Select(o => o.Kind).ToListAsync(ct);
}
