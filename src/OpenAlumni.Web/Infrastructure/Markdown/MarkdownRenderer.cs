using Ganss.Xss;
using Markdig;

namespace OpenAlumni.Web.Infrastructure.Markdown;

/// <summary>
/// Markdown as written by members, to HTML safe to show to others: Markdig (raw HTML disabled) then a
/// maintained sanitizer (no script, no event handlers, no style), links opened with rel=noopener, and
/// images only from this site (relative URLs), so a post cannot track its readers.
/// </summary>
public sealed class MarkdownRenderer
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras().UseAutoLinks().UsePipeTables().UseListExtras().UseSoftlineBreakAsHardlineBreak()
        .DisableHtml()
        .Build();

    readonly HtmlSanitizer sanitizer;

    public MarkdownRenderer()
    {
        sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
                a.SetAttribute("target", "_blank");
            }
            else if (e.Node is AngleSharp.Dom.IElement { TagName: "IMG" } img)
            {
                var src = img.GetAttribute("src") ?? "";
                if (!src.StartsWith('/') || src.StartsWith("//")) img.Remove();
            }
        };
    }

    public string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));
}
