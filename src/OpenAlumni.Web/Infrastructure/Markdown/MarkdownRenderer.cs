using System.Net;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

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

    /// <summary>
    /// How deep Markdown may nest (quotes, lists, brackets within one another), counted in levels of its syntax
    /// tree. Markdig throws at 128; ordinary writing stays far below either (a list nested 20 deep is about 40).
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>Whether the text nests deeper than <see cref="MaxDepth"/>: writes refuse it (<c>Check.MarkdownText</c>).</summary>
    public static bool IsTooDeep(string? markdown) => !string.IsNullOrWhiteSpace(markdown) && Parse(markdown) is null;

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        // Text stored before the limit existed still shows, as plain text, rather than failing every page it is on.
        var html = Parse(markdown) is { } document ? document.ToHtml(Pipeline)
            : "<p>" + WebUtility.HtmlEncode(markdown).ReplaceLineEndings("<br>") + "</p>";
        return sanitizer.Sanitize(html);
    }

    /// <summary>The syntax tree, or null when it is too deep to render.</summary>
    static MarkdownDocument? Parse(string markdown)
    {
        MarkdownDocument document;
        // Markdig's own depth limit, when it is reached while parsing (deep quotes and lists).
        try { document = Markdig.Markdown.Parse(markdown, Pipeline); }
        catch (ArgumentException) { return null; }
        return Depth(document) > MaxDepth ? null : document;
    }

    /// <summary>The tree's depth, walked without recursion (the tree may be thousands deep), stopping past the limit.</summary>
    static int Depth(MarkdownDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 1));
        while (pending.TryPop(out var item) && deepest <= MaxDepth)
        {
            deepest = Math.Max(deepest, item.Depth);
            IEnumerable<MarkdownObject> children = item.Node switch
            {
                ContainerBlock block => block,
                LeafBlock { Inline: { } inline } => [inline],
                ContainerInline inline => inline,
                _ => [],
            };
            foreach (var child in children) pending.Push((child, item.Depth + 1));
        }
        return deepest;
    }
}
