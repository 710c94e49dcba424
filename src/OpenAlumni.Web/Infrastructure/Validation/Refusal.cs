namespace OpenAlumni.Web.Infrastructure;

/// <summary>
/// Why a rule says no: not for this member (403), not now (409, with the key that explains it) or nothing
/// to act on (404). A feature's rule answers null when it allows. Its service returns the refusal as the
/// action's result, and the DTO's <c>Can…</c> flag is the same rule asked ahead (<c>is null</c>), so a page
/// offers an action exactly when the service would take it.
/// </summary>
public sealed record Refusal(ResultStatus Status, FieldErrors? Errors)
{
    public static readonly Refusal Forbidden = new(ResultStatus.Forbidden, null);
    public static readonly Refusal NotFound = new(ResultStatus.NotFound, null);

    public static Refusal Conflict(string field, string key) => new(ResultStatus.Conflict, FieldErrors.Of(field, key));

    /// <summary>The request names something the rule does not allow (400, by its field).</summary>
    public static Refusal Invalid(string field, string key) => new(ResultStatus.Invalid, FieldErrors.Of(field, key));

    public Result<T> As<T>() => new(Status, default, Errors);
}
