using MimeKit;

namespace OpenAlumni.BrowserTests.Infrastructure;

/// <summary>Reads the .eml files the app writes when no SMTP server is configured (Mail:PickupDirectory).</summary>
public static class Mailbox
{
    public static IReadOnlyList<MimeMessage> For(BrowserApp app, string to)
    {
        if (!Directory.Exists(app.MailDirectory)) return [];
        return Directory.GetFiles(app.MailDirectory, "*.eml").Order()
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, to, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>
    /// The last mail to <paramref name="to"/>. The app writes it before it answers the request that sent it,
    /// so a test that has seen the next page needs no waiting.
    /// </summary>
    public static MimeMessage Last(BrowserApp app, string to) =>
        For(app, to).LastOrDefault() ?? throw new Xunit.Sdk.XunitException($"No mail to {to}.");

    /// <summary>
    /// Waits for a mail to <paramref name="to"/> that matches: for mail sent through the outbox, which a
    /// background worker sends after the request (every Outbox:PollSeconds), not before it answers.
    /// </summary>
    public static async Task<MimeMessage> WaitForAsync(BrowserApp app, string to, Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            // The worker may be writing the file this instant: a half-written one is read again next round.
            try { if (For(app, to).LastOrDefault(match) is { } mail) return mail; }
            catch (Exception e) when (e is IOException or FormatException) { }
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"No matching mail to {to} within the time allowed.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The first link in the mail's text that points at the given path.</summary>
    public static string Link(MimeMessage mail, string path)
    {
        var text = mail.TextBody ?? "";
        var start = text.IndexOf("http://", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOfAny([' ', '\n', '\r'], start);
            var url = end < 0 ? text[start..] : text[start..end];
            if (url.Contains(path, StringComparison.Ordinal)) return url;
            start = text.IndexOf("http://", start + 1, StringComparison.Ordinal);
        }
        throw new Xunit.Sdk.XunitException($"No link to {path} in: {text}");
    }
}
