using System.Globalization;
using System.Text.Encodings.Web;
using Inward.Features.People;
using Inward.Platform.Localisation;
using Inward.Platform.Mail;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Plan;

/// <summary>Tells the author of a suggestion that it was answered, in their language. A mail failure never undoes the answer.</summary>
public sealed class SuggestionMail(MailSender mail, IStringLocalizer<Strings> t, IConfiguration configuration, ILogger<SuggestionMail> logger)
{
    public async Task SendAnswerAsync(Employee author, string planTitle, int planId, PlanSuggestion suggestion, CancellationToken ct)
    {
        var link = (configuration["Inward:PublicUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : "") + $"/plan/{planId}#suggestion-{suggestion.Id}";
        var message = LocalisationSetup.InLanguage(author.Language, () =>
        {
            var subject = t["Your suggestion on \"{0}\" was answered", planTitle];
            var status = PlanTexts.Of(t, suggestion.Status);
            var greeting = t["Hello {0},", author.Name];
            var intro = t["Your suggestion now has the status \"{0}\". The answer, visible to everyone:", status];
            var text = $"{greeting}\n\n{intro}\n\n{suggestion.Answer}\n\n{link}\n";
            var h = HtmlEncoder.Default;
            var dir = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
            var html = $"""
                <div dir="{dir}">
                <p>{h.Encode(greeting)}</p>
                <p>{h.Encode(intro)}</p>
                <blockquote>{h.Encode(suggestion.Answer ?? "")}</blockquote>
                <p><a href="{h.Encode(link)}">{h.Encode(planTitle)}</a></p>
                </div>
                """;
            return new MailMessage(author.Email, subject, text, html, author.Name);
        });
        try
        {
            await mail.SendAsync(message, ct);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException
            or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException or MailKit.Security.AuthenticationException)
        {
            logger.LogWarning(ex, "Could not send the answer to suggestion {SuggestionId}", suggestion.Id);
        }
    }
}
