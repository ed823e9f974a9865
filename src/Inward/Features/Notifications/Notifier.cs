using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Notifications;

/// <summary>One notification to create: who, and the title in their language.</summary>
public readonly record struct NotificationMessage(int EmployeeId, string Title);

/// <summary>
/// The one way features tell people something in the app (new post, mention, reminder...). Adds the rows to the
/// request's context and saves them in one SaveChanges (EF batches the inserts: no query per row); then pushes the news
/// to the open pages of the people concerned (<see cref="NotificationPush"/>).
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
        var rows = new List<Notification>();
        foreach (var message in messages)
        {
            if (seen.Add(message.EmployeeId))
            {
                rows.Add(new Notification { EmployeeId = message.EmployeeId, Kind = kind, Title = Shorten(message.Title), Url = url, CreatedUtc = now });
            }
        }
        if (rows.Count == 0)
        {
            return;
        }
        // Thousands of new rows: skip the change detector's scan per Add (the rows are new, nothing to compare).
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Set<Notification>().AddRange(rows);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        // Saved: stop tracking them, so later saves of this context (a job's completion) do not scan them again.
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
        foreach (var group in rows.GroupBy(r => r.Title, StringComparer.Ordinal))
        {
            await push.NotifiedAsync(group.Select(r => r.EmployeeId), new PushedNotification(kind, group.Key, url), ct);
        }
    }

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
