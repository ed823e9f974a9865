using System.Security.Claims;
using System.Text.Json;
using Inward.Features.Audiences;
using Inward.Features.Notifications;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Posts;

/// <summary>A post's content as its author saves it (already validated).</summary>
public sealed record PostDraft(PostType Type, string Title, string Body, AudienceRule Audience, bool Pinned, bool MustRead, DateOnly? MustReadDue,
    DateTime? ExpiresUtc, DateTime? PublishAtUtc, bool Urgent, bool AllowComments, bool AllowReactions, IReadOnlyList<PostTextInput> Texts);

public enum PostActionFailure
{
    None,
    /// <summary>The user may not do this to this post (403).</summary>
    Forbidden,
    /// <summary>The post is not in a state that allows it (409).</summary>
    Conflict,
    /// <summary>The input is wrong (400); the message is a localiser key.</summary>
    Invalid,
}

/// <summary>The outcome of a lifecycle action; <see cref="Message"/> is an English localiser key.</summary>
public sealed record PostActionResult(PostActionFailure Failure, string? Message = null)
{
    public static readonly PostActionResult Ok = new(PostActionFailure.None);

    public bool Succeeded => Failure == PostActionFailure.None;
}

/// <summary>Payload of the scheduled-publication and expiry jobs: the post and the time the job is for.</summary>
public sealed record PostTimeJob(int PostId, long AtTicks);

/// <summary>
/// Writing and the lifecycle of posts, shared by the editor, the review queue and the API: save (with a revision per
/// change), submit for review, approve, reject, publish now or at a time, unpublish, expiry. Every publication goes
/// through <see cref="PostPublisher"/>.
/// </summary>
public sealed class PostAuthoring(InwardDbContext db, PostPublisher publisher, IJobScheduler jobs, Notifier notifier, TimeProvider clock,
    IStringLocalizer<Strings> t)
{
    public const string PublishAtJob = "posts.publish-at";
    public const string ExpireJob = "posts.expire";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<bool> RequiresApprovalAsync(CancellationToken ct = default) =>
        await db.Set<PostSettings>().AsNoTracking().OrderBy(s => s.Id).Select(s => s.RequireApproval).FirstOrDefaultAsync(ct);

    public async Task SetRequiresApprovalAsync(bool value, CancellationToken ct = default)
    {
        var settings = await db.Set<PostSettings>().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new PostSettings();
            db.Add(settings);
        }
        settings.RequireApproval = value;
        await db.SaveChangesAsync(ct);
    }

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public static string DisplayName(ClaimsPrincipal user) => user.FindFirstValue(InwardClaimsPrincipalFactory.DisplayNameClaim) ?? "";

    public static bool HoldsRole(ClaimsPrincipal user, string? role) =>
        role is not null && user.FindAll(ClaimTypes.Role).Any(c => string.Equals(c.Value, role, StringComparison.Ordinal));

    /// <summary>May <paramref name="user"/> approve or reject the post: it is in review, they hold its approver role and did not write it.</summary>
    public static bool CanReview(Post post, ClaimsPrincipal user) =>
        post.Status == PostStatus.InReview && HoldsRole(user, post.ApproverRole) && !string.Equals(post.AuthorUserId, UserId(user), StringComparison.Ordinal);

    public async Task<IReadOnlyList<PostTextInput>> TextsAsync(int postId, CancellationToken ct = default) =>
        postId == 0 ? [] : await db.Set<PostText>().AsNoTracking().Where(x => x.PostId == postId)
            .OrderBy(x => x.DepartmentId == null).ThenBy(x => x.DepartmentId).ThenBy(x => x.Language).ThenBy(x => x.Id)
            .Select(x => new PostTextInput(x.DepartmentId, x.Language, x.Title, x.Body)).ToListAsync(ct);

    public static string TextsJson(IReadOnlyList<PostTextInput> texts) => JsonSerializer.Serialize(texts, Json);

    public static IReadOnlyList<PostTextInput> TextsFromJson(string json) =>
        JsonSerializer.Deserialize<List<PostTextInput>>(json, Json) ?? [];

    /// <summary>
    /// Saves the content (a new post when <paramref name="post"/> is null): replaces the variants, records a revision when
    /// the texts changed, marks a published post edited, reschedules or unschedules a scheduled post whose time changed,
    /// and queues the expiry. The status is otherwise unchanged.
    /// </summary>
    public async Task<Post> SaveAsync(Post? post, PostDraft draft, ClaimsPrincipal editor, string? note, CancellationToken ct = default)
    {
        var now = Now;
        if (post is null)
        {
            post = new Post
            {
                Title = "", Body = "", AudienceJson = "", CreatedUtc = now, Status = PostStatus.Draft,
                AuthorUserId = UserId(editor), AuthorName = DisplayName(editor),
            };
            db.Add(post);
        }
        var oldTexts = await TextsAsync(post.Id, ct);
        var oldSnapshot = (post.Title, post.Body, TextsJson(oldTexts));
        var oldPublishAt = post.PublishAtUtc;
        var texts = draft.Texts.Select(x => x with { Title = x.Title.Trim(), Language = PostRules.NormaliseLanguage(x.Language) }).ToList();
        post.Type = draft.Type;
        post.Title = draft.Title.Trim();
        post.Body = draft.Body;
        post.AudienceJson = draft.Audience.ToJson();
        post.Pinned = draft.Pinned;
        post.MustRead = draft.MustRead;
        post.MustReadDue = draft.MustRead ? draft.MustReadDue : null;
        post.ExpiresUtc = draft.ExpiresUtc;
        post.Urgent = draft.Urgent;
        post.AllowComments = draft.AllowComments;
        post.AllowReactions = draft.AllowReactions;
        post.UpdatedUtc = now;
        if (post.Status is not (PostStatus.Published or PostStatus.Expired))
        {
            post.PublishAtUtc = draft.PublishAtUtc;
        }
        var snapshot = (post.Title, post.Body, TextsJson(texts));
        var changed = post.Id == 0 || snapshot != oldSnapshot;
        if (changed && post.Status == PostStatus.Published)
        {
            post.EditedUtc = now;
        }
        if (post.Id != 0)
        {
            await db.Set<PostText>().Where(x => x.PostId == post.Id).ExecuteDeleteAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        db.Set<PostText>().AddRange(texts.Select(x => new PostText
        {
            PostId = post.Id, DepartmentId = x.DepartmentId, Language = x.Language, Title = x.Title, Body = x.Body,
        }));
        if (changed)
        {
            var last = await db.Set<PostRevision>().Where(r => r.PostId == post.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
            db.Add(new PostRevision
            {
                PostId = post.Id, Number = last + 1, Title = post.Title, Body = post.Body, TextsJson = snapshot.Item3,
                EditorUserId = UserId(editor), EditorName = DisplayName(editor), CreatedUtc = now,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, PostRevision.NoteMax)],
                AfterPublication = post.Status == PostStatus.Published,
            });
        }
        if (post.Status == PostStatus.Scheduled && post.PublishAtUtc != oldPublishAt)
        {
            if (post.PublishAtUtc is { } at)
            {
                await QueuePublicationAsync(post, at, ct);
            }
            else
            {
                post.Status = PostStatus.Draft;
            }
        }
        await QueueExpiryAsync(post, ct);
        await db.SaveChangesAsync(ct);
        return post;
    }

    /// <summary>Sends the post to holders of <paramref name="role"/> for approval and notifies them.</summary>
    public async Task<PostActionResult> SubmitAsync(Post post, string? role, ClaimsPrincipal author, CancellationToken ct = default)
    {
        if (PostRules.CheckApproverRole(role) is { } problem)
        {
            return new(PostActionFailure.Invalid, problem);
        }
        if (post.Status is not (PostStatus.Draft or PostStatus.InReview))
        {
            return new(PostActionFailure.Conflict, "Only a draft can be submitted for review.");
        }
        post.Status = PostStatus.InReview;
        post.ApproverRole = role;
        post.SubmittedUtc = Now;
        post.ReviewComment = null;
        post.ReviewedByName = null;
        await db.SaveChangesAsync(ct);
        var approvers = await HoldersAsync(role!, post.AuthorUserId, ct);
        await notifier.NotifyAsync(approvers, "post-review", t["Please review: {0}", post.Title], "/posts/review", ct);
        return PostActionResult.Ok;
    }

    /// <summary>Approves a post in review: publishes it now, or schedules it when it has a publication time in the future.</summary>
    public async Task<PostActionResult> ApproveAsync(Post post, ClaimsPrincipal reviewer, CancellationToken ct = default)
    {
        if (ReviewProblem(post, reviewer) is { } problem)
        {
            return problem;
        }
        post.ReviewedByName = DisplayName(reviewer);
        post.ReviewComment = null;
        await GoLiveAsync(post, ct);
        await NotifyAuthorAsync(post, post.Status == PostStatus.Scheduled ? t["Approved and scheduled: {0}", post.Title] : t["Approved and published: {0}", post.Title], ct);
        return PostActionResult.Ok;
    }

    /// <summary>Returns a post in review to its author as a draft, with the reason.</summary>
    public async Task<PostActionResult> RejectAsync(Post post, ClaimsPrincipal reviewer, string? comment, CancellationToken ct = default)
    {
        if (ReviewProblem(post, reviewer) is { } problem)
        {
            return problem;
        }
        if (PostRules.CheckRejection(comment) is { } invalid)
        {
            return new(PostActionFailure.Invalid, invalid);
        }
        post.Status = PostStatus.Draft;
        post.ReviewComment = comment!.Trim();
        post.ReviewedByName = DisplayName(reviewer);
        await db.SaveChangesAsync(ct);
        await NotifyAuthorAsync(post, t["Changes requested: {0}", post.Title], ct);
        return PostActionResult.Ok;
    }

    /// <summary>
    /// The author publishes: now, or at <see cref="Post.PublishAtUtc"/> when it lies in the future. Refused when posts
    /// need approval. On a published post, <paramref name="renotify"/> sends it again.
    /// </summary>
    public async Task<PostActionResult> PublishAsync(Post post, bool renotify = false, CancellationToken ct = default)
    {
        if (post.Status == PostStatus.Published)
        {
            if (renotify)
            {
                await publisher.PublishAsync(post, renotify: true, ct);
            }
            return PostActionResult.Ok;
        }
        if (await RequiresApprovalAsync(ct))
        {
            return new(PostActionFailure.Forbidden, "Posts need approval: submit it for review.");
        }
        await GoLiveAsync(post, ct);
        return PostActionResult.Ok;
    }

    /// <summary>Takes a published or scheduled post back to draft: readers no longer see it and pending jobs do nothing.</summary>
    public async Task<PostActionResult> UnpublishAsync(Post post, CancellationToken ct = default)
    {
        if (post.Status is not (PostStatus.Published or PostStatus.Scheduled or PostStatus.Expired))
        {
            return new(PostActionFailure.Conflict, "Only a published or scheduled post can be unpublished.");
        }
        post.Status = PostStatus.Draft;
        post.PublishedUtc = null;
        post.PublishAtUtc = null;
        post.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        return PostActionResult.Ok;
    }

    private static PostActionResult? ReviewProblem(Post post, ClaimsPrincipal reviewer)
    {
        if (post.Status != PostStatus.InReview)
        {
            return new(PostActionFailure.Conflict, "This post is not waiting for review.");
        }
        if (string.Equals(post.AuthorUserId, UserId(reviewer), StringComparison.Ordinal))
        {
            return new(PostActionFailure.Forbidden, "Someone other than the author must approve the post.");
        }
        return HoldsRole(reviewer, post.ApproverRole) ? null : new(PostActionFailure.Forbidden, "Only the chosen approvers can review this post.");
    }

    private async Task GoLiveAsync(Post post, CancellationToken ct)
    {
        if (post.PublishAtUtc is { } at && at > Now)
        {
            post.Status = PostStatus.Scheduled;
            await QueuePublicationAsync(post, at, ct);
            await QueueExpiryAsync(post, ct);
            await db.SaveChangesAsync(ct);
            return;
        }
        post.PublishAtUtc = null;
        await QueueExpiryAsync(post, ct);
        await publisher.PublishAsync(post, ct: ct);
    }

    private Task<Guid> QueuePublicationAsync(Post post, DateTime at, CancellationToken ct) =>
        jobs.EnqueueAsync(PublishAtJob, new PostTimeJob(post.Id, at.Ticks), at, $"{PublishAtJob}:{post.Id}:{at.Ticks}", ct);

    private async Task QueueExpiryAsync(Post post, CancellationToken ct)
    {
        // Queued for drafts too: the job only expires a post that is published by then.
        if (post.ExpiresUtc is { } at && post.Id != 0)
        {
            await jobs.EnqueueAsync(ExpireJob, new PostTimeJob(post.Id, at.Ticks), at, $"{ExpireJob}:{post.Id}:{at.Ticks}", ct);
        }
    }

    /// <summary>Employee ids of active users holding <paramref name="role"/>, except the author.</summary>
    public async Task<IReadOnlyList<int>> HoldersAsync(string role, string exceptUserId, CancellationToken ct = default) =>
        await (from r in db.Roles
               where r.Name == role
               join ur in db.UserRoles on r.Id equals ur.RoleId
               join u in db.Users on ur.UserId equals u.Id
               where u.IsActive && u.EmployeeId != null && u.Id != exceptUserId
               select u.EmployeeId!.Value).Distinct().ToListAsync(ct);

    private async Task NotifyAuthorAsync(Post post, string title, CancellationToken ct)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Id == post.AuthorUserId && u.EmployeeId != null).Select(u => u.EmployeeId!.Value).ToListAsync(ct);
        if (author.Count > 0)
        {
            await notifier.NotifyAsync(author, "post-review", title, $"/posts/{post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/edit", ct);
        }
    }
}

/// <summary>Publishes a scheduled post at its time; does nothing when it was rescheduled, unscheduled or published since.</summary>
public sealed class ScheduledPublicationJob(InwardDbContext db, PostPublisher publisher) : IJobHandler
{
    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var payload = job.PayloadAs<PostTimeJob>();
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == payload.PostId, ct);
        if (post is { Status: PostStatus.Scheduled, PublishAtUtc: { } at } && at.Ticks == payload.AtTicks)
        {
            await publisher.PublishAsync(post, ct: ct);
        }
    }
}

/// <summary>Marks a published post expired at its expiry time; does nothing when the expiry changed since.</summary>
public sealed class PostExpiryJob(InwardDbContext db) : IJobHandler
{
    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var payload = job.PayloadAs<PostTimeJob>();
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == payload.PostId, ct);
        if (post is { Status: PostStatus.Published, ExpiresUtc: { } at } && at.Ticks == payload.AtTicks)
        {
            post.Status = PostStatus.Expired;
        }
    }
}
