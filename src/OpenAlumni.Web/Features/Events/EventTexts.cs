namespace OpenAlumni.Web.Features.Events;

/// <summary>Marker for the events' strings (EventTexts.resx, EventTexts.ja.resx).</summary>
public sealed class EventTexts;
