using Microsoft.AspNetCore.Mvc.ModelBinding;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Shared;

/// <summary>What the _Field partial needs to draw one input with its label and error.</summary>
public sealed record FieldView(string Name, string Label, string? Value, string Type = "text", bool Required = false,
    int MaxLength = 0, string? Hint = null, string? Autocomplete = null, bool Half = false)
{
    public string Id => Name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
    public string? Error { get; init; }

    public FieldView WithError(ModelStateDictionary state) =>
        this with { Error = state.ErrorFor(Name) };
}
