using System.Globalization;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Comments;

/// <summary>
/// /news/{id}/comments: the conversation of a post on its own page, and the target of its forms (add, react, hide,
/// show, delete). Success goes back to the post; an invalid comment is shown here with its error. 404 for posts the
/// person may not read.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class ConversationModel(PostConversation conversations) : PageModel
{
    public ConversationSectionModel Section { get; private set; } = null!;
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, null, null, ct);

    public async Task<IActionResult> OnPostAddAsync(int id, string? body, CancellationToken ct)
    {
        var result = await conversations.AddAsync(User, id, body, ct);
        return result.Outcome == ConversationOutcome.Done
            ? Back(id, $"#comment-{result.Comment!.Id.ToString(CultureInfo.InvariantCulture)}")
            : await FailAsync(id, result, body, ct);
    }

    public async Task<IActionResult> OnPostReactAsync(int id, string? kind, CancellationToken ct)
    {
        var result = await conversations.ReactAsync(User, id, kind, null, ct);
        return result.Outcome == ConversationOutcome.Done ? Back(id, "#comments") : await FailAsync(id, result, null, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int commentId, CancellationToken ct)
    {
        var result = await conversations.DeleteAsync(User, id, commentId, ct);
        return result.Outcome == ConversationOutcome.Done ? Back(id, "#comments") : await FailAsync(id, result, null, ct);
    }

    public async Task<IActionResult> OnPostHideAsync(int id, int commentId, CancellationToken ct) => await HiddenAsync(id, commentId, true, ct);

    public async Task<IActionResult> OnPostShowAsync(int id, int commentId, CancellationToken ct) => await HiddenAsync(id, commentId, false, ct);

    private async Task<IActionResult> HiddenAsync(int id, int commentId, bool hidden, CancellationToken ct)
    {
        var result = await conversations.SetHiddenAsync(User, id, commentId, hidden, ct);
        return result.Outcome == ConversationOutcome.Done
            ? Back(id, $"#comment-{commentId.ToString(CultureInfo.InvariantCulture)}")
            : await FailAsync(id, result, null, ct);
    }

    private RedirectResult Back(int id, string anchor) => Redirect($"/news/{id.ToString(CultureInfo.InvariantCulture)}{anchor}");

    private async Task<IActionResult> FailAsync(int id, ConversationResult result, string? draft, CancellationToken ct) => result.Outcome switch
    {
        ConversationOutcome.NotFound => NotFound(),
        ConversationOutcome.Forbidden => Forbid(),
        _ => await ShowAsync(id, draft, result.Error, ct, StatusCodes.Status400BadRequest),
    };

    private async Task<IActionResult> ShowAsync(int id, string? draft, string? error, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (await conversations.GetAsync(User, id, ct) is not { } conversation)
        {
            return NotFound();
        }
        Id = id;
        Section = new(conversation, draft, error);
        Response.StatusCode = status;
        return Page();
    }
}
