using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Posts;

/// <summary>
/// The review queue (/posts/review): posts in review whose approver role the signed-in user holds and which they did
/// not write; approve (publish or schedule) or reject with a comment.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class ReviewModel(InwardDbContext db, PostAuthoring authoring, IStringLocalizer<Strings> t) : PageModel
{
    public sealed record Item(int Id, PostType Type, string Title, string Body, string AuthorName, string ApproverRole, DateTime? SubmittedUtc,
        DateTime? PublishAtUtc, bool MustRead, int Variants);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    [BindProperty] public string? Comment { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var roles = PostRules.ApproverRoles.Where(r => PostAuthoring.HoldsRole(User, r)).ToList();
        var me = PostAuthoring.UserId(User);
        Items = roles.Count == 0 ? [] : await db.Set<Post>().AsNoTracking()
            .Where(p => p.Status == PostStatus.InReview && p.ApproverRole != null && roles.Contains(p.ApproverRole) && p.AuthorUserId != me)
            .OrderBy(p => p.SubmittedUtc).ThenBy(p => p.Id)
            .Select(p => new Item(p.Id, p.Type, p.Title, p.Body, p.AuthorName, p.ApproverRole!, p.SubmittedUtc, p.PublishAtUtc, p.MustRead,
                db.Set<PostText>().Count(x => x.PostId == p.Id)))
            .ToListAsync(ct);
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        ActAsync(id, post => authoring.ApproveAsync(post, User, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        ActAsync(id, post => authoring.RejectAsync(post, User, Comment, ct), ct);

    private async Task<IActionResult> ActAsync(int id, Func<Post, Task<PostActionResult>> act, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return NotFound();
        }
        var result = await act(post);
        if (result.Failure == PostActionFailure.Forbidden)
        {
            return Forbid();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Failure == PostActionFailure.Invalid ? $"Comment-{id}" : "", t[result.Message!]);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Saved"] = post.Status switch
        {
            PostStatus.Published => t["Approved and published: {0}", post.Title].Value,
            PostStatus.Scheduled => t["Approved and scheduled: {0}", post.Title].Value,
            _ => t["Returned to the author: {0}", post.Title].Value,
        };
        return Redirect("/posts/review");
    }
}
