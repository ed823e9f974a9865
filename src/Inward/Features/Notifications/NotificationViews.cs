using System.Security.Claims;
using Inward.Features.People;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Notifications;

public sealed record NotificationItem(long Id, string Kind, string Title, string Url, DateTime CreatedUtc, DateTime? ReadUtc)
{
    public bool IsRead => ReadUtc is not null;
}

public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int Page, int PageSize, int Total, int Unread)
{
    public bool HasNewer => Page > 1;
    public bool HasOlder => Page * PageSize < Total;
}

/// <summary>
/// The signed-in person's own notifications, newest first. Every query is filtered by the employee id of the caller,
/// so another person's notification id behaves exactly like one that does not exist. Partner users have no employee
/// id and so (for now) an empty list.
/// </summary>
public sealed class NotificationViews(InwardDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    private IQueryable<Notification> Of(ClaimsPrincipal user)
    {
        var id = PeopleQueries.EmployeeIdOf(user);
        return id is { } employee ? db.Set<Notification>().Where(n => n.EmployeeId == employee) : db.Set<Notification>().Where(_ => false);
    }

    public Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        PeopleQueries.EmployeeIdOf(user) is null ? Task.FromResult(0) : Of(user).CountAsync(n => n.ReadUtc == null, ct);

    public async Task<NotificationPage> ListAsync(ClaimsPrincipal user, int page, int pageSize = PageSize, bool unreadOnly = false, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var all = Of(user).AsNoTracking();
        var query = unreadOnly ? all.Where(n => n.ReadUtc == null) : all;
        var total = await query.CountAsync(ct);
        var unread = unreadOnly ? total : await all.CountAsync(n => n.ReadUtc == null, ct);
        var items = await query.OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Title, n.Url, n.CreatedUtc, n.ReadUtc))
            .ToListAsync(ct);
        return new(items, page, pageSize, total, unread);
    }

    /// <summary>Marks one of the caller's notifications read (idempotent); null when it is not theirs or does not exist.</summary>
    public async Task<NotificationItem?> MarkReadAsync(ClaimsPrincipal user, long id, CancellationToken ct = default)
    {
        var n = await Of(user).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (n is null)
        {
            return null;
        }
        if (n.ReadUtc is null)
        {
            n.ReadUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return new(n.Id, n.Kind, n.Title, n.Url, n.CreatedUtc, n.ReadUtc);
    }

    /// <summary>Marks all of the caller's unread notifications read; returns how many changed.</summary>
    public async Task<int> MarkAllReadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (PeopleQueries.EmployeeIdOf(user) is null)
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        return await Of(user).Where(n => n.ReadUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), ct);
    }
}
