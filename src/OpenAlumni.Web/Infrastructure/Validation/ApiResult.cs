using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>
/// A handler's answer to a service <see cref="Result{T}"/> (made by <see cref="ResultMapping.ToHttpResult{T}(Result{T})"/>):
/// <typeparamref name="TSuccess"/> when it is OK, else an <see cref="ApiProblem"/>. The OpenAPI response of
/// the success comes from its type; the problems an endpoint may answer are declared by the forms with
/// more type arguments (<see cref="ApiResult{TSuccess, P1}"/> ...), which it converts to.
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

/// <summary>
/// <typeparamref name="TSuccess"/> or a problem, declaring (for OpenAPI) the problem it is expected to be.
/// Like <c>Results&lt;Ok&lt;T&gt;, NotFound&gt;</c>, but the problem is localized when written, and a problem
/// the service answers that is not declared is still written as it is.
/// </summary>
public sealed class ApiResult<TSuccess, P1> : IResult, IEndpointMetadataProvider
    where TSuccess : IResult where P1 : IProblemStatus
{
    readonly ApiResult<TSuccess> inner;
    ApiResult(ApiResult<TSuccess> inner) => this.inner = inner;
    public static implicit operator ApiResult<TSuccess, P1>(ApiResult<TSuccess> result) => new(result);
    public static implicit operator ApiResult<TSuccess, P1>(TSuccess success) => new(success);
    public static implicit operator ApiResult<TSuccess, P1>(ApiProblem problem) => new(problem);
    public Task ExecuteAsync(HttpContext httpContext) => inner.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ApiResult<TSuccess>.PopulateMetadata(method, builder);
        Problem.Describe<P1>(builder);
    }
}

/// <inheritdoc cref="ApiResult{TSuccess, P1}"/>
public sealed class ApiResult<TSuccess, P1, P2> : IResult, IEndpointMetadataProvider
    where TSuccess : IResult where P1 : IProblemStatus where P2 : IProblemStatus
{
    readonly ApiResult<TSuccess> inner;
    ApiResult(ApiResult<TSuccess> inner) => this.inner = inner;
    public static implicit operator ApiResult<TSuccess, P1, P2>(ApiResult<TSuccess> result) => new(result);
    public static implicit operator ApiResult<TSuccess, P1, P2>(TSuccess success) => new(success);
    public static implicit operator ApiResult<TSuccess, P1, P2>(ApiProblem problem) => new(problem);
    public Task ExecuteAsync(HttpContext httpContext) => inner.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ApiResult<TSuccess>.PopulateMetadata(method, builder);
        Problem.Describe<P1>(builder);
        Problem.Describe<P2>(builder);
    }
}

/// <inheritdoc cref="ApiResult{TSuccess, P1}"/>
public sealed class ApiResult<TSuccess, P1, P2, P3> : IResult, IEndpointMetadataProvider
    where TSuccess : IResult where P1 : IProblemStatus where P2 : IProblemStatus where P3 : IProblemStatus
{
    readonly ApiResult<TSuccess> inner;
    ApiResult(ApiResult<TSuccess> inner) => this.inner = inner;
    public static implicit operator ApiResult<TSuccess, P1, P2, P3>(ApiResult<TSuccess> result) => new(result);
    public static implicit operator ApiResult<TSuccess, P1, P2, P3>(TSuccess success) => new(success);
    public static implicit operator ApiResult<TSuccess, P1, P2, P3>(ApiProblem problem) => new(problem);
    public Task ExecuteAsync(HttpContext httpContext) => inner.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ApiResult<TSuccess>.PopulateMetadata(method, builder);
        Problem.Describe<P1>(builder);
        Problem.Describe<P2>(builder);
        Problem.Describe<P3>(builder);
    }
}

/// <inheritdoc cref="ApiResult{TSuccess, P1}"/>
public sealed class ApiResult<TSuccess, P1, P2, P3, P4> : IResult, IEndpointMetadataProvider
    where TSuccess : IResult where P1 : IProblemStatus where P2 : IProblemStatus where P3 : IProblemStatus where P4 : IProblemStatus
{
    readonly ApiResult<TSuccess> inner;
    ApiResult(ApiResult<TSuccess> inner) => this.inner = inner;
    public static implicit operator ApiResult<TSuccess, P1, P2, P3, P4>(ApiResult<TSuccess> result) => new(result);
    public static implicit operator ApiResult<TSuccess, P1, P2, P3, P4>(TSuccess success) => new(success);
    public static implicit operator ApiResult<TSuccess, P1, P2, P3, P4>(ApiProblem problem) => new(problem);
    public Task ExecuteAsync(HttpContext httpContext) => inner.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ApiResult<TSuccess>.PopulateMetadata(method, builder);
        Problem.Describe<P1>(builder);
        Problem.Describe<P2>(builder);
        Problem.Describe<P3>(builder);
        Problem.Describe<P4>(builder);
    }
}
