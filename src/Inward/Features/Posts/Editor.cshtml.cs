using System.Globalization;
using System.Security.Claims;
using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Posts;

/// <summary>Write a post (/posts/new) or edit one (/posts/{id}/edit): save as draft or publish. Nothing is saved on error.</summary>
[RequireCapability(Capability.Communicate)]
public sealed class PostEditorModel(InwardDbContext db, AudienceForms forms, AudienceResolver resolver, TimeProvider clock,
    PostPublisher publisher, IStringLocalizer<Strings> t) : PageModel
{
    public const string Prefix = "Audience";

    public sealed class InputModel
    {
        public string Title { get; set; } = "";
        public string Type { get; set; } = nameof(PostType.News);
        public string Body { get; set; } = "";
        public bool Pinned { get; set; }
        public bool MustRead { get; set; }
        public string? MustReadDue { get; set; }
        public string? ExpiresUtc { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>The post being edited (from the route only: /posts/{id}/edit), null for a new post.</summary>
    public int? Id { get; private set; }

    public AudienceEditorModel Editor { get; private set; } = new();
    public PostStatus Status { get; private set; }

    private int? RouteId() =>
        int.TryParse(RouteData.Values["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Id = RouteId();
        AudienceRule? rule = null;
        if (Id is { } id)
        {
            var post = await db.Set<Post>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            if (post is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Title = post.Title, Type = post.Type.ToString(), Body = post.Body, Pinned = post.Pinned, MustRead = post.MustRead,
                MustReadDue = post.MustReadDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ExpiresUtc = post.ExpiresUtc?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            };
            Status = post.Status;
            rule = AudienceRule.FromJson(post.AudienceJson);
        }
        Editor = await forms.EditorAsync(Prefix, rule, ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken ct)
    {
        Id = RouteId();
        Post? post = null;
        if (Id is { } id && (post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct)) is null)
        {
            return NotFound();
        }
        Status = post?.Status ?? PostStatus.Draft;
        ModelState.Clear();
        var rule = await forms.BindAsync(Request.Form, Prefix, ModelState, ct);
        if (AudienceForms.IsCountRequest(Request.Form))
        {
            Editor = await forms.EditorAsync(Prefix, rule, ModelState.IsValid ? await resolver.CountAsync(rule, ct) : null, ct);
            return Page();
        }
        var publish = string.Equals(action, "publish", StringComparison.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var fields = PostRules.Check(Input.Title, Input.Type, Input.Body, Input.MustRead, Input.MustReadDue, Input.ExpiresUtc,
            publish ? post?.PublishedUtc ?? now : null, now);
        foreach (var (field, message) in fields.Errors)
        {
            ModelState.AddModelError($"Input.{field}", t[message]);
        }
        if (!ModelState.IsValid)
        {
            Editor = await forms.EditorAsync(Prefix, rule, ct: ct);
            return Page();
        }
        if (post is null)
        {
            post = new Post
            {
                Title = "", Body = "", AudienceJson = "", CreatedUtc = now,
                AuthorUserId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
                AuthorName = User.FindFirstValue(InwardClaimsPrincipalFactory.DisplayNameClaim) ?? "",
            };
            db.Add(post);
        }
        post.Title = Input.Title.Trim();
        post.Type = fields.Type;
        post.Body = Input.Body;
        post.AudienceJson = rule.ToJson();
        post.Pinned = Input.Pinned;
        post.MustRead = Input.MustRead;
        post.MustReadDue = Input.MustRead ? fields.Due : null;
        post.ExpiresUtc = fields.Expires;
        post.UpdatedUtc = now;
        if (publish)
        {
            await publisher.PublishAsync(post, ct: ct);
        }
        else
        {
            post.Status = PostStatus.Draft;
            await db.SaveChangesAsync(ct);
        }
        TempData["Saved"] = publish ? t["Published."].Value : t["Draft saved."].Value;
        return Redirect($"/posts/{post.Id.ToString(CultureInfo.InvariantCulture)}/edit");
    }
}
