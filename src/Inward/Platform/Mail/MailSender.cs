using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Inward.Platform.Mail;

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string From { get; set; } = "Inward <inward@localhost>";
}

/// <param name="Headers">Extra headers, e.g. List-Unsubscribe (RFC 8058) on digests.</param>
public sealed record MailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, string? ToName = null,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null);

/// <summary>Sends e-mail over SMTP, or — when no SMTP host is configured — writes .eml files to data/mail.</summary>
public sealed class MailSender(Microsoft.Extensions.Options.IOptions<SmtpOptions> options, IConfiguration configuration, ILogger<MailSender> logger)
{
    public bool UsesPickupDirectory => string.IsNullOrWhiteSpace(options.Value.Host);

    public string PickupDirectory => Path.Combine(Data.DatabaseSetup.DataDirectory(configuration), "mail");

    public async Task SendAsync(MailMessage mail, CancellationToken ct = default)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        message.Subject = mail.Subject;
        foreach (var (name, value) in mail.Headers ?? [])
        {
            message.Headers.Add(name, value);
        }
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();

        if (UsesPickupDirectory)
        {
            Directory.CreateDirectory(PickupDirectory);
            var file = Path.Combine(PickupDirectory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, ct);
            logger.LogInformation("SMTP is not configured; wrote mail to {File}", file);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(o.Host!, o.Port, o.Security, ct);
        if (!string.IsNullOrEmpty(o.Username))
        {
            await client.AuthenticateAsync(o.Username, o.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
