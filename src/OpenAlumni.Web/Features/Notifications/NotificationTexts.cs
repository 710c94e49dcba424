namespace OpenAlumni.Web.Features.Notifications;

/// <summary>Marker for the notifications' strings (NotificationTexts.resx, NotificationTexts.ja.resx).</summary>
public sealed class NotificationTexts;
