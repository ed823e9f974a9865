using System.Globalization;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Comments;

/// <summary>/news/{id}/comments/{commentId}/edit: the author changes their own comment (404 for others' or unreadable posts).</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class EditCommentModel(PostConversation conversations, IStringLocalizer<Strings> t) : PageModel
{
    [BindProperty] public string? Body { get; set; }
    public int Id { get; private set; }
    public int CommentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int commentId, CancellationToken ct)
    {
        if (await conversations.CommentAsync(User, id, commentId, ct) is not { CanEdit: true } comment)
        {
            return NotFound();
        }
        (Id, CommentId, Body) = (id, commentId, comment.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int commentId, CancellationToken ct)
    {
        (Id, CommentId) = (id, commentId);
        if (await conversations.CommentAsync(User, id, commentId, ct) is not { CanEdit: true })
        {
            return NotFound();
        }
        var result = await conversations.EditAsync(User, id, commentId, Body, ct);
        switch (result.Outcome)
        {
            case ConversationOutcome.Done:
                return Redirect($"/news/{id.ToString(CultureInfo.InvariantCulture)}#comment-{commentId.ToString(CultureInfo.InvariantCulture)}");
            case ConversationOutcome.Invalid:
                ModelState.AddModelError(nameof(Body), t[result.Error!]);
                return Page();
            default:
                return NotFound();
        }
    }
}
