namespace OpenAlumni.Web.Features.Posts;

/// <summary>Marker for the posts' and moderation's strings (PostTexts.resx, PostTexts.ja.resx).</summary>
public sealed class PostTexts;
