using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Posts;

/// <summary>Every post for authors (/posts), optionally of one status, newest change first.</summary>
[RequireCapability(Capability.Communicate)]
public sealed class ManagePostsModel(InwardDbContext db) : PageModel
{
    public sealed record Item(int Id, string Title, PostStatus Status, string AuthorName, DateTime UpdatedUtc, DateTime? PublishedUtc, DateTime? PublishAtUtc);

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public PostStatus? Filter { get; private set; }

    public async Task OnGetAsync(string? status, CancellationToken ct)
    {
        Filter = Enum.TryParse<PostStatus>(status, out var s) && Enum.IsDefined(s) ? s : null;
        var query = db.Set<Post>().AsNoTracking();
        if (Filter is { } f)
        {
            query = query.Where(p => p.Status == f);
        }
        Items = await query.OrderByDescending(p => p.UpdatedUtc).ThenByDescending(p => p.Id).Take(200)
            .Select(p => new Item(p.Id, p.Title, p.Status, p.AuthorName, p.UpdatedUtc, p.PublishedUtc, p.PublishAtUtc)).ToListAsync(ct);
    }
}
