using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Settings;

public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/settings").RequireAuthorization(Policies.Admin).WithTags("Admin");
        api.MapGet("/", Get).Produces<TenantSettingsDto>();
        api.MapPut("/", Update).Produces<TenantSettingsDto>().ProducesValidationProblem();
        api.MapPut("/logo", SetLogo).DisableAntiforgery().Produces<TenantSettingsDto>().ProducesValidationProblem();
        api.MapDelete("/logo", RemoveLogo).Produces<TenantSettingsDto>();
        // The logo is public: the sign-in and registration pages show it.
        app.MapGet("/network/logo", Logo).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> Get(TenantSettingsService settings, CancellationToken ct) =>
        (await settings.GetAsync(ct)).ToHttpResult();

    static async Task<IResult> Update(UpdateSettingsRequest request, TenantSettingsService settings, CancellationToken ct) =>
        (await settings.UpdateAsync(request, ct)).ToHttpResult();

    static async Task<IResult> SetLogo(IFormFile? logo, TenantSettingsService settings, CancellationToken ct)
    {
        if (logo is null) return ApiProblem.Invalid("logo", "Validation.Required");
        await using var stream = logo.OpenReadStream();
        return (await settings.SetLogoAsync(stream, logo.Length, ct)).ToHttpResult();
    }

    static async Task<IResult> RemoveLogo(TenantSettingsService settings, CancellationToken ct) =>
        (await settings.RemoveLogoAsync(ct)).ToHttpResult();

    static IResult Logo(TenantSettingsService settings) =>
        settings.OpenLogo() is { } stream ? TypedResults.Stream(stream, "image/jpeg") : TypedResults.NotFound();
}
