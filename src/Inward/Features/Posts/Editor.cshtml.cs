using System.Globalization;
using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Posts;

/// <summary>
/// Write a post (/posts/new) or edit one (/posts/{id}/edit): save, publish now or at a time, submit for review,
/// unpublish; department variants and translations; flags. Nothing is saved on error.
/// </summary>
[RequireCapability(Capability.Communicate)]
public sealed class PostEditorModel(InwardDbContext db, AudienceForms forms, AudienceResolver resolver, TimeProvider clock,
    PostAuthoring authoring, IStringLocalizer<Strings> t) : PageModel
{
    public const string Prefix = "Audience";

    public sealed class TextModel
    {
        /// <summary>"variant" (a department, optionally a language) or "translation" (a language only).</summary>
        public string Kind { get; set; } = "variant";
        public string? DepartmentId { get; set; }
        public string? Language { get; set; }
        public string Title { get; set; } = "";
        public string Body { get; set; } = "";
    }

    public sealed class InputModel
    {
        public string Title { get; set; } = "";
        public string Type { get; set; } = nameof(PostType.News);
        public string Body { get; set; } = "";
        public bool Pinned { get; set; }
        public bool MustRead { get; set; }
        public string? MustReadDue { get; set; }
        public string? ExpiresUtc { get; set; }
        public string? PublishAtUtc { get; set; }
        public bool Urgent { get; set; }
        public bool AllowComments { get; set; } = true;
        public bool AllowReactions { get; set; } = true;
        public string? ApproverRole { get; set; }
        public string? ChangeNote { get; set; }
        public bool Renotify { get; set; }
        public List<TextModel> Texts { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>The post being edited (from the route only: /posts/{id}/edit), null for a new post.</summary>
    public int? Id { get; private set; }

    public AudienceEditorModel Editor { get; private set; } = new();
    public PostStatus Status { get; private set; }
    public DateTime? ScheduledFor { get; private set; }
    public string? ApproverRole { get; private set; }
    public string? ReviewComment { get; private set; }
    public string? ReviewedBy { get; private set; }
    public bool RequiresApproval { get; private set; }

    private int? RouteId() =>
        int.TryParse(RouteData.Values["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string? Iso(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Id = RouteId();
        AudienceRule? rule = null;
        RequiresApproval = await authoring.RequiresApprovalAsync(ct);
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
                PublishAtUtc = Iso(post.PublishAtUtc), Urgent = post.Urgent, AllowComments = post.AllowComments, AllowReactions = post.AllowReactions,
                ApproverRole = post.ApproverRole,
                Texts = [.. (await authoring.TextsAsync(id, ct)).Select(x => new TextModel
                {
                    Kind = x.DepartmentId is null ? "translation" : "variant",
                    DepartmentId = x.DepartmentId?.ToString(CultureInfo.InvariantCulture), Language = x.Language, Title = x.Title, Body = x.Body,
                })],
            };
            Show(post);
            rule = AudienceRule.FromJson(post.AudienceJson);
        }
        Editor = await forms.EditorAsync(Prefix, rule, ct: ct);
        return Page();
    }

    private void Show(Post post)
    {
        Status = post.Status;
        ScheduledFor = post.Status == PostStatus.Scheduled ? post.PublishAtUtc : null;
        ApproverRole = post.ApproverRole;
        ReviewComment = post.ReviewComment;
        ReviewedBy = post.ReviewedByName;
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken ct)
    {
        Id = RouteId();
        Post? post = null;
        if (Id is { } id && (post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct)) is null)
        {
            return NotFound();
        }
        if (post is not null)
        {
            Show(post);
        }
        RequiresApproval = await authoring.RequiresApprovalAsync(ct);
        ModelState.Clear();
        action ??= "save";
        if (AudienceForms.IsCountRequest(Request.Form))
        {
            var counted = await forms.BindAsync(Request.Form, Prefix, ModelState, ct);
            Editor = await forms.EditorAsync(Prefix, counted, ModelState.IsValid ? await resolver.CountAsync(counted, ct) : null, ct);
            return Page();
        }
        if (action is "add-variant" or "add-translation" || action.StartsWith("remove-", StringComparison.Ordinal))
        {
            if (action == "add-variant" || action == "add-translation")
            {
                Input.Texts.Add(new TextModel { Kind = action == "add-variant" ? "variant" : "translation" });
            }
            else if (int.TryParse(action["remove-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < Input.Texts.Count)
            {
                Input.Texts.RemoveAt(index);
            }
            Editor = await forms.EditorAsync(Prefix, AudienceForms.Parse(Request.Form, Prefix).Rule, ct: ct);
            return Page();
        }
        if (action == "unpublish")
        {
            if (post is null)
            {
                return NotFound();
            }
            var result = await authoring.UnpublishAsync(post, ct);
            TempData["Saved"] = result.Succeeded ? t["Unpublished: the post is a draft again."].Value : t[result.Message!].Value;
            return Redirect($"/posts/{post.Id.ToString(CultureInfo.InvariantCulture)}/edit");
        }

        var rule = await forms.BindAsync(Request.Form, Prefix, ModelState, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var live = post?.Status is PostStatus.Published or PostStatus.Expired;
        var (publishAt, publishErrors) = live ? (null, []) : PostRules.CheckPublishAt(Input.PublishAtUtc, now);
        var fields = PostRules.Check(Input.Title, Input.Type, Input.Body, Input.MustRead, Input.MustReadDue, Input.ExpiresUtc,
            publishAt ?? (live ? post!.PublishedUtc : action == "publish" ? now : null), now);
        var texts = Input.Texts.Select(x => new PostTextInput(
            int.TryParse(x.DepartmentId, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null,
            string.IsNullOrWhiteSpace(x.Language) ? null : x.Language, x.Title ?? "", x.Body ?? "")).ToList();
        var departments = (await db.Departments.AsNoTracking().Select(x => x.Id).ToListAsync(ct)).ToHashSet();
        var errors = fields.Errors.Concat(publishErrors).Concat(PostRules.CheckTexts(texts, departments)).ToList();
        if (action == "submit" && PostRules.CheckApproverRole(Input.ApproverRole) is { } roleProblem)
        {
            errors.Add(("ApproverRole", roleProblem));
        }
        if (action == "publish" && !live && RequiresApproval)
        {
            errors.Add(("", "Posts need approval: submit it for review."));
        }
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", t[message, PostRules.MaxTexts]);
        }
        if (!ModelState.IsValid)
        {
            Editor = await forms.EditorAsync(Prefix, rule, ct: ct);
            return Page();
        }
        var draft = new PostDraft(fields.Type, Input.Title, Input.Body, rule, Input.Pinned, Input.MustRead, fields.Due, fields.Expires, publishAt,
            Input.Urgent, Input.AllowComments, Input.AllowReactions, texts);
        post = await authoring.SaveAsync(post, draft, User, Input.ChangeNote, ct);
        var outcome = action switch
        {
            "publish" => await authoring.PublishAsync(post, Input.Renotify, ct),
            "submit" => await authoring.SubmitAsync(post, Input.ApproverRole, User, ct),
            _ when Input.Renotify && post.Status == PostStatus.Published => await authoring.PublishAsync(post, renotify: true, ct),
            _ => PostActionResult.Ok,
        };
        TempData["Saved"] = !outcome.Succeeded ? t[outcome.Message!].Value : post.Status switch
        {
            PostStatus.Published when action == "publish" || Input.Renotify => t["Published."].Value,
            PostStatus.Scheduled when action == "publish" => t["Scheduled for {0} UTC.", Iso(post.PublishAtUtc)!.Replace('T', ' ')].Value,
            PostStatus.InReview when action == "submit" => t["Submitted for review."].Value,
            PostStatus.Draft => t["Draft saved."].Value,
            _ => t["Changes saved."].Value,
        };
        return Redirect($"/posts/{post.Id.ToString(CultureInfo.InvariantCulture)}/edit");
    }
}
