namespace OpenAlumni.Web.Features.Messages;

/// <summary>Marker for the messages' strings (MessageTexts.resx, MessageTexts.ja.resx).</summary>
public sealed class MessageTexts;
