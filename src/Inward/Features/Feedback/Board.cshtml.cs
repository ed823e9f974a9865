using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Feedback;

/// <summary>/feedback/board: "you said, we did" — resolved cards whose author opted in, never with an author.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class FeedbackBoardModel(FeedbackDesk desk) : PageModel
{
    public IReadOnlyList<BoardItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await desk.BoardAsync(ct);
}
