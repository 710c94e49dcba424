using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Infrastructure.Auth;

/// <summary>The signed-in user's membership in the request's tenant, loaded once per request.</summary>
public sealed record MemberSession(long MemberId, string UserId, MemberKind Kind, MemberRole Role, MemberStatus Status, string DisplayName,
    string? RomanizedName = null)
{
    /// <summary>The name as written (<see cref="DisplayName"/>, which posts are indexed under) or, read in English, the romanised one.</summary>
    public string ShownName => string.IsNullOrWhiteSpace(RomanizedName) ? DisplayName : PersonName.Display(DisplayName, "", RomanizedName).Trim();

    public bool IsApproved => Status == MemberStatus.Approved;
    public bool IsAdmin => IsApproved && Role == MemberRole.Admin;

    /// <summary>The highest field visibility this member may read on others' profiles.</summary>
    public Visibility ViewerLevel => IsAdmin ? Visibility.Admins : Kind == MemberKind.Employee ? Visibility.Employees : Visibility.Network;
}

/// <remarks>
/// The sign-in's security stamp must still be the account's: a password reset, a sign-out everywhere, a
/// suspension or an erasure changes the stamp, and every cookie and bearer token issued before stops working
/// at its next request (not only after the cookie's revalidation interval or the token's hour).
/// </remarks>
public sealed class CurrentMember(IHttpContextAccessor http, AlumniDb db, ITenantContext tenant, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    MemberSession? session;
    bool loaded;

    /// <summary>
    /// The request is signed in, but the sign-in no longer stands: its security stamp was renewed (a password
    /// reset, a sign-out everywhere, a suspension) or its membership is gone (erased, merged). Known after
    /// <see cref="GetAsync"/>, from the same query, so that authorization can answer it as "sign in again"
    /// (401, the login page) rather than "forbidden" (<see cref="StaleSignInChallenge"/>).
    /// </summary>
    public bool SignInRevoked { get; private set; }

    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<MemberSession?> GetAsync(CancellationToken ct = default)
    {
        if (loaded) return session;
        loaded = true;
        var userId = UserId;
        if (userId is null || tenant.Tenant is null) return null;
        var stamp = http.HttpContext!.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var m = await db.Members.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => new { m.Id, m.UserId, m.Kind, m.Role, m.Status, m.FamilyName, m.GivenName, m.RomanizedName, m.User!.SecurityStamp, m.LastActiveAt })
            .FirstOrDefaultAsync(ct);
        if (m is null || m.SecurityStamp != stamp)
        {
            SignInRevoked = true;
            return null;
        }
        session = new MemberSession(m.Id, m.UserId, m.Kind, m.Role, m.Status, PersonName.Display(m.FamilyName, m.GivenName), m.RomanizedName);
        // "Last active" for the secretariat's member list: written at most once an hour per member, so a
        // busy member costs one UPDATE an hour, not one per request.
        var now = clock.GetUtcNow();
        if (m.Status == MemberStatus.Approved && (m.LastActiveAt is null || m.LastActiveAt < now.AddHours(-1)))
        {
            var stale = now.AddHours(-1);
            await db.Members.Where(x => x.Id == m.Id && (x.LastActiveAt == null || x.LastActiveAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActiveAt, now), ct);
        }
        return session;
    }

    public async Task<MemberSession> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new InvalidOperationException("No member in this request; the endpoint must require a policy.");
}

/// <summary>Adds the tenant of the sign-in to the principal, so a token or cookie is bound to one network.</summary>
public sealed class TenantClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, ITenantContext tenant)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string TenantClaim = "oa_tenant";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (tenant.Tenant is not null) identity.AddClaim(new Claim(TenantClaim, tenant.Tenant.Id.ToString()));
        return identity;
    }
}

/// <summary>
/// Binds sign-ins to their tenant: a bearer token or cookie issued by network A fails authentication on
/// network B (401, or the login page), even when the same login is a member of both.
/// </summary>
public static class TenantBoundAuthentication
{
    static bool Matches(ClaimsPrincipal? principal, HttpContext? http) =>
        principal?.FindFirstValue(TenantClaimsPrincipalFactory.TenantClaim) is { } claim
        && http?.RequestServices.GetService<ITenantContext>()?.Tenant?.Id.ToString() == claim;

    public static IServiceCollection AddTenantBoundAuthentication(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(o =>
        {
            var inner = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                if (!Matches(ctx.Principal, ctx.HttpContext)) { ctx.RejectPrincipal(); return; }
                await inner(ctx);
            };
        });
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .PostConfigure<IHttpContextAccessor>((o, http) => o.BearerTokenProtector = new TenantBoundProtector(o.BearerTokenProtector, http));
        return services;
    }

    /// <summary>Unprotects a token as usual, then refuses it when it was issued for another tenant.</summary>
    sealed class TenantBoundProtector(ISecureDataFormat<AuthenticationTicket> inner, IHttpContextAccessor http) : ISecureDataFormat<AuthenticationTicket>
    {
        public string Protect(AuthenticationTicket data) => inner.Protect(data);
        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);
        public AuthenticationTicket? Unprotect(string? protectedText) => Check(inner.Unprotect(protectedText));
        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose) => Check(inner.Unprotect(protectedText, purpose));
        AuthenticationTicket? Check(AuthenticationTicket? ticket) => ticket is not null && Matches(ticket.Principal, http.HttpContext) ? ticket : null;
    }
}
