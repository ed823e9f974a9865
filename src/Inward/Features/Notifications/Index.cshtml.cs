using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Notifications;

/// <summary>/notifications: the signed-in person's notifications, newest first; open one, or mark one or all read.</summary>
[Authorize(Policy = NotificationsModule.ReaderPolicy)]
public sealed class IndexModel(NotificationViews views) : PageModel
{
    public NotificationPage List { get; private set; } = new([], 1, NotificationViews.PageSize, 0, 0);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(int? page, CancellationToken ct) => List = await views.ListAsync(User, page ?? 1, ct: ct);

    /// <summary>Opening an item marks it read and goes to where it points, which is always a path on this site.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct) =>
        await views.MarkReadAsync(User, id, ct) is { } n
            ? LocalRedirect(NotificationUrls.IsLocal(n.Url) && Url.IsLocalUrl(n.Url) ? n.Url : "/notifications")
            : NotFound();

    public async Task<IActionResult> OnPostReadAsync(long id, int? page, CancellationToken ct)
    {
        if (await views.MarkReadAsync(User, id, ct) is null)
        {
            return NotFound();
        }
        return RedirectToPage(new { page });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await views.MarkAllReadAsync(User, ct);
        Message = marked == 0 ? null : "All notifications are marked as read.";
        return RedirectToPage();
    }
}
