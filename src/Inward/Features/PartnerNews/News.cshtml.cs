using Inward.Features.Posts;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.PartnerNews;

/// <summary>/partner/news: the posts shared with the partner user's organisation, newest first (pinned on top).</summary>
[RequireCapability(Capability.UseExtranet)]
public sealed class PartnerNewsModel(PostViews views) : PageModel
{
    public FeedPage Feed { get; private set; } = new([], null);
    /// <summary>True when ?before= was not a cursor from this page: the list starts again from the top, with a message.</summary>
    public bool BadCursor { get; private set; }

    public async Task OnGetAsync(string? before, CancellationToken ct)
    {
        BadCursor = !FeedCursor.TryParse(before, out var cursor);
        Feed = await views.FeedAsync(User, cursor, ct);
    }
}

/// <summary>/partner/news/{id}: one shared post, read-only; 404 when it is not shared with the partner's organisation.</summary>
[RequireCapability(Capability.UseExtranet)]
public sealed class PartnerPostModel(PostViews views) : PageModel
{
    public PostView Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await views.PostAsync(User, id, ct) is not { } post)
        {
            return NotFound();
        }
        Post = post;
        return Page();
    }
}
