using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Notifications;

/// <summary>One notification to create: who, and the title in their language.</summary>
public readonly record struct NotificationMessage(int EmployeeId, string Title);

/// <summary>
/// The one way features tell people something in the app (new post, mention, reminder...). Saves the caller's pending
/// changes, writes the rows with one set-based INSERT per distinct title, then pushes the news to the open
/// pages of the people concerned (<see cref="NotificationPush"/>).
/// </summary>
public sealed class Notifier(InwardDbContext db, TimeProvider clock, NotificationPush push)
{
    /// <summary>Notifies each of <paramref name="employeeIds"/> once. <paramref name="url"/> must be a local path.</summary>
    public Task NotifyAsync(IEnumerable<int> employeeIds, string kind, string title, string url, CancellationToken ct = default) =>
        NotifyAsync(employeeIds.Select(id => new NotificationMessage(id, title)), kind, url, ct);

    /// <summary>
    /// Notifies each employee of <paramref name="messages"/> once (the first message of an employee wins), each with
    /// their own title, e.g. translated into their language. <paramref name="url"/> must be a local path.
    /// </summary>
    public async Task NotifyAsync(IEnumerable<NotificationMessage> messages, string kind, string url, CancellationToken ct = default)
    {
        if (!NotificationUrls.IsLocal(url))
        {
            throw new ArgumentException("A notification links to a local path.", nameof(url));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var seen = new HashSet<int>();
        var byTitle = messages.Where(m => seen.Add(m.EmployeeId))
            .GroupBy(m => Shorten(m.Title), m => m.EmployeeId, StringComparer.Ordinal).ToList();
        // The caller's pending changes first (e.g. the mention records that go with these notifications), as before.
        await db.SaveChangesAsync(ct);
        // One set-based INSERT per distinct title: 10,000 recipients cost a few statements, not 10,000 tracked entities.
        foreach (var group in byTitle)
        {
            await InsertAsync([.. group], kind, group.Key, url, now, ct);
        }
        foreach (var group in byTitle)
        {
            await push.NotifiedAsync(group, new PushedNotification(kind, group.Key, url), ct);
        }
    }

    private Task<int> InsertAsync(int[] employeeIds, string kind, string title, string url, DateTime now, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Notifications" ("EmployeeId", "Kind", "Title", "Url", "CreatedUtc")
                SELECT unnest({employeeIds}), {kind}, {title}, {url}, {now}
                """, ct)
            : db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Notifications" ("EmployeeId", "Kind", "Title", "Url", "CreatedUtc")
                SELECT value, {kind}, {title}, {url}, {now} FROM json_each({System.Text.Json.JsonSerializer.Serialize(employeeIds)})
                """, ct);

    private static string Shorten(string title) =>
        title.Length <= Notification.TitleMax ? title : title[..(Notification.TitleMax - 1)] + "…";
}

/// <summary>What notifications may link to: a path on this site, never another host.</summary>
public static class NotificationUrls
{
    /// <summary>"/news/12" yes; "//evil.example", "/\evil.example", "https://..." and "news" no.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
