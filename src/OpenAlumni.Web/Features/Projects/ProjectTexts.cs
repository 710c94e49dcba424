namespace OpenAlumni.Web.Features.Projects;

/// <summary>Marker for the side projects' strings (ProjectTexts.resx, ProjectTexts.ja.resx).</summary>
public sealed class ProjectTexts;
