namespace OpenAlumni.Web.Features.Collaborations;

/// <summary>Marker for the collaborations' strings (CollaborationTexts.resx, CollaborationTexts.ja.resx).</summary>
public sealed class CollaborationTexts;
