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
/// are loaded once (and kept briefly, see <see cref="FeedCache"/>); each candidate post's rule is evaluated in memory with
/// the pure <see cref="AudienceRules.Matches"/>.
/// </summary>
public sealed class PostViews(InwardDbContext db, AudienceResolver resolver, TimeProvider clock, FeedCache cache, FeedQueries queries)
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

        public bool Includes(Card card) => card.Rule is { } rule && AudienceRules.Matches(rule, Facts, Tree, Today);
    }

    private async Task<Reader?> ReaderAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await cache.FactsAsync(user, () => resolver.FactsOfAsync(user, ct)) is { IsActive: true } facts
            ? new Reader(facts, await cache.TreeAsync(() => resolver.TreeAsync(ct)), resolver.Today)
            : null;

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
        var version = await VersionAsync(ct);
        var now = Now;
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // The person's acknowledgements: one query, only when a pinned post or a must-read is among the candidates.
        HashSet<int>? acknowledged = null;
        async Task<HashSet<int>> AcknowledgedAsync() => acknowledged ??= await AcknowledgementsAsync(reader, ct);

        var items = new List<FeedItem>();
        TopOfFeed? top = null;
        if (before is null)
        {
            top = await TopAsync(reader, version, ct);
            var acks = top.Pinned.Count > 0 || top.MustReads.Count > 0 ? await AcknowledgedAsync() : [];
            var leading = top.Pinned.Where(c => c.IsLive(now) && reader.Includes(c))
                .Concat(await OpenMustReadsAsync(top, reader, acks, version, ct));
            items.AddRange(leading.Select(c => c.ToItem(reader, acks.Contains(c.Id), language)));
        }
        // The stream: everything else, newest first. A must-read here is one the person has acknowledged.
        var found = new List<Card>();
        FeedCursor? scanned = before;
        for (var chunk = 0; chunk < MaxChunks && found.Count <= PageSize; chunk++)
        {
            var rows = scanned is null ? top!.Stream : await CardsAsync(await ChunkAsync(reader, scanned, ct), version, ct);
            var acks = rows.Any(r => r.MustRead) ? await AcknowledgedAsync() : [];
            found.AddRange(rows.Where(r => (!r.MustRead || acks.Contains(r.Id)) && r.IsLive(now) && reader.Includes(r)));
            if (rows.Count < ChunkSize)
            {
                scanned = null;
                break;
            }
            scanned = new(rows[^1].PublishedUtc, rows[^1].Id);
        }
        items.AddRange(found.Take(PageSize).Select(c => c.ToItem(reader, c.MustRead, language)));
        var older = found.Count > PageSize ? new FeedCursor(found[PageSize - 1].PublishedUtc, found[PageSize - 1].Id) : scanned;
        return new(items, older);
    }

    /// <summary>
    /// The reader's unacknowledged must-reads (not pinned), newest first, at most <see cref="TopMax"/>: from the cached list
    /// when it holds every live must-read of the reader's keys, else (more than <see cref="MustReadMax"/>) from the database.
    /// </summary>
    private async Task<IEnumerable<Card>> OpenMustReadsAsync(TopOfFeed top, Reader reader, HashSet<int> acknowledged, FeedVersion version,
        CancellationToken ct)
    {
        var now = Now;
        var open = top.MustReads.Where(c => !acknowledged.Contains(c.Id) && c.IsLive(now) && reader.Includes(c)).Take(TopMax).ToList();
        if (open.Count == TopMax || !top.MustReadsCut)
        {
            return open;
        }
        var employeeId = reader.Facts.EmployeeId ?? -1;
        var yes = true;
        var rows = await RowsAsync(Candidates(reader).Where(p => p.MustRead == yes && !p.Pinned
            && !db.Set<PostAcknowledgement>().Any(a => a.PostId == p.Id && a.EmployeeId == employeeId)), TopMax, ct);
        return (await CardsAsync(rows, version, ct)).Where(reader.Includes);
    }

    private async Task<HashSet<int>> AcknowledgementsAsync(Reader reader, CancellationToken ct) =>
        reader.Facts.EmployeeId is not { } employeeId ? [] : await queries.AcknowledgedPosts(db, employeeId).ToHashSetAsync(cancellationToken: ct);

    private async Task<FeedVersion> VersionAsync(CancellationToken ct) => await queries.CurrentVersion(db, ct) ?? new FeedVersion(null, null, null);

    /// <summary>
    /// The first page's raw material for everyone with the same audience keys, under one posts version: the pinned posts,
    /// the newest must-reads (acknowledged or not, up to <see cref="MustReadMax"/>) and the newest stream chunk. The
    /// home feed's hot path: the person's own part is their acknowledgements and the exact rule.
    /// </summary>
    private sealed record TopOfFeed(IReadOnlyList<Card> Pinned, IReadOnlyList<Card> MustReads, bool MustReadsCut, IReadOnlyList<Card> Stream);

    private async Task<TopOfFeed> TopAsync(Reader reader, FeedVersion version, CancellationToken ct)
    {
        var key = $"feed-top:{version}:{string.Join('|', reader.Keys.Order(StringComparer.Ordinal))}";
        if (cache.TryGet(key, out TopOfFeed? top))
        {
            return top!;
        }
        // Two of these use the (Pinned|MustRead, Status, PublishedUtc) indexes: SQLite only uses them for an equality
        // with a parameter, not for a bare boolean column, hence "== yes".
        var yes = true;
        var pinned = await RowsAsync(Candidates(reader).Where(p => p.Pinned == yes), TopMax, ct);
        var mustReads = await RowsAsync(Candidates(reader).Where(p => p.MustRead == yes && !p.Pinned), MustReadMax + 1, ct);
        var stream = await ChunkAsync(reader, null, ct);
        // A must-read is both in its list and in the stream (where acknowledged ones show): one card for both.
        var cards = (await CardsAsync([.. pinned.Concat(mustReads).Concat(stream).DistinctBy(r => r.Id)], version, ct)).ToDictionary(c => c.Id);
        top = new([.. pinned.Select(r => cards[r.Id])], [.. mustReads.Take(MustReadMax).Select(r => cards[r.Id])], mustReads.Count > MustReadMax,
            [.. stream.Select(r => cards[r.Id])]);
        cache.Set(key, top, TimeSpan.FromMinutes(1));
        return top;
    }

    private const int TopMax = 50;
    private const int MustReadMax = 200;
    private const int ChunkSize = 100;
    private const int MaxChunks = 10;

    /// <summary>A post as the feed queries it.</summary>
    private sealed record Row(int Id, PostType Type, string Title, string Body, DateTime PublishedUtc, DateTime? ExpiresUtc, bool Pinned,
        bool MustRead, DateOnly? MustReadDue, string AudienceJson, DateTime UpdatedUtc);

    private static async Task<List<Row>> RowsAsync(IQueryable<Post> posts, int take, CancellationToken ct) =>
        await posts.OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id).Take(take)
            .Select(p => new Row(p.Id, p.Type, p.Title, p.Body, p.PublishedUtc!.Value, p.ExpiresUtc, p.Pinned, p.MustRead, p.MustReadDue,
                p.AudienceJson, p.UpdatedUtc))
            .ToListAsync(ct);

    /// <summary>Stream posts (not pinned) filed under the reader's keys, older than <paramref name="after"/>, any must-read status.</summary>
    private async Task<List<Row>> ChunkAsync(Reader reader, FeedCursor? after, CancellationToken ct)
    {
        var q = Candidates(reader).Where(p => !p.Pinned);
        if (after is { } c)
        {
            q = q.Where(p => p.PublishedUtc <= c.PublishedUtc && (p.PublishedUtc < c.PublishedUtc || p.Id < c.Id));
        }
        return await RowsAsync(q, ChunkSize, ct);
    }

    /// <summary>
    /// A post ready for any reader: its parsed rule, excerpt, and variants and translations with their excerpts. Shared
    /// by every cached list that holds the post, and rebuilt when the post or any post's texts change.
    /// </summary>
    private sealed class Card(Row row, IReadOnlyList<PostTextInput> texts)
    {
        public int Id => row.Id;
        public DateTime PublishedUtc => row.PublishedUtc;
        public bool MustRead => row.MustRead;
        public DateOnly? MustReadDue => row.MustReadDue;
        public AudienceRule? Rule { get; } = RuleOf(row.AudienceJson);
        private readonly string title = row.Title;
        private readonly string excerpt = Excerpt(row.Body);
        private readonly (PostType Type, DateTime? ExpiresUtc, bool Pinned) facts = (row.Type, row.ExpiresUtc, row.Pinned);
        private readonly Dictionary<(int?, string?), string> textExcerpts = texts.DistinctBy(t => (t.DepartmentId, t.Language))
            .ToDictionary(t => (t.DepartmentId, t.Language), t => Excerpt(t.Body));

        public bool IsLive(DateTime now) => facts.ExpiresUtc is null || facts.ExpiresUtc > now;

        /// <summary>The reader's title and excerpt (<see cref="PostVariants.Resolve"/>): their department's variant, their language.</summary>
        public (string Title, string Excerpt) TextFor(int? departmentId, DepartmentTree tree, string language)
        {
            if (texts.Count == 0)
            {
                return (title, excerpt);
            }
            var text = PostVariants.Resolve(title, "", texts, departmentId, tree, language);
            return text.DepartmentId is null && text.Language is null ? (title, excerpt)
                : (text.Title, textExcerpts.GetValueOrDefault((text.DepartmentId, text.Language), excerpt));
        }

        public FeedItem ToItem(Reader reader, bool acknowledged, string language)
        {
            var (itemTitle, itemExcerpt) = TextFor(reader.Facts.DepartmentId, reader.Tree, language);
            return new(Id, facts.Type, itemTitle, itemExcerpt, PublishedUtc, facts.Pinned, MustRead, MustReadDue, acknowledged);
        }

        public string TitleFor(Reader reader, string language) => TextFor(reader.Facts.DepartmentId, reader.Tree, language).Title;

        private static AudienceRule? RuleOf(string json)
        {
            try
            {
                return AudienceRule.FromJson(json);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>Cards of the rows, in order: cached ones reused, the others built with one query for their texts.</summary>
    private async Task<List<Card>> CardsAsync(IReadOnlyList<Row> rows, FeedVersion version, CancellationToken ct)
    {
        string KeyOf(Row r) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"feed-card:{r.Id}:{r.UpdatedUtc.Ticks}:{version.LastText}");
        var cards = new Card?[rows.Count];
        var missing = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (cache.TryGet(KeyOf(rows[i]), out cards[i]))
            {
                continue;
            }
            missing.Add(rows[i].Id);
        }
        if (missing.Count > 0)
        {
            var texts = (await db.Set<PostText>().AsNoTracking().Where(t => missing.Contains(t.PostId))
                    .Select(t => new { t.PostId, t.DepartmentId, t.Language, t.Title, t.Body }).ToListAsync(ct))
                .ToLookup(t => t.PostId, t => new PostTextInput(t.DepartmentId, t.Language, t.Title, t.Body));
            for (var i = 0; i < rows.Count; i++)
            {
                if (cards[i] is null)
                {
                    cards[i] = new Card(rows[i], [.. texts[rows[i].Id]]);
                    cache.Set(KeyOf(rows[i]), cards[i]!, TimeSpan.FromMinutes(5));
                }
            }
        }
        return [.. cards.Select(c => c!)];
    }

    /// <summary>Live posts filed under one of the reader's audience keys (a superset of what they may read).</summary>
    private IQueryable<Post> Candidates(Reader reader)
    {
        var keys = reader.Keys;
        return Live().Where(p => db.Set<PostAudienceKey>().Any(k => k.PostId == p.Id && keys.Contains(k.Key)));
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
        // Shown on every page: from the cached top of the feed when it holds all the reader's live must-reads.
        var version = await VersionAsync(ct);
        var top = await TopAsync(reader, version, ct);
        var candidates = top.Pinned.Where(c => c.MustRead).Concat(top.MustReads).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }
        if (top.MustReadsCut || top.Pinned.Count >= TopMax)
        {
            var yes = true; // an equality with a parameter, so SQLite uses the (MustRead, Status, PublishedUtc) index
            candidates = await CardsAsync(await RowsAsync(Candidates(reader).Where(p => p.MustRead == yes
                && !db.Set<PostAcknowledgement>().Any(a => a.PostId == p.Id && a.EmployeeId == employeeId)), int.MaxValue, ct), version, ct);
        }
        var acknowledged = await AcknowledgementsAsync(reader, ct);
        var now = Now;
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return [.. candidates.Where(c => !acknowledged.Contains(c.Id) && c.IsLive(now) && reader.Includes(c))
            .OrderBy(c => c.MustReadDue is null).ThenBy(c => c.MustReadDue).ThenByDescending(c => c.PublishedUtc)
            .Take(max).Select(c => new MustReadItem(c.Id, c.TitleFor(reader, language), c.MustReadDue))];
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
