namespace OpenAlumni.Web.Features.Sso;

/// <summary>Marker for the company sign-in's strings (SsoTexts.resx, SsoTexts.ja.resx).</summary>
public sealed class SsoTexts;
