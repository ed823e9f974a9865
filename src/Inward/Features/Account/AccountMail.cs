using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Inward.Features.Settings;
using Inward.Platform.Identity;
using Inward.Platform.Localisation;
using Inward.Platform.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Account;

/// <summary>
/// Set-password links of invitations and password resets. The link carries Identity's password-reset token,
/// which is bound to the account's security stamp: setting a password changes the stamp, so a link works once.
/// </summary>
public sealed class PasswordLinks(UserManager<InwardUser> users, IConfiguration configuration)
{
    public const string SetPasswordPath = "/account/set-password";
    public const string ResetPasswordPath = "/account/reset-password";

    public async Task<string> CreateAsync(InwardUser user, string path, HttpRequest request)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["token"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
        return BaseUrl(request) + path + query.ToUriComponent();
    }

    /// <summary>The token as Identity issued it, or null when the link's token is not even well formed.</summary>
    public static string? DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The user the link is for, if the link is still valid (right user, unused, not expired, account active).</summary>
    public async Task<InwardUser?> ValidUserAsync(string? userId, string? token)
    {
        var decoded = DecodeToken(token);
        if (string.IsNullOrEmpty(userId) || decoded is null || await users.FindByIdAsync(userId) is not { IsActive: true } user)
        {
            return null;
        }
        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<InwardUser>.ResetPasswordTokenPurpose, decoded);
        return valid ? user : null;
    }

    /// <summary>
    /// Inward:PublicUrl when configured (recommended behind a proxy: links then never depend on a Host header),
    /// otherwise the address of the current request.
    /// </summary>
    private string BaseUrl(HttpRequest request) =>
        configuration["Inward:PublicUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
}

/// <summary>Invitation and password-reset e-mails, written in the recipient's language.</summary>
public sealed class AccountMail(MailSender mail, CompanyProfile company, IStringLocalizer<Strings> t)
{
    public async Task SendInvitationAsync(InwardUser user, string link, CancellationToken ct = default)
    {
        var companyName = (await company.GetAsync()).Name;
        var message = LocalisationSetup.InLanguage(user.Language, () => Compose(user, link,
            t["You are invited to {0}", companyName],
            t["Hello {0},", user.DisplayName],
            t["You have been invited to {0}. Choose a password to activate your account:", companyName],
            t["Set my password"],
            t["The link works once and for 7 days. If you did not expect this invitation, you can ignore this message."]));
        await mail.SendAsync(message, ct);
    }

    public async Task SendPasswordResetAsync(InwardUser user, string link, CancellationToken ct = default)
    {
        var companyName = (await company.GetAsync()).Name;
        var message = LocalisationSetup.InLanguage(user.Language, () => Compose(user, link,
            t["Reset your password for {0}", companyName],
            t["Hello {0},", user.DisplayName],
            t["Someone asked to reset the password of your account. Choose a new password here:"],
            t["Choose a new password"],
            t["The link works once and for 7 days. If you did not ask for it, ignore this message: your password stays as it is."]));
        await mail.SendAsync(message, ct);
    }

    private static MailMessage Compose(InwardUser user, string link, string subject, string greeting, string intro, string button, string footer)
    {
        var text = $"{greeting}\n\n{intro}\n{link}\n\n{footer}\n";
        var h = HtmlEncoder.Default;
        var dir = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        var html = $"""
            <div dir="{dir}">
            <p>{h.Encode(greeting)}</p>
            <p>{h.Encode(intro)}</p>
            <p><a href="{h.Encode(link)}">{h.Encode(button)}</a></p>
            <p>{h.Encode(link)}</p>
            <p>{h.Encode(footer)}</p>
            </div>
            """;
        return new MailMessage(user.Email!, subject, text, html, user.DisplayName);
    }

}
