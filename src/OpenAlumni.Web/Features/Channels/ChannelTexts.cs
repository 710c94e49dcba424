namespace OpenAlumni.Web.Features.Channels;

/// <summary>Marker for the chat channels' strings (ChannelTexts.resx, ChannelTexts.ja.resx).</summary>
public sealed class ChannelTexts;
