using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Radio;

/// <summary>/radio/{id}: the player, show notes and transcript of an episode the person may hear (404 otherwise).</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class RadioEpisodeModel(RadioViews views) : PageModel
{
    public EpisodeView Episode { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await views.EpisodeAsync(User, id, ct) is not { } e)
        {
            return NotFound();
        }
        Episode = e;
        return Page();
    }

    /// <summary>The player's "play" event (radio.js): counted once per person and day.</summary>
    public async Task<IActionResult> OnPostPlayAsync(int id, CancellationToken ct) =>
        await views.RecordPlayAsync(User, id, ct) ? new NoContentResult() : NotFound();
}
