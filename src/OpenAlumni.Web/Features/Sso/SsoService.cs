using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Sso;

/// <summary>
/// PUT /api/v1/admin/sso. <c>clientSecret</c> is write-only: left out (null) it stays as it is, an empty string removes it
/// (a public client that signs in with PKCE alone). <c>domains</c>: the email domains the provider vouches for.
/// </summary>
public sealed record SsoInput(string? Authority = null, string? ClientId = null, string? ClientSecret = null, IReadOnlyList<string>? Domains = null, bool? Required = null);

/// <summary>
/// A network's SSO as its secretariat sees it: never the client secret, only whether one is set. <c>callbackUrl</c> is the
/// redirect URI to register at the provider.
/// </summary>
public sealed record SsoSettingsDto(bool Configured, string? Authority, string? ClientId, bool ClientSecretSet, IReadOnlyList<string> Domains, bool Required,
    string CallbackUrl, DateTimeOffset? UpdatedAt, DateTimeOffset? LastSignInAt);

/// <summary>The secretariat's settings of the company sign-in, and the rule it sets for password sign-in.</summary>
public sealed class SsoService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, SsoSecrets secrets, SsoDirectory directory,
    IOptions<SsoOptions> options, AuditLog audit, AppLinks links)
{
    public async Task<Result<SsoSettingsDto>> GetAsync(CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin) return Result<SsoSettingsDto>.Forbidden();
        return Dto(await db.Set<SsoSettings>().AsNoTracking().FirstOrDefaultAsync(ct));
    }

    public async Task<Result<SsoSettingsDto>> SaveAsync(SsoInput input, CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin) return Result<SsoSettingsDto>.Forbidden();
        var errors = new FieldErrors();
        var authority = CheckAuthority(errors, input.Authority);
        var clientId = Check.Line(errors, "clientId", input.ClientId, SsoLimits.ClientId, required: true);
        if (input.ClientSecret is { Length: > SsoLimits.ClientSecret }) errors.Add("clientSecret", "Validation.TooLong", SsoLimits.ClientSecret);
        var domains = CheckDomains(errors, input.Domains);
        if (errors.Any) return errors;

        var now = clock.GetUtcNow();
        var s = await db.Set<SsoSettings>().FirstOrDefaultAsync(ct);
        var before = s is null ? null : Audited(s);
        if (s is null)
        {
            s = new SsoSettings { Authority = authority!, ClientId = clientId!, Domains = "", CreatedAt = now };
            db.Add(s);
        }
        s.Authority = authority!;
        s.ClientId = clientId!;
        if (input.ClientSecret is { } secret) s.ProtectedClientSecret = secret.Length == 0 ? null : secrets.Protect(secret);
        s.Domains = string.Join(',', domains!);
        s.Required = input.Required ?? false;
        // Always a new version, even within one clock tick: the sign-in's options are rebuilt from it.
        s.UpdatedAt = now > s.UpdatedAt ? now : s.UpdatedAt.AddTicks(1);
        await audit.AddAsync("sso.update", "sso", null, before, Audited(s), ct);
        await db.SaveChangesAsync(ct);
        directory.Forget(tenant.TenantId);
        return Dto(s);
    }

    /// <summary>Switches the company sign-in off (password sign-in works again for its domains).</summary>
    public async Task<Result<bool>> DeleteAsync(CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin) return Result<bool>.Forbidden();
        var s = await db.Set<SsoSettings>().FirstOrDefaultAsync(ct);
        if (s is null) return Result<bool>.NotFound();
        db.Remove(s);
        await audit.AddAsync("sso.delete", "sso", null, Audited(s), null, ct);
        await db.SaveChangesAsync(ct);
        directory.Forget(tenant.TenantId);
        return true;
    }

    string? CheckAuthority(FieldErrors errors, string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { errors.Add("authority", "Validation.Required"); return null; }
        if (v.Length > SsoLimits.Authority || !Uri.TryCreate(v, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.UserInfo) || uri.Host.Length == 0 || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            errors.Add("authority", "Validation.UrlInvalid");
            return null;
        }
        if (uri.Scheme != "https" && !options.Value.AllowHttp) { errors.Add("authority", "Sso.HttpsOnly"); return null; }
        return uri.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>Lower case, without a leading @, each a DNS name with a dot, no duplicates; at least one.</summary>
    static List<string>? CheckDomains(FieldErrors errors, IReadOnlyList<string>? values)
    {
        var list = new List<string>();
        foreach (var raw in values ?? [])
        {
            var d = (raw ?? "").Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
            if (d.Length == 0) continue;
            if (d.Length > SsoLimits.Domain || !d.Contains('.') || Uri.CheckHostName(d) != UriHostNameType.Dns)
            {
                errors.Add("domains", "Sso.DomainInvalid", raw!.Trim());
                return null;
            }
            if (!list.Contains(d)) list.Add(d);
        }
        if (list.Count == 0) { errors.Add("domains", "Validation.Required"); return null; }
        if (list.Count > SsoLimits.Domains) { errors.Add("domains", "Validation.TooMany", SsoLimits.Domains); return null; }
        return list;
    }

    /// <summary>What the audit log keeps: never the secret, only whether one is set.</summary>
    static object Audited(SsoSettings s) => new
    {
        authority = s.Authority, clientId = s.ClientId, clientSecretSet = s.ProtectedClientSecret is not null, domains = s.DomainList, required = s.Required,
    };

    SsoSettingsDto Dto(SsoSettings? s)
    {
        var t = tenant.Tenant!;
        var callback = links.To(SsoScheme.CallbackPath);
        return s is null
            ? new SsoSettingsDto(false, null, null, false, [], false, callback, null, null)
            : new SsoSettingsDto(true, s.Authority, s.ClientId, s.ProtectedClientSecret is not null, s.DomainList, s.Required, callback,
                t.ToLocal(s.UpdatedAt), s.LastSignInAt is { } at ? t.ToLocal(at) : null);
    }
}

/// <summary>
/// The rule a required company sign-in sets for passwords: refused for the provider's domains. The network's admins keep
/// their password (with their two-factor, if set) so that a provider that is down or misconfigured cannot lock the
/// secretariat out of the settings that would fix it. Whether a refused address is an admin's is not told: an admin who
/// mistypes the password sees the same refusal as an employee.
/// </summary>
public sealed class SsoGate(SsoDirectory directory, AlumniDb db, Microsoft.AspNetCore.Identity.SignInManager<Accounts.AppUser> signIn)
{
    /// <summary>Whether this address must sign in through the company's provider (registration with a password is refused too).</summary>
    public async Task<bool> RequiredForAsync(string email, CancellationToken ct) =>
        await directory.GetAsync(ct) is { Required: true } config && config.Vouches(email);

    /// <summary>Whether a password sign-in of this login is refused here; checks the password of an admin (counting a failure).</summary>
    public async Task<bool> RefusesPasswordAsync(Accounts.AppUser user, string password, CancellationToken ct)
    {
        if (!await RequiredForAsync(user.Email!, ct)) return false;
        var admin = await db.Members.AnyAsync(m => m.UserId == user.Id && m.Role == MemberRole.Admin && m.Status == MemberStatus.Approved, ct);
        if (!admin) { Accounts.LoginTiming.SpendAsMuchAsAPasswordCheck(signIn.UserManager); return true; }
        // A wrong password counts towards the lockout, as on the ordinary path.
        return !(await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded;
    }
}
