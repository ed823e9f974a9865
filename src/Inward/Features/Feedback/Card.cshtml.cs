using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Feedback;

/// <summary>
/// /feedback/cards/{id}: one card and its conversation, for its author and its recipients (anyone else: 404). The author and
/// the recipients reply; recipients change the status; the author decides about the board.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class FeedbackCardModel(FeedbackDesk desk, IStringLocalizer<Strings> t) : PageModel
{
    public CardView Card { get; private set; } = null!;
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public bool Show { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(await desk.ViewerAsync(User, ct), id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(int id, CancellationToken ct)
    {
        var viewer = await desk.ViewerAsync(User, ct);
        var (outcome, error) = await desk.ReplyAsync(viewer, id, Text, ct);
        return await AfterAsync(viewer, id, outcome, error, "Your reply was sent.", ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct)
    {
        var viewer = await desk.ViewerAsync(User, ct);
        var (outcome, error) = await desk.ChangeStatusAsync(viewer, id, Status, Answer, ct);
        return await AfterAsync(viewer, id, outcome, error, "The status was saved.", ct);
    }

    public async Task<IActionResult> OnPostBoardAsync(int id, CancellationToken ct)
    {
        var viewer = await desk.ViewerAsync(User, ct);
        return await AfterAsync(viewer, id, await desk.SetBoardAsync(viewer, id, Show, ct), null, "Saved.", ct);
    }

    private async Task<IActionResult> AfterAsync(FeedbackViewer viewer, int id, FeedbackOutcome outcome, FeedbackError? error, string saved,
        CancellationToken ct)
    {
        switch (outcome)
        {
            case FeedbackOutcome.NotFound:
                return NotFound();
            case FeedbackOutcome.Forbidden:
                return Forbid();
            case FeedbackOutcome.Invalid:
                ModelState.Clear();
                ModelState.AddModelError(error!.Field, t[error.Message, error.Arguments]);
                return await LoadAsync(viewer, id, ct) ? Page() : NotFound();
            default:
                TempData["Saved"] = t[saved].Value;
                return Redirect($"/feedback/cards/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    private async Task<bool> LoadAsync(FeedbackViewer viewer, int id, CancellationToken ct)
    {
        if (await desk.GetAsync(viewer, id, ct) is not { } card)
        {
            return false;
        }
        Card = card;
        return true;
    }
}
