using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenAlumni.Web.Infrastructure.Markdown;

namespace OpenAlumni.Web.Features.Channels;

/// <summary>One message as a chat channel shows it: a label (what happened), the item's title, a plain-text excerpt and its link.</summary>
public sealed record ChannelMessage(string Label, string Title, string? Excerpt, string Link, string LinkText);

/// <summary>
/// The payload each kind of incoming webhook expects, written from the services' documentation:
/// Slack <c>{"text": ...}</c> with a mrkdwn link <c>&lt;url|title&gt;</c>; Teams an Adaptive Card in a <c>message</c> attachment,
/// which both the Office 365 connectors and the Workflows ("Post to a channel when a webhook request is received") accept;
/// LINE WORKS' Incoming Webhook app <c>{"title": ..., "body": {"text": ...}}</c> (plain text only: the link goes in the text).
/// </summary>
public static partial class ChannelMessages
{
    public const int ExcerptLength = 200;

    public static string Payload(ChannelKind kind, ChannelMessage m) => kind switch
    {
        ChannelKind.Slack => Slack(m),
        ChannelKind.Teams => Teams(m),
        _ => LineWorks(m),
    };

    static string Slack(ChannelMessage m)
    {
        // Slack reads &, < and > as markup: escaped, a title cannot open a link of its own; | would end the link's text.
        var text = $"*{SlackEscape(m.Label)}*\n<{m.Link}|{SlackEscape(m.Title).Replace('|', '｜')}>";
        if (!string.IsNullOrEmpty(m.Excerpt)) text += "\n" + SlackEscape(m.Excerpt);
        return new JsonObject { ["text"] = text }.ToJsonString(Json);
    }

    static string SlackEscape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    static string Teams(ChannelMessage m)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = m.Label, ["size"] = "Small", ["isSubtle"] = true, ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = m.Title, ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true },
        };
        if (!string.IsNullOrEmpty(m.Excerpt)) body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = m.Excerpt, ["wrap"] = true });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json", ["type"] = "AdaptiveCard", ["version"] = "1.4",
            ["body"] = body,
            ["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = m.LinkText, ["url"] = m.Link } },
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray { new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card } },
        }.ToJsonString(Json);
    }

    static string LineWorks(ChannelMessage m)
    {
        var text = string.IsNullOrEmpty(m.Excerpt) ? m.Title : m.Title + "\n" + m.Excerpt;
        return new JsonObject
        {
            ["title"] = m.Label,
            ["body"] = new JsonObject { ["text"] = text + "\n" + m.Link },
        }.ToJsonString(Json);
    }

    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The first words of a Markdown text as plain text (no HTML, no markup, one line), at most <see cref="ExcerptLength"/>
    /// characters: a chat message shows a teaser, the item's page the rest.
    /// </summary>
    public static string Excerpt(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown) || MarkdownRenderer.IsTooDeep(markdown)) return "";
        var plain = Markdig.Markdown.ToPlainText(markdown);
        plain = Spaces().Replace(plain, " ").Trim();
        return plain.Length <= ExcerptLength ? plain : plain[..(ExcerptLength - 1)].TrimEnd() + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
