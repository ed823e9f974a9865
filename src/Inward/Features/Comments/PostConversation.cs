using Inward.Platform.Localisation;
using System.Globalization;
using System.Security.Claims;
using Inward.Features.Audiences;
using Inward.Features.Notifications;
using Inward.Features.People;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Comments;

/// <summary>A comment as a reader sees it. <see cref="Body"/> is null when a moderator hid it and the reader is not a moderator.</summary>
public sealed record CommentView(int Id, int AuthorEmployeeId, string AuthorName, string? Body, DateTime CreatedUtc, DateTime? EditedUtc,
    bool Hidden, bool Mine, bool CanEdit, bool CanDelete);

/// <summary>How many people reacted with one kind, and whether the reader did.</summary>
public sealed record ReactionCount(string Kind, int Count, bool Mine);

/// <summary>Everything the conversation section of a post shows.</summary>
public sealed record Conversation(int PostId, bool AllowComments, bool AllowReactions, bool CanModerate, IReadOnlyList<CommentView> Comments,
    IReadOnlyList<ReactionCount> Reactions);

public enum ConversationOutcome
{
    Done,
    /// <summary>The post does not exist, is not live, or does not target the person: callers answer 404.</summary>
    NotFound,
    /// <summary>The post turned comments or reactions off.</summary>
    Closed,
    /// <summary>Not the author and not a moderator.</summary>
    Forbidden,
    Invalid,
}

public sealed record ConversationResult(ConversationOutcome Outcome, string? Error = null, CommentView? Comment = null);

/// <summary>
/// Comments, reactions and mentions on a post. Everything is reachable only for people who may read the post
/// (<see cref="PostViews.PostAsync"/>); authors edit and delete their own comments; Communicate users moderate.
/// A mention notifies only people who may read the post, and its outcome is never shown to the writer.
/// </summary>
public sealed class PostConversation(InwardDbContext db, PostViews views, AudienceResolver resolver, Notifier notifier, TimeProvider clock,
    IStringLocalizer<Strings> t)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private sealed record Access(int EmployeeId, bool AllowComments, bool AllowReactions, bool CanModerate, string Title, string AudienceJson);

    private async Task<Access?> AccessAsync(ClaimsPrincipal user, int postId, CancellationToken ct)
    {
        if (PeopleQueries.EmployeeIdOf(user) is not { } employeeId || await views.PostAsync(user, postId, ct) is null)
        {
            return null;
        }
        var flags = await db.Set<Post>().AsNoTracking().Where(p => p.Id == postId)
            .Select(p => new { p.AllowComments, p.AllowReactions, p.Title, p.AudienceJson }).SingleAsync(ct);
        return new(employeeId, flags.AllowComments, flags.AllowReactions, user.Has(Capability.Communicate), flags.Title, flags.AudienceJson);
    }

    /// <summary>The conversation, or null when the person may not read the post.</summary>
    public async Task<Conversation?> GetAsync(ClaimsPrincipal user, int postId, CancellationToken ct = default)
    {
        if (await AccessAsync(user, postId, ct) is not { } access)
        {
            return null;
        }
        var comments = access.AllowComments
            ? (await db.Set<PostComment>().AsNoTracking().Where(c => c.PostId == postId).OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
                .ToListAsync(ct)).Select(c => View(c, access)).ToList()
            : [];
        var reactions = new List<ReactionCount>();
        if (access.AllowReactions)
        {
            var rows = await db.Set<PostReaction>().AsNoTracking().Where(r => r.PostId == postId)
                .GroupBy(r => r.Kind)
                .Select(g => new { Kind = g.Key, Count = g.Count(), Mine = g.Any(r => r.EmployeeId == access.EmployeeId) })
                .ToListAsync(ct);
            reactions = [.. ReactionKinds.All.Select(k => rows.FirstOrDefault(r => r.Kind == k.Key) is { } r
                ? new ReactionCount(k.Key, r.Count, r.Mine) : new ReactionCount(k.Key, 0, false))];
        }
        return new(postId, access.AllowComments, access.AllowReactions, access.CanModerate, comments, reactions);
    }

    /// <summary>One comment as the person sees it (null when not reachable).</summary>
    public async Task<CommentView?> CommentAsync(ClaimsPrincipal user, int postId, int commentId, CancellationToken ct = default)
    {
        if (await AccessAsync(user, postId, ct) is not { AllowComments: true } access)
        {
            return null;
        }
        var comment = await db.Set<PostComment>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == commentId && c.PostId == postId, ct);
        return comment is null ? null : View(comment, access);
    }

    public async Task<ConversationResult> AddAsync(ClaimsPrincipal user, int postId, string? body, CancellationToken ct = default)
    {
        if (await AccessAsync(user, postId, ct) is not { } access)
        {
            return new(ConversationOutcome.NotFound);
        }
        if (!access.AllowComments)
        {
            return new(ConversationOutcome.Closed, "Comments are turned off for this post.");
        }
        if (Check(body) is { } error)
        {
            return new(ConversationOutcome.Invalid, error);
        }
        var author = await db.Employees.AsNoTracking().Where(e => e.Id == access.EmployeeId).Select(e => e.Name).SingleAsync(ct);
        var comment = new PostComment { PostId = postId, AuthorEmployeeId = access.EmployeeId, AuthorName = author, Body = body!.Trim(), CreatedUtc = Now };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        await NotifyMentionsAsync(comment, access, author, ct);
        return new(ConversationOutcome.Done, Comment: View(comment, access));
    }

    public async Task<ConversationResult> EditAsync(ClaimsPrincipal user, int postId, int commentId, string? body, CancellationToken ct = default)
    {
        if (await AccessAsync(user, postId, ct) is not { AllowComments: true } access
            || await db.Set<PostComment>().SingleOrDefaultAsync(c => c.Id == commentId && c.PostId == postId, ct) is not { } comment)
        {
            return new(ConversationOutcome.NotFound);
        }
        if (comment.AuthorEmployeeId != access.EmployeeId)
        {
            return new(ConversationOutcome.Forbidden);
        }
        if (Check(body) is { } error)
        {
            return new(ConversationOutcome.Invalid, error);
        }
        comment.Body = body!.Trim();
        comment.EditedUtc = Now;
        await db.SaveChangesAsync(ct);
        await NotifyMentionsAsync(comment, access, comment.AuthorName, ct);
        return new(ConversationOutcome.Done, Comment: View(comment, access));
    }

    /// <summary>Deletes a comment: its author or a moderator.</summary>
    public async Task<ConversationResult> DeleteAsync(ClaimsPrincipal user, int postId, int commentId, CancellationToken ct = default)
    {
        if (await AccessAsync(user, postId, ct) is not { AllowComments: true } access
            || await db.Set<PostComment>().SingleOrDefaultAsync(c => c.Id == commentId && c.PostId == postId, ct) is not { } comment)
        {
            return new(ConversationOutcome.NotFound);
        }
        if (comment.AuthorEmployeeId != access.EmployeeId && !access.CanModerate)
        {
            return new(ConversationOutcome.Forbidden);
        }
        db.Remove(comment);
        await db.SaveChangesAsync(ct);
        return new(ConversationOutcome.Done);
    }

    /// <summary>Hides a comment from readers, or shows it again: moderators only.</summary>
    public async Task<ConversationResult> SetHiddenAsync(ClaimsPrincipal user, int postId, int commentId, bool hidden, CancellationToken ct = default)
    {
        if (await AccessAsync(user, postId, ct) is not { AllowComments: true } access
            || await db.Set<PostComment>().SingleOrDefaultAsync(c => c.Id == commentId && c.PostId == postId, ct) is not { } comment)
        {
            return new(ConversationOutcome.NotFound);
        }
        if (!access.CanModerate)
        {
            return new(ConversationOutcome.Forbidden);
        }
        comment.HiddenUtc = hidden ? comment.HiddenUtc ?? Now : null;
        await db.SaveChangesAsync(ct);
        return new(ConversationOutcome.Done, Comment: View(comment, access));
    }

    /// <summary>Adds (<paramref name="on"/> true), removes (false) or toggles (null) the person's reaction of one kind.</summary>
    public async Task<ConversationResult> ReactAsync(ClaimsPrincipal user, int postId, string? kind, bool? on, CancellationToken ct = default)
    {
        if (await AccessAsync(user, postId, ct) is not { } access)
        {
            return new(ConversationOutcome.NotFound);
        }
        if (!access.AllowReactions)
        {
            return new(ConversationOutcome.Closed, "Reactions are turned off for this post.");
        }
        if (!ReactionKinds.IsKnown(kind))
        {
            return new(ConversationOutcome.Invalid, "Unknown reaction.");
        }
        var existing = await db.Set<PostReaction>().SingleOrDefaultAsync(r => r.PostId == postId && r.EmployeeId == access.EmployeeId && r.Kind == kind, ct);
        var want = on ?? existing is null;
        if (want && existing is null)
        {
            db.Add(new PostReaction { PostId = postId, EmployeeId = access.EmployeeId, Kind = kind!, CreatedUtc = Now });
        }
        else if (!want && existing is not null)
        {
            db.Remove(existing);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click raced us: the unique index keeps one reaction, which is the state asked for.
            db.ChangeTracker.Clear();
        }
        return new(ConversationOutcome.Done);
    }

    /// <summary>The English error key for a comment body, or null when it is fine.</summary>
    public static string? Check(string? body) =>
        string.IsNullOrWhiteSpace(body) ? "Write a comment first."
        : body.Trim().Length > PostComment.BodyMax ? "A comment can be at most 2000 characters."
        : null;

    private static CommentView View(PostComment c, Access access)
    {
        var mine = c.AuthorEmployeeId == access.EmployeeId;
        var hidden = c.HiddenUtc is not null;
        return new(c.Id, c.AuthorEmployeeId, c.AuthorName, hidden && !access.CanModerate ? null : c.Body, c.CreatedUtc, c.EditedUtc, hidden, mine,
            mine && !hidden, mine || access.CanModerate);
    }

    /// <summary>
    /// Notifies the people the comment mentions who may read the post and were not notified for it before. The matching
    /// runs over readers only, so whether someone outside the audience exists changes nothing, and nothing is reported back.
    /// </summary>
    private async Task NotifyMentionsAsync(PostComment comment, Access access, string authorName, CancellationToken ct)
    {
        var mentions = Mentions.Parse(comment.Body);
        if (mentions.Count == 0 || AudienceRule.FromJson(access.AudienceJson) is not { } rule)
        {
            return;
        }
        var people = await db.Employees.AsNoTracking().Where(e => e.IsActive && e.Id != access.EmployeeId)
            .Select(e => new MentionablePerson(e.Id, e.Name, e.Email)).ToListAsync(ct);
        var readers = new List<MentionablePerson>();
        foreach (var person in people.Where(p => Mentions.CouldName(mentions, p)))
        {
            if (await resolver.IncludesAsync(rule, person.EmployeeId, ct))
            {
                readers.Add(person);
            }
        }
        var already = await db.Set<CommentMention>().Where(m => m.CommentId == comment.Id).Select(m => m.EmployeeId).ToListAsync(ct);
        var notify = Mentions.Match(mentions, readers).Except(already).Order().ToList();
        if (notify.Count == 0)
        {
            return;
        }
        db.AddRange(notify.Select(id => new CommentMention { CommentId = comment.Id, EmployeeId = id }));
        var url = $"/news/{comment.PostId.ToString(CultureInfo.InvariantCulture)}#comment-{comment.Id.ToString(CultureInfo.InvariantCulture)}";
        var languages = await db.Employees.AsNoTracking().Where(e => notify.Contains(e.Id)).Select(e => new { e.Id, e.Language }).ToListAsync(ct);
        foreach (var group in languages.GroupBy(l => l.Language))
        {
            await notifier.NotifyAsync(group.Select(g => g.Id), "mention", TitleIn(group.Key, authorName, access.Title), url, ct);
        }
    }

    /// <summary>The notification title in the recipient's language (falls back to English).</summary>
    private string TitleIn(string language, string authorName, string postTitle) =>
        LocalisationSetup.InLanguage(language, () => t["{0} mentioned you on “{1}”", authorName, postTitle].Value);
}
