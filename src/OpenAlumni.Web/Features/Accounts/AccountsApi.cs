using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Accounts;

public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null);

public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/login", Login).RequireRateLimiting(RateLimits.Login).AllowAnonymous()
            .WithTags("Auth").Produces<AccessTokenDto>().ProducesProblem(401).ProducesValidationProblem();
        app.MapPost("/api/v1/registrations", Register).RequireRateLimiting(RateLimits.Registration).AllowAnonymous()
            .WithTags("Registrations").Produces<RegistrationDto>(201).ProducesValidationProblem().ProducesProblem(409);
        return app;
    }

    /// <summary>Documents the token response the bearer handler writes.</summary>
    public sealed record AccessTokenDto(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    static async Task<IResult> Login(LoginRequest request, SignInManager<AppUser> signIn, AlumniDb db, IStringLocalizer<ValidationTexts> texts)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", "Validation.Required");
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "Validation.Required");
        if (errors.Any) return TypedResults.ValidationProblem(errors.Localize(texts), title: texts["Validation.Title"]);

        var user = await signIn.UserManager.FindByEmailAsync(request.Email!.Trim());
        // No membership in this network looks exactly like a wrong password: nothing to learn by probing.
        if (user is null || !await db.Members.AnyAsync(m => m.UserId == user.Id))
            return Unauthorized(texts["Validation.LoginFailed"]);

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
                return Unauthorized(texts["Validation.TwoFactorRequired"]);
            result = await signIn.TwoFactorAuthenticatorSignInAsync(request.TwoFactorCode.Replace(" ", ""), isPersistent: false, rememberClient: false);
        }
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written {accessToken, expiresIn, ...}
        return Unauthorized(result.IsLockedOut ? texts["Validation.LockedOut"]
            : result.IsNotAllowed ? texts["Validation.EmailNotConfirmed"]
            : texts["Validation.LoginFailed"]);
    }

    static ProblemHttpResult Unauthorized(string detail) => TypedResults.Problem(statusCode: 401, title: detail, detail: detail);

    static async Task<IResult> Register(RegisterRequest request, AccountService accounts, HttpContext http, IStringLocalizer<ValidationTexts> texts, CancellationToken ct) =>
        (await accounts.RegisterAsync(request, BaseUrl(http), ct))
            .ToHttpResult(texts, r => TypedResults.Created($"/api/v1/members/{r.Id}", r));

    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
