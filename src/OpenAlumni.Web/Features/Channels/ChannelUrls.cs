using Microsoft.AspNetCore.DataProtection;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Channels;

public sealed class ChannelOptions
{
    /// <summary>
    /// Accept any http or https host for a channel's webhook (tests run their own receiver on 127.0.0.1). Off by default:
    /// a Slack channel's URL must be https on hooks.slack.com, and so on (<see cref="ChannelUrls.Hosts"/>), so that an
    /// admin's typo, or a stolen admin session, cannot make the server post the network's news anywhere else.
    /// </summary>
    public bool AllowAnyHost { get; set; }
    /// <summary>Let the server connect to loopback and private addresses when it posts (tests); off by default.</summary>
    public bool AllowPrivateAddresses { get; set; }
    /// <summary>How long one post to a webhook may take before it counts as failed (and the outbox tries again).</summary>
    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>Which webhook addresses a channel may have, and how one is shown without giving it away.</summary>
public static class ChannelUrls
{
    /// <summary>
    /// The hosts each service issues incoming webhooks on: Slack's; Teams' (Office 365 connectors on *.webhook.office.com,
    /// Workflows on *.logic.azure.com and, since 2025, *.environment.api.powerplatform.com); LINE WORKS' Incoming Webhook app.
    /// </summary>
    public static readonly IReadOnlyDictionary<ChannelKind, string[]> Hosts = new Dictionary<ChannelKind, string[]>
    {
        [ChannelKind.Slack] = ["hooks.slack.com"],
        [ChannelKind.Teams] = ["*.webhook.office.com", "*.logic.azure.com", "*.environment.api.powerplatform.com"],
        [ChannelKind.LineWorks] = ["webhook.worksmobile.com"],
    };

    /// <summary>The URL if it is an acceptable webhook of <paramref name="kind"/>; else a field error on <c>url</c>.</summary>
    public static Uri? Check(FieldErrors errors, ChannelKind? kind, string? value, bool anyHost)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { errors.Add("url", "Validation.Required"); return null; }
        if (v.Length > ChannelLimits.Url || !Uri.TryCreate(v, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.UserInfo) || uri.Host.Length == 0)
        {
            errors.Add("url", "Validation.UrlInvalid");
            return null;
        }
        if (anyHost || kind is not { } k) return uri;
        var hosts = Hosts[k];
        if (uri.Scheme != "https") errors.Add("url", "Channels.HttpsOnly");
        else if (!uri.IsDefaultPort || !hosts.Any(h => Matches(uri.IdnHost, h))) errors.Add("url", "Channels.HostNotAllowed", string.Join(", ", hosts));
        else return uri;
        return null;
    }

    static bool Matches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>hooks.slack.com/…/x9Qa</c>: the host and the last four characters of the path. The rest of the path is the token
    /// that lets anyone post into the channel, so it is never shown, nor anything of a short path.
    /// </summary>
    public static string Hint(Uri uri)
    {
        var tail = uri.AbsolutePath.TrimEnd('/');
        var shown = tail.Length >= 16 ? tail[^4..] : "";
        var hint = uri.IdnHost + (uri.IsDefaultPort ? "" : ":" + uri.Port) + "/…" + (shown.Length > 0 ? "/" + shown : "");
        return hint.Length > ChannelLimits.Hint ? hint[..ChannelLimits.Hint] : hint;
    }
}

/// <summary>Encrypts a channel's webhook URL at rest with the app's Data Protection keys (shared by every node, like the VAPID key).</summary>
public sealed class ChannelSecrets(IDataProtectionProvider protection)
{
    IDataProtector Protector => protection.CreateProtector("OpenAlumni.Channels.WebhookUrl.v1");

    public string Protect(Uri url) => Protector.Protect(url.AbsoluteUri);

    public string Unprotect(string stored) => Protector.Unprotect(stored);
}
