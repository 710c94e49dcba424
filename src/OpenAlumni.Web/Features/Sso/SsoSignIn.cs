using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Sso;

/// <summary>Why a company sign-in was refused: the login page's message <c>Sso.Refused.&lt;reason&gt;</c>.</summary>
public enum SsoRefusal { Failed, Domain, Unverified, Refused, Elsewhere }

/// <summary>
/// Completes a company sign-in once the provider's ID token has been validated (issuer, audience, signature, lifetime,
/// nonce, state and PKCE by the OpenID Connect handler): the address must be one the network's provider vouches for and
/// verified by it (<c>email_verified</c>: a provider that vouches for a domain without saying so is not trusted on that
/// alone). The login with that address is used, or one is made (no password, address confirmed), and its membership here
/// becomes an approved employee's.
/// </summary>
/// <remarks>
/// Decisions: a login that is also a member of another network is not linked (see <see cref="CompleteAsync"/>); a suspended or rejected membership stays refused (the secretariat decided; it can reinstate). A pending one is
/// approved as an employee; an approved alumnus's becomes an employee's (a returner: the company says they work there now).
/// A login whose address was never confirmed is confirmed now and loses its password, which was set by someone who never
/// proved the address (the owner can set a new one). The provider's sign-in stands for two-factor: its own policy applies.
/// </remarks>
public sealed class SsoSignIn(AlumniDb db, UserManager<AppUser> users, MemberService members, Privacy.PrivacyService privacy, SsoDirectory directory,
    ITenantContext tenant, TimeProvider clock, AuditLog audit, ILogger<SsoSignIn> log)
{
    public async Task<(AppUser? User, SsoRefusal? Refusal)> CompleteAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var config = await directory.GetAsync(ct);
        if (config is null || principal.FindFirstValue(SsoScheme.TenantClaim) != tenant.TenantId.ToString(CultureInfo.InvariantCulture))
            return (null, SsoRefusal.Failed);
        var errors = new FieldErrors();
        var email = Check.Email(errors, "email", principal.FindFirstValue("email"));
        if (email is null) return (null, SsoRefusal.Failed);
        if (!config.Vouches(email)) return (null, SsoRefusal.Domain);
        if (!Verified(principal)) return (null, SsoRefusal.Unverified);

        var user = await users.FindByEmailAsync(email);
        // A login is shared by every network its owner belongs to, but a network's admin chooses its provider and the domains
        // it vouches for, unchecked. So a provider may only vouch for a login that no other network knows: linking one that
        // belongs elsewhere would let one network's provider sign in as, and change the password or two-factor of, a member
        // of another (IgnoreQueryFilters: the other networks are exactly what is asked about). Its owner signs in with their
        // password instead.
        if (user is not null && await db.Members.IgnoreQueryFilters().AnyAsync(m => m.UserId == user.Id && m.TenantId != config.TenantId, ct))
        {
            log.LogWarning("Company sign-in refused: the login belongs to another network too");
            return (null, SsoRefusal.Elsewhere);
        }
        var created = false;
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, PreferredCulture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                // Another sign-in for this address made the login in the same instant: use it.
                user = await users.FindByEmailAsync(email);
                if (user is null) { log.LogWarning("Company sign-in could not create a login: {Codes}", string.Join(",", result.Errors.Select(e => e.Code))); return (null, SsoRefusal.Failed); }
            }
            else created = true;
        }
        else if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
            if (await users.HasPasswordAsync(user)) await users.RemovePasswordAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }

        var now = clock.GetUtcNow();
        var member = await db.Members.FirstOrDefaultAsync(m => m.UserId == user.Id, ct);
        string change;
        if (member is null)
        {
            var (family, given) = Names(principal, email);
            member = members.NewMember(user.Id, MemberKind.Employee, MemberStatus.Approved, new ProfileDraft(family, given, null, null, null, null, null));
            member.DecidedAt = now;
            member.DecisionReason = "company sign-in";
            db.Members.Add(member);
            await db.SaveChangesAsync(ct);
            await privacy.RecordRegistrationAsync(member, Privacy.Consents.RegistrationDefault, ct);
            change = "joined";
        }
        else if (member.Status is MemberStatus.Suspended or MemberStatus.Rejected) return (null, SsoRefusal.Refused);
        else if (member.Status == MemberStatus.Pending)
        {
            member.Status = MemberStatus.Approved;
            member.Kind = MemberKind.Employee;
            member.DecidedAt = now;
            member.DecisionReason = "company sign-in";
            change = "approved";
        }
        else if (member.Kind != MemberKind.Employee) { member.Kind = MemberKind.Employee; change = "kind"; }
        else change = "none";
        if (change != "none") member.UpdatedAt = now;
        await db.Set<SsoSettings>().Where(s => s.TenantId == config.TenantId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSignInAt, now), ct);
        await audit.AddAsync("sso.signin", "member", member.Id.ToString(CultureInfo.InvariantCulture), null, new { login = created ? "created" : "linked", membership = change }, ct);
        await db.SaveChangesAsync(ct);
        return (user, null);
    }

    /// <summary>
    /// Whether the provider confirmed the address: <c>email_verified</c> (OpenID Connect's claim), or Microsoft Entra ID's
    /// <c>xms_edov</c> ("email domain owner verified"), which Entra sends instead when the optional claim is configured.
    /// </summary>
    static bool Verified(ClaimsPrincipal p) =>
        string.Equals(p.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(p.FindFirstValue("xms_edov"), "true", StringComparison.OrdinalIgnoreCase)
        || p.FindFirstValue("xms_edov") == "1";

    /// <summary>The name the provider gives (family and given name, else its display name split), else the address's local part.</summary>
    static (string Family, string Given) Names(ClaimsPrincipal p, string email)
    {
        var family = p.FindFirstValue("family_name")?.Trim();
        var given = p.FindFirstValue("given_name")?.Trim();
        if (!string.IsNullOrEmpty(family) || !string.IsNullOrEmpty(given)) return (Cut(family ?? ""), Cut(given ?? ""));
        var name = p.FindFirstValue("name")?.Trim();
        if (string.IsNullOrEmpty(name)) return (Cut(email[..email.IndexOf('@')]), "");
        var parts = name.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return (Cut(parts[0]), "");
        // Japanese names come family-first; Western ones given-first.
        return name.Any(c => c >= '\u3040') ? (Cut(parts[0]), Cut(parts[1])) : (Cut(parts[1]), Cut(parts[0]));
    }

    static string Cut(string s) => s.Length > 50 ? s[..50] : s;
}
