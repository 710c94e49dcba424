using MimeKit;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>Reads the .eml files the app writes when no SMTP server is configured.</summary>
public static class Mailbox
{
    public static IReadOnlyList<MimeMessage> For(AlumniApp app, string to)
    {
        if (!Directory.Exists(app.MailDirectory)) return [];
        return Directory.GetFiles(app.MailDirectory, "*.eml").Order()
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, to, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    public static MimeMessage Last(AlumniApp app, string to) =>
        For(app, to).LastOrDefault() ?? throw new Xunit.Sdk.XunitException($"No mail to {to}.");

    /// <summary>The first link (http or https) in the mail's text that points at the given path.</summary>
    public static string Link(MimeMessage mail, string path)
    {
        var text = mail.TextBody ?? "";
        var start = text.IndexOf("http", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOfAny([' ', '\n', '\r'], start);
            var url = end < 0 ? text[start..] : text[start..end];
            if ((url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal))
                && url.Contains(path, StringComparison.Ordinal)) return url;
            start = text.IndexOf("http", start + 1, StringComparison.Ordinal);
        }
        throw new Xunit.Sdk.XunitException($"No link to {path} in: {text}");
    }
}
