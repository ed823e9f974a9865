using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Posts;

/// <summary>The personalised feed: pinned first, then must-reads not yet acknowledged, then newest.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class NewsModel(PostViews views) : PageModel
{
    public FeedPage Feed { get; private set; } = new([], 1, false);

    public async Task OnGetAsync(int? page, CancellationToken ct) => Feed = await views.FeedAsync(User, page ?? 1, ct);
}
