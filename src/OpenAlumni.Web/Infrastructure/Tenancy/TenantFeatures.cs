namespace OpenAlumni.Web.Infrastructure.Tenancy;

/// <summary>
/// Which rooms and features the request's network has switched on (tenant settings). The one question
/// every feature asks: <c>features.IsOn(TenantFeature.Events)</c>; off means the feature answers 404 and
/// leaves the navigation.
/// </summary>
public sealed class TenantFeatures(ITenantContext tenant)
{
    public bool IsOn(TenantFeature feature) => tenant.Tenant is not { } t || !t.DisabledFeatures.Contains(feature);

    /// <summary>An endpoint filter for an API group: 404 while the feature is off.</summary>
    public static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Require(TenantFeature feature) =>
        async (ctx, next) => ctx.HttpContext.RequestServices.GetRequiredService<TenantFeatures>().IsOn(feature)
            ? await next(ctx)
            : TypedResults.NotFound();
}

/// <summary>The same for a folder of pages (registered as a convention in AppSetup).</summary>
public sealed class FeaturePageFilter(TenantFeature feature) : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (!context.HttpContext.RequestServices.GetRequiredService<TenantFeatures>().IsOn(feature))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
            return;
        }
        await next();
    }
}
