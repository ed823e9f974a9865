using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Posts;

/// <summary>One post for its reader; 404 when it does not exist or does not target them. Records the first opening.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class ReadPostModel(PostViews views) : PageModel
{
    public PostView Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await views.PostAsync(User, id, ct) is not { } post)
        {
            return NotFound();
        }
        Post = post;
        await views.RecordReadAsync(id, User, ct);
        return Page();
    }

    /// <summary>"I have read and understood": idempotent.</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken ct) =>
        await views.AcknowledgeAsync(id, User, ct) ? Redirect($"/news/{id}") : NotFound();
}
