namespace OpenAlumni.Web.Features.Community;

/// <summary>Marker for the community page's strings (CommunityTexts.resx, CommunityTexts.ja.resx).</summary>
public sealed class CommunityTexts;
