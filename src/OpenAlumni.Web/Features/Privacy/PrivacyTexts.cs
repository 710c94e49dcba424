namespace OpenAlumni.Web.Features.Privacy;

/// <summary>Marker for the privacy strings (PrivacyTexts.resx, PrivacyTexts.ja.resx).</summary>
public sealed class PrivacyTexts;
