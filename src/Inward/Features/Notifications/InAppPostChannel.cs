using Inward.Platform.Localisation;
using System.Globalization;
using Inward.Features.Audiences;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Notifications;

/// <summary>
/// The in-app publication channel ("posts.published.in-app"): every current member of the post's audience gets a
/// notification linking to /news/{id}, titled in their own language ("Updated: …" when the author notifies again).
/// One query for the audience, one for the members' languages, one SaveChanges for all the rows.
/// </summary>
public sealed class InAppPostChannel(AudienceResolver audiences, Notifier notifier, InwardDbContext db, IStringLocalizer<Strings> texts)
    : IPostPublishedHandler
{
    public const string Name = "in-app";

    public static string KindOf(Post post) => post.MustRead ? "must-read" : "post";

    public async Task HandleAsync(Post post, PostPublished published, CancellationToken ct)
    {
        if (AudienceRule.FromJson(post.AudienceJson) is not { } rule)
        {
            return;
        }
        var members = await audiences.MemberEmployeeIdsAsync(rule, ct);
        if (members.Count == 0)
        {
            return;
        }
        var languages = await db.Employees.AsNoTracking().Where(e => e.IsActive)
            .Select(e => new { e.Id, e.Language }).ToDictionaryAsync(e => e.Id, e => e.Language, ct);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        string TitleIn(string language)
        {
            if (!titles.TryGetValue(language, out var title))
            {
                title = published.Renotify ? Localised(language, "Updated: {0}", post.Title) : post.Title;
                titles[language] = title;
            }
            return title;
        }
        var messages = members.Select(id => new NotificationMessage(id, TitleIn(languages.GetValueOrDefault(id) ?? "en")));
        await notifier.NotifyAsync(messages, KindOf(post), $"/news/{post.Id.ToString(CultureInfo.InvariantCulture)}", ct);
    }

    private string Localised(string language, string key, params object[] args) =>
        LocalisationSetup.InLanguage(language, () => texts[key, args].Value);
}
