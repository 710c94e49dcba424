namespace OpenAlumni.Web.Infrastructure;

/// <summary>One invalid field: its name (as in the API's JSON) and a resource key in ValidationTexts.</summary>
public sealed record FieldError(string Field, string Key, object[] Args);

public sealed class FieldErrors
{
    readonly List<FieldError> items = [];

    public bool Any => items.Count > 0;
    public IReadOnlyList<FieldError> Items => items;

    public FieldErrors Add(string field, string key, params object[] args)
    {
        items.Add(new FieldError(field, key, args));
        return this;
    }

    public static FieldErrors Of(string field, string key, params object[] args) => new FieldErrors().Add(field, key, args);
}

public enum ResultStatus { Ok, Invalid, NotFound, Conflict, Forbidden }

/// <summary>What a feature service answers: a value, or why not. Pages and the API map it each their way.</summary>
public readonly record struct Result<T>(ResultStatus Status, T? Value, FieldErrors? Errors)
{
    public bool IsOk => Status == ResultStatus.Ok;

    public static implicit operator Result<T>(T value) => new(ResultStatus.Ok, value, null);
    public static implicit operator Result<T>(FieldErrors errors) => new(ResultStatus.Invalid, default, errors);

    public static Result<T> NotFound() => new(ResultStatus.NotFound, default, null);
    public static Result<T> Forbidden() => new(ResultStatus.Forbidden, default, null);
    /// <summary>A state conflict (already decided, duplicate): the key explains it to the user.</summary>
    public static Result<T> Conflict(string field, string key) => new(ResultStatus.Conflict, default, FieldErrors.Of(field, key));
}
