namespace OpenAlumni.Web.Features.WebApp;

/// <summary>Marker for the installable app's strings (WebAppTexts.resx, WebAppTexts.ja.resx).</summary>
public sealed class WebAppTexts;
