namespace OpenAlumni.Web.Features.Spaces;

/// <summary>Marker for the spaces' strings (SpaceTexts.resx, SpaceTexts.ja.resx).</summary>
public sealed class SpaceTexts;
