using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>
/// A handler's answer to a service <see cref="Result{T}"/> (made by <see cref="ResultMapping.ToHttpResult{T}(Result{T})"/>):
/// <typeparamref name="TSuccess"/> when it is OK, else an <see cref="ApiProblem"/>. The OpenAPI response of
/// the success comes from its type.
/// </summary>
public sealed class ApiResult<TSuccess> : IResult, IEndpointMetadataProvider where TSuccess : IResult
{
    readonly IResult answer;

    internal ApiResult(TSuccess success) => answer = success;

    internal ApiResult(ApiProblem problem) => answer = problem;

    public static implicit operator ApiResult<TSuccess>(TSuccess success) => new(success);

    public static implicit operator ApiResult<TSuccess>(ApiProblem problem) => new(problem);

    public Task ExecuteAsync(HttpContext httpContext) => answer.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        // Ok<T>, Created<T>, NoContent describe themselves; a file or text answer is described on its route.
        if (typeof(IEndpointMetadataProvider).IsAssignableFrom(typeof(TSuccess)))
            typeof(ApiResult<TSuccess>).GetMethod(nameof(Describe), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(typeof(TSuccess)).Invoke(null, [method, builder]);
    }

    static void Describe<T>(MethodInfo method, EndpointBuilder builder) where T : IEndpointMetadataProvider => T.PopulateMetadata(method, builder);
}
