using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Outcomes;

public static class OutcomesApi
{
    public static IEndpointRouteBuilder MapOutcomesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/outcomes").RequireAuthorization(Policies.Member).WithTags("Outcomes");
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/{id:long}", Get);
        api.MapPatch("/{id:long}", Update);
        api.MapDelete("/{id:long}", Delete);

        var me = app.MapGroup("/api/v1/me/outcomes").RequireAuthorization(Policies.Member).WithTags("Outcomes");
        me.MapGet("/", Mine);
        me.MapPut("/{id:long}", SetMyName);

        var admin = app.MapGroup("/api/v1/admin/outcomes").RequireAuthorization(Policies.Admin).WithTags("Admin");
        admin.MapGet("/values", GetValues);
        admin.MapPut("/values", SetValues);
        return app;
    }

    /// <remarks>The secretariat reads the whole ledger, a recruiter its hires; <c>from</c>, <c>to</c>: yyyy-MM-dd, inclusive.</remarks>
    static async Task<ApiResult<Ok<OutcomeListDto>, Problem.Invalid, Problem.Forbidden>> List(
        string? kind, string? from, string? to, int? page, OutcomeService s, CancellationToken ct) =>
        (await s.ListAsync(kind, from, to, page ?? 1, ct)).ToHttpResult();

    static async Task<ApiResult<Created<OutcomeDto>, Problem.Invalid, Problem.Forbidden>> Create(OutcomeInput input, OutcomeService s, CancellationToken ct) =>
        (await s.CreateAsync(input, ct)).ToHttpResult(o => TypedResults.Created($"/api/v1/outcomes/{o.Id}", o));

    static async Task<ApiResult<Ok<OutcomeDto>, Problem.Forbidden, Problem.NotFound>> Get(long id, OutcomeService s, CancellationToken ct) =>
        (await s.GetAsync(id, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<OutcomeDto>, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Update(
        long id, OutcomeInput input, OutcomeService s, CancellationToken ct) =>
        (await s.UpdateAsync(id, input, ct)).ToHttpResult();

    static async Task<ApiResult<NoContent, Problem.Invalid, Problem.Forbidden, Problem.NotFound>> Delete(long id, OutcomeService s, CancellationToken ct) =>
        (await s.DeleteAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent());

    static async Task<Ok<IReadOnlyList<MyOutcomeDto>>> Mine(OutcomeService s, CancellationToken ct) => TypedResults.Ok(await s.MineAsync(ct));

    /// <remarks>Hides my name on an outcome I am part of from everyone but the secretariat (the report, the others involved).</remarks>
    static async Task<ApiResult<Ok<MyOutcomeDto>, Problem.NotFound>> SetMyName(long id, MyOutcomeInput input, OutcomeService s, CancellationToken ct) =>
        (await s.SetMyNameAsync(id, input.HideName, ct)).ToHttpResult();

    static async Task<ApiResult<Ok<OutcomeValuesDto>, Problem.Forbidden>> GetValues(OutcomeService s, CancellationToken ct) =>
        (await s.GetValuesAsync(ct)).ToHttpResult();

    /// <remarks><c>{values: {rehire: 3000000, ...}}</c>: yen per kind, counted for outcomes recorded without a value.</remarks>
    static async Task<ApiResult<Ok<OutcomeValuesDto>, Problem.Invalid, Problem.Forbidden>> SetValues(OutcomeValuesInput input, OutcomeService s, CancellationToken ct) =>
        (await s.SetValuesAsync(input.Values, ct)).ToHttpResult();
}

public sealed record OutcomeValuesInput(IReadOnlyDictionary<string, long?>? Values);
