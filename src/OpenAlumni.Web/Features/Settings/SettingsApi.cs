using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Settings;

public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/settings").RequireAuthorization(Policies.Admin).WithTags("Admin");
        api.MapGet("/", Get);
        api.MapPut("/", Update);
        api.MapPut("/logo", SetLogo).DisableAntiforgery();
        api.MapDelete("/logo", RemoveLogo);
        // The logo is public: the sign-in and registration pages show it.
        app.MapGet("/network/logo", Logo).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    static async Task<ApiResult<Ok<TenantSettingsDto>>> Get(TenantSettingsService settings, CancellationToken ct) =>
        (await settings.GetAsync(ct)).ToHttpResult();

    static async Task<ApiResult<Ok<TenantSettingsDto>, Problem.Invalid>> Update(UpdateSettingsRequest request, TenantSettingsService settings, CancellationToken ct) =>
        (await settings.UpdateAsync(request, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<TenantSettingsDto>, Problem.Invalid>> SetLogo(IFormFile? logo, TenantSettingsService settings, CancellationToken ct)
    {
        if (logo is null) return ApiProblem.Invalid("logo", "Validation.Required");
        await using var stream = logo.OpenReadStream();
        return (await settings.SetLogoAsync(stream, logo.Length, ct)).ToHttpResult();
    }

    static async Task<ApiResult<Ok<TenantSettingsDto>>> RemoveLogo(TenantSettingsService settings, CancellationToken ct) =>
        (await settings.RemoveLogoAsync(ct)).ToHttpResult();

    static async Task<IResult> Logo(TenantSettingsService settings, CancellationToken ct) =>
        await settings.OpenLogoAsync(ct) is { } stream ? TypedResults.Stream(stream, "image/jpeg") : TypedResults.NotFound();
}
