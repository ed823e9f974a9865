using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Inward.Features.Posts;
using Inward.Platform.Localisation;
using Inward.Platform.Mail;
using Inward.Platform.Text;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Email;

/// <summary>
/// Someone an e-mail goes to: an employee ("e:12") or a partner user ("u:&lt;id&gt;"). The department picks the post
/// variant they read (partner users have none).
/// </summary>
public sealed record Recipient(string Key, string Email, string Name, string Language, int? EmployeeId, int? DepartmentId = null)
{
    public static string EmployeeKey(int employeeId) => "e:" + employeeId.ToString(CultureInfo.InvariantCulture);

    public static string UserKey(string userId) => "u:" + userId;
}

/// <summary>A post as a digest lists it.</summary>
public sealed record DigestItem(int Id, string Title, string Excerpt, DateTime PublishedUtc);

/// <summary>Links in e-mails: Inward:PublicUrl (recommended), else the first of Urls, else http://localhost.</summary>
public sealed class EmailLinks(IConfiguration configuration)
{
    public string BaseUrl
    {
        get
        {
            if (configuration["Inward:PublicUrl"] is { Length: > 0 } url)
            {
                return url.TrimEnd('/');
            }
            var first = (configuration["Urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(u => !u.Contains('*', StringComparison.Ordinal) && !u.Contains("+:", StringComparison.Ordinal));
            return (first ?? "http://localhost").TrimEnd('/');
        }
    }

    public string Post(int postId) => $"{BaseUrl}/news/{postId.ToString(CultureInfo.InvariantCulture)}";

    public string To(string path) => BaseUrl + path;
}

/// <summary>
/// Writes the e-mails (HTML plus a plain-text alternative) in the recipient's language. Post bodies go through
/// <see cref="SafeMarkdown"/>; everything else is HTML-encoded. Must-read e-mails never carry an unsubscribe link
/// (they are not optional); digests always do, with RFC 8058 one-click headers.
/// </summary>
public sealed class EmailComposer(IStringLocalizer<Strings> t, EmailLinks links)
{
    private static readonly HtmlEncoder H = HtmlEncoder.Default;

    private static string Dir => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? "rtl" : "ltr";

    private static string Due(DateOnly due) => due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(CultureInfo.CurrentUICulture.Name));

    /// <summary>A must-read or urgent post, sent at once, in the recipient's variant and language (<paramref name="text"/>).</summary>
    public MailMessage Post(Post post, ResolvedText text, Recipient to) => LocalisationSetup.InLanguage(to.Language, () =>
    {
        var link = links.Post(post.Id);
        var subject = post.MustRead ? t["Must-read: {0}", text.Title].Value : t["Urgent: {0}", text.Title].Value;
        var note = post.MustRead
            ? (post.MustReadDue is { } due ? t["Please read this and confirm that you have read it by {0}.", Due(due)].Value
                : t["Please read this and confirm that you have read it."].Value)
            : t["This is urgent news for you."].Value;
        var open = post.MustRead ? t["Open and confirm"].Value : t["Open in Inward"].Value;
        var plain = new StringBuilder()
            .Append(t["Hello {0},", to.Name].Value).Append("\n\n").Append(note).Append("\n\n")
            .Append(text.Title).Append("\n\n").Append(SafeMarkdown.ToPlainText(text.Body).Trim()).Append("\n\n")
            .Append(open).Append(": ").Append(link).Append('\n').ToString();
        var html = $"""
            <!DOCTYPE html>
            <html lang="{H.Encode(CultureInfo.CurrentUICulture.Name)}" dir="{Dir}"><body>
            <p>{H.Encode(t["Hello {0},", to.Name].Value)}</p>
            <p><strong>{H.Encode(note)}</strong></p>
            <h1>{H.Encode(text.Title)}</h1>
            <div>{SafeMarkdown.ToHtml(text.Body)}</div>
            <p><a href="{H.Encode(link)}">{H.Encode(open)}</a></p>
            </body></html>
            """;
        return new MailMessage(to.Email, subject, plain, html, to.Name);
    });

    /// <summary>A reminder about an unacknowledged must-read: <paramref name="overdue"/> or due soon; <paramref name="title"/> is the recipient's.</summary>
    public MailMessage Reminder(Post post, string title, Recipient to, bool overdue) => LocalisationSetup.InLanguage(to.Language, () =>
    {
        var link = links.Post(post.Id);
        var due = post.MustReadDue is { } d ? Due(d) : "";
        var subject = overdue ? t["Overdue: please read \"{0}\"", title].Value : t["Reminder: please read \"{0}\" by {1}", title, due].Value;
        var note = overdue
            ? t["You have not yet confirmed that you read this must-read, which was due on {0}.", due].Value
            : t["Please read this must-read and confirm it by {0}.", due].Value;
        var open = t["Open and confirm"].Value;
        var text = $"{t["Hello {0},", to.Name].Value}\n\n{note}\n\n{title}\n{open}: {link}\n";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{H.Encode(CultureInfo.CurrentUICulture.Name)}" dir="{Dir}"><body>
            <p>{H.Encode(t["Hello {0},", to.Name].Value)}</p>
            <p>{H.Encode(note)}</p>
            <p><a href="{H.Encode(link)}">{H.Encode(title)}</a></p>
            </body></html>
            """;
        return new MailMessage(to.Email, subject, text, html, to.Name);
    });

    /// <summary>A digest of <paramref name="items"/> with an unsubscribe link and one-click unsubscribe headers.</summary>
    public MailMessage Digest(IReadOnlyList<DigestItem> items, Recipient to, DigestFrequency frequency, string unsubscribeUrl) => LocalisationSetup.InLanguage(to.Language, () =>
    {
        var subject = frequency == DigestFrequency.Daily
            ? t["Your daily digest: {0} new posts", items.Count].Value
            : t["Your weekly digest: {0} new posts", items.Count].Value;
        var intro = t["Here is what was published for you since your last digest."].Value;
        var footer = frequency == DigestFrequency.Daily
            ? t["You receive this digest every day."].Value
            : t["You receive this digest every week."].Value;
        var unsubscribe = t["Unsubscribe from digests"].Value;
        var settings = t["Change how often"].Value;
        var settingsUrl = links.To("/account/email");
        var text = new StringBuilder().Append(t["Hello {0},", to.Name].Value).Append("\n\n").Append(intro).Append("\n\n");
        var list = new StringBuilder();
        foreach (var item in items)
        {
            var link = links.Post(item.Id);
            text.Append("* ").Append(item.Title).Append('\n').Append("  ").Append(item.Excerpt).Append('\n').Append("  ").Append(link).Append("\n\n");
            list.Append(CultureInfo.InvariantCulture, $"""<li><p><a href="{H.Encode(link)}"><strong>{H.Encode(item.Title)}</strong></a></p><p>{H.Encode(item.Excerpt)}</p></li>""").Append('\n');
        }
        text.Append("-- \n").Append(footer).Append('\n').Append(settings).Append(": ").Append(settingsUrl).Append('\n')
            .Append(unsubscribe).Append(": ").Append(unsubscribeUrl).Append('\n');
        var html = $"""
            <!DOCTYPE html>
            <html lang="{H.Encode(CultureInfo.CurrentUICulture.Name)}" dir="{Dir}"><body>
            <p>{H.Encode(t["Hello {0},", to.Name].Value)}</p>
            <p>{H.Encode(intro)}</p>
            <ul>
            {list}</ul>
            <hr>
            <p><small>{H.Encode(footer)} <a href="{H.Encode(settingsUrl)}">{H.Encode(settings)}</a> · <a href="{H.Encode(unsubscribeUrl)}">{H.Encode(unsubscribe)}</a></small></p>
            </body></html>
            """;
        KeyValuePair<string, string>[] headers =
        [
            new("List-Unsubscribe", $"<{unsubscribeUrl}>"),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ];
        return new MailMessage(to.Email, subject, text.ToString(), html, to.Name, headers);
    });
}
