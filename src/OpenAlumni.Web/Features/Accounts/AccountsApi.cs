using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Accounts;

/// <param name="RecoveryCode">One of the login's recovery codes, instead of <paramref name="TwoFactorCode"/> when the authenticator is lost; each works once.</param>
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null, string? RecoveryCode = null);

public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/login", Login).RequireRateLimiting(RateLimits.Login).AllowAnonymous()
            .WithTags("Auth").Produces<AccessTokenDto>().ProducesProblem(401).ProducesValidationProblem();
        app.MapPost("/api/v1/registrations", Register).RequireRateLimiting(RateLimits.Registration).AllowAnonymous()
            .WithTags("Registrations");

        // Applicants waiting for approval have a password too.
        var me = app.MapGroup("/api/v1/me").RequireAuthorization(Policies.Registered).WithTags("Auth");
        me.MapPost("/password", ChangePassword).RequireRateLimiting(RateLimits.Login);
        return app;
    }

    /// <summary>Documents the token response the bearer handler writes.</summary>
    public sealed record AccessTokenDto(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    static async Task<IResult> Login(LoginRequest request, SignInManager<AppUser> signIn, AccountService accounts, Sso.SsoGate sso, IStringLocalizer<ValidationTexts> texts, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", "Validation.Required");
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "Validation.Required");
        if (errors.Any) return TypedResults.ValidationProblem(errors.Localize(texts), title: texts["Validation.Title"]);

        var user = await signIn.UserManager.FindByEmailAsync(request.Email!.Trim());
        // No membership in this network looks exactly like a wrong password: nothing to learn by probing.
        if (user is null || !await accounts.HasMembershipHereAsync(user.Id, ct))
        {
            LoginTiming.SpendAsMuchAsAPasswordCheck(signIn.UserManager);
            // An address of a domain that must use the company sign-in is told so whether or not it has a login here: a
            // different answer would tell a prober which addresses do.
            if (await sso.RequiredForAsync(request.Email!.Trim(), ct)) return Unauthorized(texts["Sso.PasswordRefused"]);
            return Unauthorized(texts["Validation.LoginFailed"]);
        }

        // The network requires its company sign-in for this address's domain (admins excepted; see SsoGate).
        if (await sso.RefusesPasswordAsync(user, request.Password!, ct)) return Unauthorized(texts["Sso.PasswordRefused"]);

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (!string.IsNullOrWhiteSpace(request.RecoveryCode))
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCodes.Normalize(request.RecoveryCode));
            else if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
                return Unauthorized(texts["Validation.TwoFactorRequired"]);
            else
                result = await signIn.TwoFactorAuthenticatorSignInAsync(request.TwoFactorCode.Replace(" ", ""), isPersistent: false, rememberClient: false);
        }
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written {accessToken, expiresIn, ...}
        // "Locked" and "unconfirmed" are only said to someone who knows the password; to others they look like any failure.
        var knowsPassword = (result.IsLockedOut || result.IsNotAllowed) && await signIn.UserManager.CheckPasswordAsync(user, request.Password!);
        return Unauthorized(!knowsPassword ? texts["Validation.LoginFailed"]
            : result.IsLockedOut ? texts["Validation.LockedOut"] : texts["Validation.EmailNotConfirmed"]);
    }

    /// <summary>
    /// 204 when changed. Every other session and token of the login stops working, this request's bearer token
    /// too (the security stamp it carries is the old one): sign in again with the new password.
    /// </summary>
    static async Task<ApiResult<NoContent, Problem.Invalid>> ChangePassword(ChangePasswordRequest request, AccountService accounts, HttpContext http, CancellationToken ct) =>
        (await accounts.ChangePasswordAsync(http.User, request with { ConfirmPassword = null }, ct)).ToHttpResult(_ => TypedResults.NoContent());

    static ProblemHttpResult Unauthorized(string detail) => TypedResults.Problem(statusCode: 401, title: detail, detail: detail);

    /// <summary>
    /// What a registration is told: the same for an address that has an account already (whose owner is mailed
    /// instead), so no member id and no link to one, which would tell the two apart.
    /// </summary>
    public sealed record RegistrationReceivedDto(string Email, string Kind, string Status);

    static async Task<ApiResult<Created<RegistrationReceivedDto>, Problem.Invalid>> Register(
        RegisterRequest request, AccountService accounts, CancellationToken ct) =>
        (await accounts.RegisterAsync(request, ct))
            .ToHttpResult(r => TypedResults.Created((string?)null, new RegistrationReceivedDto(r.Email, r.Kind, r.Status)));
}
