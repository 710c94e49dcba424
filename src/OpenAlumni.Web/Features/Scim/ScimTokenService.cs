using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Scim;

public sealed record ScimTokenDto(long Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A token just made: <see cref="Token"/> is shown this once and never again.</summary>
public sealed record CreatedScimTokenDto(long Id, string Name, string Hint, DateTimeOffset CreatedAt, string Token, string BaseUrl);

public sealed record ScimTokenListDto(IReadOnlyList<ScimTokenDto> Items, int Page, int PageSize, int Total, string BaseUrl);

public sealed record CreateScimTokenRequest(string? Name = null);

/// <summary>The admin's SCIM tokens: make one (shown once), list them (never the token), revoke one. Admins only, audited.</summary>
public sealed class ScimTokenService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, AuditLog audit, AppLinks links)
{
    async Task<bool> IsAdminAsync(CancellationToken ct) => (await current.GetAsync(ct))?.IsAdmin == true;

    /// <summary>Where the HR system is pointed: the tenant URL of its SCIM app.</summary>
    public string BaseUrl => links.To("/scim/v2");

    public async Task<Result<ScimTokenListDto>> ListAsync(CancellationToken ct)
    {
        if (!await IsAdminAsync(ct)) return Result<ScimTokenListDto>.Forbidden();
        var t = tenant.Tenant!;
        var rows = await db.Set<ScimToken>().AsNoTracking().Where(x => x.RevokedAt == null).OrderBy(x => x.Id).Take(ScimLimits.TokensPerNetwork).ToListAsync(ct);
        var items = rows.Select(x => new ScimTokenDto(x.Id, x.Name, x.Hint, t.ToLocal(x.CreatedAt), x.LastUsedAt is { } u ? t.ToLocal(u) : null, null)).ToList();
        return new ScimTokenListDto(items, 1, ScimLimits.TokensPerNetwork, items.Count, BaseUrl);
    }

    public async Task<Result<CreatedScimTokenDto>> CreateAsync(CreateScimTokenRequest r, CancellationToken ct)
    {
        if (!await IsAdminAsync(ct)) return Result<CreatedScimTokenDto>.Forbidden();
        var errors = new FieldErrors();
        var name = Check.Line(errors, "name", r.Name, ScimLimits.Name) ?? "SCIM";
        if (await db.Set<ScimToken>().CountAsync(x => x.RevokedAt == null, ct) >= ScimLimits.TokensPerNetwork) errors.Add("name", "Validation.TooMany", ScimLimits.TokensPerNetwork);
        if (errors.Any) return errors;
        // 32 random bytes (256 bits): guessing one is hopeless, so a fast hash (SHA-256) is enough to store it.
        var token = ScimLimits.Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var row = new ScimToken { Name = name, TokenHash = Hash(token), Hint = token[^4..], CreatedAt = now };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AddAsync("scim.token.create", "scimToken", row.Id.ToString(CultureInfo.InvariantCulture), null, new { name, hint = row.Hint }, ct);
        await db.SaveChangesAsync(ct);
        return new CreatedScimTokenDto(row.Id, name, row.Hint, tenant.Tenant!.ToLocal(now), token, BaseUrl);
    }

    public async Task<Result<bool>> RevokeAsync(long id, CancellationToken ct)
    {
        if (!await IsAdminAsync(ct)) return Result<bool>.Forbidden();
        var row = await db.Set<ScimToken>().FirstOrDefaultAsync(x => x.Id == id && x.RevokedAt == null, ct);
        if (row is null) return Result<bool>.NotFound();
        row.RevokedAt = clock.GetUtcNow();
        await audit.AddAsync("scim.token.revoke", "scimToken", row.Id.ToString(CultureInfo.InvariantCulture), new { name = row.Name, hint = row.Hint }, new { revoked = true }, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The token of a SCIM request, looked up in the request's network only (the tenant filter): a token of another network,
    /// or a revoked one, is unknown here. Notes when it was last used, at most once a minute.
    /// </summary>
    public async Task<bool> AuthenticateAsync(string? authorization, CancellationToken ct)
    {
        if (tenant.Tenant is null || authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var token = authorization["Bearer ".Length..].Trim();
        if (!token.StartsWith(ScimLimits.Prefix, StringComparison.Ordinal) || token.Length > 200) return false;
        var hash = Hash(token);
        var row = await db.Set<ScimToken>().AsNoTracking().Where(x => x.TokenHash == hash && x.RevokedAt == null)
            .Select(x => new { x.Id, x.LastUsedAt }).FirstOrDefaultAsync(ct);
        if (row is null) return false;
        var now = clock.GetUtcNow();
        if (row.LastUsedAt is null || row.LastUsedAt < now.AddMinutes(-1))
            await db.Set<ScimToken>().Where(x => x.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastUsedAt, now), ct);
        return true;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
