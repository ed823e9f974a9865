using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Feedback;

/// <summary>/feedback/mine: the signed-in person's cards, named and anonymous, with their status.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class FeedbackMineModel(FeedbackDesk desk) : PageModel
{
    public IReadOnlyList<CardView> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Cards = await desk.MyCardsAsync(await desk.ViewerAsync(User, ct), ct);
}
