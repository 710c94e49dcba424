namespace OpenAlumni.Web.Features.Scim;

/// <summary>Marker for the HR system (SCIM) page's strings (ScimTexts.resx, ScimTexts.ja.resx).</summary>
public sealed class ScimTexts;
