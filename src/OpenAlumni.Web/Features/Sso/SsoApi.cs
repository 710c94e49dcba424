using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Sso;

public static class SsoApi
{
    public static IEndpointRouteBuilder MapSsoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/sso").RequireAuthorization(Policies.Admin).WithTags("Admin");
        api.MapGet("/", Get);
        api.MapPut("/", Put);
        api.MapDelete("/", Delete);
        return app;
    }

    /// <remarks>
    /// <c>{configured, authority, clientId, clientSecretSet, domains, required, callbackUrl, updatedAt, lastSignInAt}</c>: never the
    /// secret. <c>callbackUrl</c> is the redirect URI to register at the provider.
    /// </remarks>
    static async Task<ApiResult<Ok<SsoSettingsDto>, Problem.Forbidden>> Get(SsoService s, CancellationToken ct) =>
        (await s.GetAsync(ct)).ToHttpResult();

    /// <remarks>
    /// <c>{authority, clientId, clientSecret?, domains: [...], required}</c>. The authority is the provider's https issuer URL;
    /// the secret is stored encrypted, never returned, logged or audited (left out: kept; empty: removed). With
    /// <c>required</c>, password sign-in and registration are refused for the domains, except the network's admins' sign-in.
    /// </remarks>
    static async Task<ApiResult<Ok<SsoSettingsDto>, Problem.Invalid, Problem.Forbidden>> Put(SsoInput input, SsoService s, CancellationToken ct) =>
        (await s.SaveAsync(input, ct)).ToHttpResult();

    /// <remarks>Switches the company sign-in off: 204; 404 when there was none.</remarks>
    static async Task<ApiResult<NoContent, Problem.Forbidden, Problem.NotFound>> Delete(SsoService s, CancellationToken ct) =>
        (await s.DeleteAsync(ct)).ToHttpResult(_ => TypedResults.NoContent());
}
