using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>Logins (ASP.NET Core Identity), cookies and bearer tokens bound to a network, and the policies.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the email, already checked by Check.Email; Identity's narrower default would refuse some valid addresses.
                o.User.AllowedUserNameCharacters = "";
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AlumniDb>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRulesValidator>()
            .AddClaimsPrincipalFactory<TenantClaimsPrincipalFactory>();
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1)).AddAlumniScheme();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/accounts/login";
            o.LogoutPath = "/accounts/logout";
            o.AccessDeniedPath = "/accounts/accessdenied";
            o.Cookie.Name = "openalumni";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            o.SlidingExpiration = true;
            // The API answers 401/403, never a redirect to the login page.
            o.Events.OnRedirectToLogin = ctx => Redirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Redirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddScoped<CurrentMember>();
        services.AddTenantBoundAuthentication();
        services.AddAlumniPolicies();
        services.AddAlumniRateLimits(builder.Configuration);
        services.AddScoped<AccountService>();
        services.AddPageRules(pages =>
        {
            pages.AuthorizePage("/Accounts/Security", Policies.Registered);
            pages.AuthorizePage("/Accounts/Status", Policies.Registered);
        });
        return builder;
    }

    /// <summary>Sign-in and registration for API clients, and the language switcher.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app) => app.MapAccountsApi().MapCultureEndpoint();

    static Task Redirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs") || ctx.Request.Path.Value?.EndsWith("/photo", StringComparison.Ordinal) == true)
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
