namespace OpenAlumni.Web.Features.Roster;

/// <summary>Marker for the roster and invitation strings (RosterTexts.resx, RosterTexts.ja.resx).</summary>
public sealed class RosterTexts;
