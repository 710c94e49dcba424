namespace OpenAlumni.Web.Features.Settings;

/// <summary>Marker for the settings page strings (SettingsTexts.resx, SettingsTexts.ja.resx).</summary>
public sealed class SettingsTexts;
