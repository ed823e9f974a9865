using System.Security.Claims;
using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Inward.Features.Posts;

/// <summary>One post in a feed.</summary>
public sealed record FeedItem(int Id, PostType Type, string Title, string Excerpt, DateTime PublishedUtc, bool Pinned, bool MustRead,
    DateOnly? MustReadDue, bool Acknowledged);

/// <summary>
/// A page of the feed. <paramref name="Older"/> is the cursor of the next page (null at the end); pinned posts and
/// unacknowledged must-reads come first, on the first page only.
/// </summary>
public sealed record FeedPage(IReadOnlyList<FeedItem> Items, FeedCursor? Older);

/// <summary>Where a feed page ends: the publication time and id of its last post. Text form "ticks-id".</summary>
public sealed record FeedCursor(DateTime PublishedUtc, int Id)
{
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{PublishedUtc.Ticks}-{Id}");

    public static bool TryParse(string? text, out FeedCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        var parts = text.Split('-');
        if (parts.Length == 2
            && long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTime.MaxValue.Ticks
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            cursor = new(new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }
        return false;
    }
}

/// <summary>A post as its reader sees it.</summary>
public sealed record PostView(int Id, PostType Type, string Title, string Body, DateTime PublishedUtc, DateTime? ExpiresUtc, bool Pinned,
    bool MustRead, DateOnly? MustReadDue, string AuthorName, DateTime? AcknowledgedUtc, DateTime? EditedUtc = null);

/// <summary>An unacknowledged must-read for the banner.</summary>
public sealed record MustReadItem(int Id, string Title, DateOnly? Due);

/// <summary>
/// What a signed-in person may read: published, not expired posts whose audience includes them now. The person's facts
/// are loaded once; each candidate post's rule is evaluated in memory with the pure <see cref="AudienceRules.Matches"/>.
/// </summary>
public sealed class PostViews(InwardDbContext db, AudienceResolver resolver, TimeProvider clock, IMemoryCache cache)
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
        public List<string> Keys { get; } = [.. AudienceIndex.KeysOfReader(Facts, Tree)];

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

    /// <summary>
    /// The person's feed. The database narrows the candidates with the audience index (<see cref="AudienceIndex"/>), newest
    /// first, in chunks; each candidate's rule is then checked exactly. Pinned posts and open must-reads lead the first page.
    /// </summary>
    public async Task<FeedPage> FeedAsync(ClaimsPrincipal user, FeedCursor? before, CancellationToken ct = default)
    {
        if (await ReaderAsync(user, ct) is not { } reader)
        {
            return new([], null);
        }
        var employeeId = reader.Facts.EmployeeId ?? -1;
        var items = new List<FeedItem>();
        if (before is null)
        {
            // Two small indexed queries: SQLite only uses the (Pinned|MustRead, Status, PublishedUtc) indexes for an
            // equality with a parameter, not for a bare boolean column, hence "== Yes".
            var yes = true;
            var pinned = await TopAsync(Candidates(reader).Where(p => p.Pinned == yes), employeeId, ct);
            var mustReads = await TopAsync(Candidates(reader).Where(p => p.MustRead == yes && !p.Pinned
                && !db.Set<PostAcknowledgement>().Any(a => a.PostId == p.Id && a.EmployeeId == employeeId)), employeeId, ct);
            items.AddRange(pinned.Concat(mustReads).Where(c => reader.Includes(c.AudienceJson)).Select(c => c.ToItem()));
        }
        // The stream: everything else, newest first. A must-read here is one the person has acknowledged.
        var found = new List<Candidate>();
        FeedCursor? scanned = before;
        var now = Now;
        for (var chunk = 0; chunk < MaxChunks && found.Count <= PageSize; chunk++)
        {
            var rows = scanned is null ? await FirstChunkAsync(reader, ct) : await ChunkAsync(reader, scanned, ct);
            var mustReads = rows.Where(r => r.MustRead).Select(r => r.Id).ToList();
            var acknowledged = mustReads.Count == 0 ? [] : (await db.Set<PostAcknowledgement>().AsNoTracking()
                .Where(a => a.EmployeeId == employeeId && mustReads.Contains(a.PostId)).Select(a => a.PostId).ToListAsync(ct)).ToHashSet();
            found.AddRange(rows.Where(r => (!r.MustRead || acknowledged.Contains(r.Id)) && (r.ExpiresUtc is null || r.ExpiresUtc > now)
                && reader.Includes(r.AudienceJson)));
            if (rows.Count < ChunkSize)
            {
                scanned = null;
                break;
            }
            scanned = new(rows[^1].PublishedUtc, rows[^1].Id);
        }
        items.AddRange(found.Take(PageSize).Select(c => c.ToItem()));
        var older = found.Count > PageSize ? new FeedCursor(found[PageSize - 1].PublishedUtc, found[PageSize - 1].Id) : scanned;
        return new(await WithReaderTextsAsync(items, reader, ct), older);
    }

    private async Task<List<Candidate>> TopAsync(IQueryable<Post> posts, int employeeId, CancellationToken ct) =>
        [.. (await posts.OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id).Take(TopMax)
            .Select(p => new { p.Id, p.Type, p.Title, p.Body, p.PublishedUtc, p.ExpiresUtc, p.Pinned, p.MustRead, p.MustReadDue, p.AudienceJson,
                Acknowledged = db.Set<PostAcknowledgement>().Any(a => a.PostId == p.Id && a.EmployeeId == employeeId) })
            .ToListAsync(ct))
            .Select(p => new Candidate(p.Id, p.Type, p.Title, Excerpt(p.Body), p.PublishedUtc!.Value, p.ExpiresUtc, p.Pinned, p.MustRead, p.MustReadDue,
                p.AudienceJson, p.Acknowledged))];

    /// <summary>Stream posts (not pinned) filed under the reader's keys, older than <paramref name="after"/>, any must-read status.</summary>
    private async Task<List<Candidate>> ChunkAsync(Reader reader, FeedCursor? after, CancellationToken ct)
    {
        var q = Candidates(reader).Where(p => !p.Pinned);
        if (after is { } c)
        {
            q = q.Where(p => p.PublishedUtc <= c.PublishedUtc && (p.PublishedUtc < c.PublishedUtc || p.Id < c.Id));
        }
        return [.. (await q.OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id).Take(ChunkSize)
            .Select(p => new { p.Id, p.Type, p.Title, p.Body, p.PublishedUtc, p.ExpiresUtc, p.Pinned, p.MustRead, p.MustReadDue, p.AudienceJson })
            .ToListAsync(ct))
            .Select(p => new Candidate(p.Id, p.Type, p.Title, Excerpt(p.Body), p.PublishedUtc!.Value, p.ExpiresUtc, p.Pinned, p.MustRead, p.MustReadDue,
                p.AudienceJson, p.MustRead))];
    }

    /// <summary>
    /// The newest stream chunk for the reader's audience keys, shared by everyone with the same keys for a short while:
    /// the home feed's hot path. The cache key includes the latest change to any post, so a publication, edit or
    /// expiry shows at once, on every instance; rows that expire while cached are dropped by the caller.
    /// </summary>
    private async Task<List<Candidate>> FirstChunkAsync(Reader reader, CancellationToken ct)
    {
        // Two index lookups: a new post raises the highest id, any change to a post its UpdatedUtc (see PostAudienceIndexer).
        var lastId = await db.Set<Post>().MaxAsync(p => (int?)p.Id, ct);
        var lastChange = await db.Set<Post>().MaxAsync(p => (DateTime?)p.UpdatedUtc, ct);
        var key = $"feed:{lastId}:{lastChange?.Ticks}:{string.Join('|', reader.Keys.Order(StringComparer.Ordinal))}";
        if (cache.TryGetValue(key, out List<Candidate>? rows) && rows is not null)
        {
            return rows;
        }
        rows = await ChunkAsync(reader, null, ct);
        cache.Set(key, rows, TimeSpan.FromSeconds(30));
        return rows;
    }

    private const int TopMax = 50;
    private const int ChunkSize = 100;
    private const int MaxChunks = 10;

    private sealed record Candidate(int Id, PostType Type, string Title, string Excerpt, DateTime PublishedUtc, DateTime? ExpiresUtc, bool Pinned,
        bool MustRead, DateOnly? MustReadDue, string AudienceJson, bool Acknowledged)
    {
        public FeedItem ToItem() => new(Id, Type, Title, Excerpt, PublishedUtc, Pinned, MustRead, MustReadDue, Acknowledged);
    }

    /// <summary>Live posts filed under one of the reader's audience keys (a superset of what they may read).</summary>
    private IQueryable<Post> Candidates(Reader reader)
    {
        var keys = reader.Keys;
        return Live().Where(p => db.Set<PostAudienceKey>().Any(k => k.PostId == p.Id && keys.Contains(k.Key)));
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
        if (await ReaderAsync(user, ct) is not { } reader)
        {
            return [];
        }
        var yes = true; // an equality with a parameter, so SQLite uses the (MustRead, Status, PublishedUtc) index
        var candidates = await Candidates(reader).Where(p => p.MustRead == yes && !db.Set<PostAcknowledgement>().Any(a => a.PostId == p.Id && a.EmployeeId == employeeId))
            .Select(p => new { p.Id, p.Title, p.MustReadDue, p.PublishedUtc, p.AudienceJson })
            .ToListAsync(ct);
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
