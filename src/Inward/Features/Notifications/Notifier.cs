using Inward.Platform.Data;

namespace Inward.Features.Notifications;

/// <summary>
/// The one way features tell people something in the app (new post, mention, reminder...). Adds the rows to the
/// request's context and saves them; real-time delivery to open pages follows the save.
/// </summary>
public sealed class Notifier(InwardDbContext db, TimeProvider clock)
{
    /// <summary>Notifies each of <paramref name="employeeIds"/> once. <paramref name="url"/> must be a local path.</summary>
    public async Task NotifyAsync(IEnumerable<int> employeeIds, string kind, string title, string url, CancellationToken ct = default)
    {
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("A notification links to a local path.", nameof(url));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var shortTitle = title.Length <= Notification.TitleMax ? title : title[..(Notification.TitleMax - 1)] + "…";
        foreach (var id in employeeIds.Distinct())
        {
            db.Add(new Notification { EmployeeId = id, Kind = kind, Title = shortTitle, Url = url, CreatedUtc = now });
        }
        await db.SaveChangesAsync(ct);
    }
}
