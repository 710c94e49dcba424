namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>Marker for the newsletters' strings (NewsletterTexts.resx, NewsletterTexts.ja.resx).</summary>
public sealed class NewsletterTexts;
