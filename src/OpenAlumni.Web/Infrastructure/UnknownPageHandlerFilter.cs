using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>
/// A request for a page handler the page does not have answers 404, on every page: a handler name it does
/// not know (<c>?handler=Bogus</c>), or a POST to a page with no handler for it.
/// </summary>
/// <remarks>
/// Left alone, Razor Pages renders such a page without running any handler, so its model was never loaded
/// and the view fails with a 500; and an unnamed <c>OnPost</c> would run for any handler name, so a form
/// posted to a handler that is gone would do something else than asked.
/// </remarks>
public sealed class UnknownPageHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var request = context.HttpContext.Request;
        // The error page, shown in place of a failed request (a POST among them), answers whatever the method.
        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null) return;
        // Where Razor Pages reads the name from: the route first, then the query string.
        var named = context.RouteData.Values["handler"]?.ToString() is { Length: > 0 } route ? route : request.Query["handler"].FirstOrDefault() ?? "";
        var unknown = context.HandlerMethod is null
            ? named.Length > 0 || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            : named.Length > 0 && context.HandlerMethod.Name is null;
        if (unknown) context.Result = new NotFoundResult();
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
