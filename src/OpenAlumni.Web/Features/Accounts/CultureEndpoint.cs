using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Accounts;

public static class CultureEndpoint
{
    /// <summary>The language switcher posts here; the choice is kept in a cookie and on the user.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/culture", SetCulture).ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> SetCulture([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http, UserManager<AppUser> users)
    {
        var chosen = Cultures.Normalize(culture);
        Cultures.RememberCulture(http.Response, chosen);
        if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
        {
            user.PreferredCulture = chosen;
            await users.UpdateAsync(user);
        }
        return TypedResults.LocalRedirect(LoginModel.SafeReturnUrl(returnUrl));
    }
}
