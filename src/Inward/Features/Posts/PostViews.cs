using System.Security.Claims;
using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Posts;

/// <summary>One post in a feed.</summary>
public sealed record FeedItem(int Id, PostType Type, string Title, string Excerpt, DateTime PublishedUtc, bool Pinned, bool MustRead,
    DateOnly? MustReadDue, bool Acknowledged);

/// <summary>A page of the feed.</summary>
public sealed record FeedPage(IReadOnlyList<FeedItem> Items, int Page, bool HasOlder);

/// <summary>A post as its reader sees it.</summary>
public sealed record PostView(int Id, PostType Type, string Title, string Body, DateTime PublishedUtc, DateTime? ExpiresUtc, bool Pinned,
    bool MustRead, DateOnly? MustReadDue, string AuthorName, DateTime? AcknowledgedUtc, DateTime? EditedUtc = null);

/// <summary>An unacknowledged must-read for the banner.</summary>
public sealed record MustReadItem(int Id, string Title, DateOnly? Due);

/// <summary>
/// What a signed-in person may read: published, not expired posts whose audience includes them now. The person's facts
/// are loaded once; each candidate post's rule is evaluated in memory with the pure <see cref="AudienceRules.Matches"/>.
/// </summary>
public sealed class PostViews(InwardDbContext db, AudienceResolver resolver, TimeProvider clock)
{
    public const int PageSize = 25;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Post> Live()
    {
        var now = Now;
        return db.Set<Post>().AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.PublishedUtc != null && p.PublishedUtc <= now && (p.ExpiresUtc == null || p.ExpiresUtc > now));
    }

    private sealed record Reader(MemberFacts Facts, DepartmentTree Tree, DateOnly Today)
    {
        public bool Includes(string json)
        {
            try
            {
                return AudienceRule.FromJson(json) is { } rule && AudienceRules.Matches(rule, Facts, Tree, Today);
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        }
    }

    private async Task<Reader?> ReaderAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await resolver.FactsOfAsync(user, ct) is { IsActive: true } facts ? new Reader(facts, await resolver.TreeAsync(ct), resolver.Today) : null;

    public async Task<FeedPage> FeedAsync(ClaimsPrincipal user, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        if (await ReaderAsync(user, ct) is not { } reader)
        {
            return new([], page, false);
        }
        var employeeId = reader.Facts.EmployeeId ?? -1;
        var candidates = await Live()
            .Select(p => new
            {
                p.Id, p.Type, p.Title, p.Body, p.PublishedUtc, p.Pinned, p.MustRead, p.MustReadDue, p.AudienceJson,
                Acknowledged = db.Set<PostAcknowledgement>().Any(a => a.PostId == p.Id && a.EmployeeId == employeeId),
            })
            .ToListAsync(ct);
        var visible = candidates.Where(p => reader.Includes(p.AudienceJson))
            .OrderByDescending(p => p.Pinned)
            .ThenByDescending(p => p.MustRead && !p.Acknowledged)
            .ThenByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(p => new FeedItem(p.Id, p.Type, p.Title, Excerpt(p.Body), p.PublishedUtc!.Value, p.Pinned, p.MustRead, p.MustReadDue, p.Acknowledged))
            .ToList();
        return new(await WithReaderTextsAsync([.. visible.Take(PageSize)], reader, ct), page, visible.Count > PageSize);
    }

    /// <summary>
    /// Feed items with the title and excerpt of the variant and language the reader gets (one query for the page's
    /// posts). Items of posts without variants or translations are returned unchanged.
    /// </summary>
    private async Task<IReadOnlyList<FeedItem>> WithReaderTextsAsync(IReadOnlyList<FeedItem> items, Reader reader, CancellationToken ct)
    {
        var texts = await TextsForReaderAsync([.. items.Select(i => i.Id)], reader.Facts, reader.Tree, ct);
        return texts.Count == 0 ? items
            : [.. items.Select(i => texts.TryGetValue(i.Id, out var text) ? i with { Title = text.Title, Excerpt = Excerpt(text.Body) } : i)];
    }

    /// <summary>
    /// For the given posts, the text (variant and translation) this reader gets, in the current UI language; only posts
    /// that have variants or translations are in the answer. Default titles and bodies are passed in by the caller's query.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ResolvedText>> TextsForReaderAsync(IReadOnlyCollection<int> postIds, MemberFacts facts, DepartmentTree tree,
        CancellationToken ct = default)
    {
        if (postIds.Count == 0)
        {
            return new Dictionary<int, ResolvedText>();
        }
        var rows = await db.Set<PostText>().AsNoTracking().Where(t => postIds.Contains(t.PostId))
            .Select(t => new { t.PostId, t.DepartmentId, t.Language, t.Title, t.Body }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return new Dictionary<int, ResolvedText>();
        }
        var withTexts = rows.Select(r => r.PostId).Distinct().ToList();
        var defaults = await db.Set<Post>().AsNoTracking().Where(p => withTexts.Contains(p.Id)).Select(p => new { p.Id, p.Title, p.Body }).ToListAsync(ct);
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return defaults.ToDictionary(p => p.Id, p => PostVariants.Resolve(p.Title, p.Body,
            [.. rows.Where(r => r.PostId == p.Id).Select(r => new PostTextInput(r.DepartmentId, r.Language, r.Title, r.Body))],
            facts.DepartmentId, tree, language));
    }

    /// <summary>The post when it is live and the person is in its audience; null otherwise (callers answer 404).</summary>
    public async Task<PostView?> PostAsync(ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        var post = await Live().Where(p => p.Id == id).SingleOrDefaultAsync(ct);
        if (post is null || await ReaderAsync(user, ct) is not { } reader || !reader.Includes(post.AudienceJson))
        {
            return null;
        }
        var employeeId = reader.Facts.EmployeeId;
        var acknowledged = employeeId is null ? null : await db.Set<PostAcknowledgement>().AsNoTracking()
            .Where(a => a.PostId == id && a.EmployeeId == employeeId).Select(a => (DateTime?)a.AcknowledgedUtc).FirstOrDefaultAsync(ct);
        var text = (await TextsForReaderAsync([post.Id], reader.Facts, reader.Tree, ct)).GetValueOrDefault(post.Id);
        return new(post.Id, post.Type, text?.Title ?? post.Title, text?.Body ?? post.Body, post.PublishedUtc!.Value, post.ExpiresUtc, post.Pinned,
            post.MustRead, post.MustReadDue, post.AuthorName, acknowledged, post.EditedUtc);
    }

    /// <summary>Records the first opening of a post by an employee (once per person).</summary>
    public async Task RecordReadAsync(int postId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (PeopleQueries.EmployeeIdOf(user) is not { } employeeId
            || await db.Set<PostRead>().AnyAsync(r => r.PostId == postId && r.EmployeeId == employeeId, ct))
        {
            return;
        }
        db.Add(new PostRead { PostId = postId, EmployeeId = employeeId, FirstOpenedUtc = Now });
        await SaveIgnoringDuplicateAsync(ct);
    }

    /// <summary>Acknowledges a visible must-read (idempotent: the first time is kept). False when the post is not a visible must-read.</summary>
    public async Task<bool> AcknowledgeAsync(int postId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await PostAsync(user, postId, ct) is not { MustRead: true } || PeopleQueries.EmployeeIdOf(user) is not { } employeeId)
        {
            return false;
        }
        if (!await db.Set<PostAcknowledgement>().AnyAsync(a => a.PostId == postId && a.EmployeeId == employeeId, ct))
        {
            db.Add(new PostAcknowledgement { PostId = postId, EmployeeId = employeeId, AcknowledgedUtc = Now });
            await SaveIgnoringDuplicateAsync(ct);
        }
        await RecordReadAsync(postId, user, ct);
        return true;
    }

    /// <summary>Up to <paramref name="max"/> live must-reads for the person that they have not acknowledged (one query plus their facts).</summary>
    public async Task<IReadOnlyList<MustReadItem>> OpenMustReadsAsync(ClaimsPrincipal user, int max = 3, CancellationToken ct = default)
    {
        if (PeopleQueries.EmployeeIdOf(user) is not { } employeeId)
        {
            return [];
        }
        var candidates = await Live().Where(p => p.MustRead && !db.Set<PostAcknowledgement>().Any(a => a.PostId == p.Id && a.EmployeeId == employeeId))
            .Select(p => new { p.Id, p.Title, p.MustReadDue, p.PublishedUtc, p.AudienceJson })
            .ToListAsync(ct);
        if (candidates.Count == 0 || await ReaderAsync(user, ct) is not { } reader)
        {
            return [];
        }
        var open = candidates.Where(p => reader.Includes(p.AudienceJson))
            .OrderBy(p => p.MustReadDue is null).ThenBy(p => p.MustReadDue).ThenByDescending(p => p.PublishedUtc)
            .Take(max).ToList();
        var texts = await TextsForReaderAsync([.. open.Select(p => p.Id)], reader.Facts, reader.Tree, ct);
        return [.. open.Select(p => new MustReadItem(p.Id, texts.TryGetValue(p.Id, out var text) ? text.Title : p.Title, p.MustReadDue))];
    }

    private async Task SaveIgnoringDuplicateAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request recorded it first: the unique index keeps one row, which is what we want.
            db.ChangeTracker.Clear();
        }
    }

    public static string Excerpt(string markdown)
    {
        var text = Platform.Text.SafeMarkdown.ToPlainText(markdown).Trim();
        return text.Length <= 240 ? text : text[..240].TrimEnd() + "…";
    }
}
