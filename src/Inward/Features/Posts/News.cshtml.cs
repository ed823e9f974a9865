using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Posts;

/// <summary>The personalised feed: pinned first, then must-reads not yet acknowledged, then newest.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class NewsModel(PostViews views) : PageModel
{
    public FeedPage Feed { get; private set; } = new([], null);
    /// <summary>True when ?before= was not a cursor from this page: the feed starts again from the top, with a message.</summary>
    public bool BadCursor { get; private set; }

    public async Task OnGetAsync(string? before, CancellationToken ct)
    {
        BadCursor = !FeedCursor.TryParse(before, out var cursor);
        Feed = await views.FeedAsync(User, cursor, ct);
    }
}
