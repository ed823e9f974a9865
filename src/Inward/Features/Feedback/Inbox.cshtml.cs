using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Feedback;

/// <summary>/feedback/inbox: the cards addressed to the signed-in person (403 for someone who answers none).</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class FeedbackInboxModel(FeedbackDesk desk) : PageModel
{
    public IReadOnlyList<CardView> Cards { get; private set; } = [];
    public FeedbackStatus? Status { get; private set; }
    public FeedbackCategory? Category { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public bool HasNext => PageNumber * FeedbackDesk.InboxPageSize < Total;

    public async Task<IActionResult> OnGetAsync(string? status, string? category, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var viewer = await desk.ViewerAsync(User, ct);
        if (!viewer.IsRecipient)
        {
            return Forbid();
        }
        // An unknown filter value shows everything rather than an error: the form only offers valid values.
        Status = FeedbackRules.TryParse<FeedbackStatus>(status, out var s) ? s : null;
        Category = FeedbackRules.TryParse<FeedbackCategory>(category, out var c) ? c : null;
        PageNumber = Math.Max(1, pageNumber ?? 1);
        (Cards, Total) = await desk.InboxAsync(viewer, Status, Category, PageNumber, FeedbackDesk.InboxPageSize, ct);
        return Page();
    }
}
