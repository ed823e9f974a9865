using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Wins;

/// <summary>/wins/{id}: one win; its author may edit it, communicators turn it into a success-story draft.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class WinModel(WinLog wins) : PageModel
{
    public WinView Win { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanTellStory { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await wins.GetAsync(id, ct) is not { } win)
        {
            return NotFound();
        }
        Win = win;
        CanEdit = WinLog.IsAuthor(User, win);
        CanTellStory = User.Has(Capability.Communicate);
        return Page();
    }

    /// <summary>"Turn into success story": Communicate only; creates the draft once and opens it in the post editor.</summary>
    public async Task<IActionResult> OnPostStoryAsync(int id, CancellationToken ct)
    {
        if (!User.Has(Capability.Communicate))
        {
            return await wins.GetAsync(id, ct) is null ? NotFound() : Forbid();
        }
        var (outcome, postId) = await wins.TurnIntoStoryAsync(User, id, ct);
        return outcome == StoryOutcome.NotFound ? NotFound() : Redirect($"/posts/{postId}/edit");
    }
}
