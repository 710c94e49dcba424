namespace OpenAlumni.Web.Features.Suggestions;

/// <summary>Marker for the strings of people worth meeting (SuggestionTexts.resx, SuggestionTexts.ja.resx).</summary>
public sealed class SuggestionTexts;
