using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OpenAlumni.Web.Infrastructure.Mail;

public sealed class MailOptions
{
    public string From { get; set; } = "OpenAlumni <no-reply@openalumni.localhost>";
    /// <summary>SMTP server; when empty, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string PickupDirectory { get; set; } = "App_Data/mail";
}

public interface IMailer
{
    /// <param name="stableId">
    /// The same for every attempt to send one message (the outbox gives one): it becomes the Message-ID, so a
    /// message sent again after a crash between sending and recording it is recognisably the same message, and
    /// in the pickup directory it names the file, so a second attempt replaces the first instead of doubling it.
    /// </param>
    Task SendAsync(string to, string subject, string body, CancellationToken ct, MailId? stableId = null);

    /// <summary>
    /// A mail with an HTML alternative and extra headers (a newsletter's List-Unsubscribe, List-Unsubscribe-Post, List-Id).
    /// By default the text part alone is sent, so that a mailer written before this still works.
    /// </summary>
    Task SendAsync(string to, string subject, string body, string? html, IReadOnlyDictionary<string, string>? headers, CancellationToken ct, MailId? stableId = null) =>
        SendAsync(to, subject, body, ct, stableId);
}

/// <summary>
/// The receiving server refused the recipient for good (an SMTP 5xx on RCPT TO): the address does not exist or takes no mail.
/// No retry mends it; the outbox gives up at once and the address is marked undeliverable by whoever listens.
/// </summary>
public sealed class MailRejectedException(string message) : Outbox.PermanentDeliveryException(message);

/// <summary>A message's identity across attempts: a unique token and when it was queued (for file order).</summary>
public sealed record MailId(string Token, DateTimeOffset QueuedAt);

/// <summary>MailKit over SMTP, or .eml files a developer can open when no SMTP server is configured.</summary>
public sealed class MailKitMailer(IOptions<MailOptions> options, IHostEnvironment env, ILogger<MailKitMailer> log) : IMailer
{
    public Task SendAsync(string to, string subject, string body, CancellationToken ct, MailId? stableId = null) =>
        SendAsync(to, subject, body, null, null, ct, stableId);

    public async Task SendAsync(string to, string subject, string body, string? html, IReadOnlyDictionary<string, string>? headers, CancellationToken ct, MailId? stableId = null)
    {
        var o = options.Value;
        var message = new MimeMessage();
        if (stableId is not null) message.MessageId = $"{stableId.Token}@{MailboxAddress.Parse(o.From).Domain}";
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) message.Headers.Add(name, value);
        message.Body = html is null ? new TextPart("plain") { Text = body } : new BodyBuilder { TextBody = body, HtmlBody = html }.ToMessageBody();

        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var dir = Path.IsPathRooted(o.PickupDirectory) ? o.PickupDirectory : Path.Combine(env.ContentRootPath, o.PickupDirectory);
            Directory.CreateDirectory(dir);
            var name = stableId is null ? $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}" : $"{stableId.QueuedAt.UtcDateTime:yyyyMMddHHmmssfff}-{stableId.Token}";
            var file = Path.Combine(dir, name + ".eml");
            // Written aside and moved into place: a crash mid-write leaves no half message, only a .tmp file.
            var partial = file + ".tmp";
            await message.WriteToAsync(partial, ct);
            File.Move(partial, file, overwrite: true);
            // The file name only: addresses are personal data and stay out of logs.
            log.LogInformation("Mail written to {File}", Path.GetFileName(file));
            return;
        }

        using var smtp = new SmtpClient();
        // Never fall back to plain text: port 465 is TLS from the start, anything else must STARTTLS.
        await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser)) await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        try
        {
            await smtp.SendAsync(message, ct);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            // A permanent refusal of this recipient (550 no such user, ...): a bounce at send time.
            throw new MailRejectedException($"{(int)e.StatusCode} {e.Message}");
        }
        await smtp.DisconnectAsync(true, ct);
        log.LogInformation("Mail sent through {Host}", o.SmtpHost);
    }
}
