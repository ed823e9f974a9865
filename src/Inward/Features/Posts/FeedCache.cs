using System.Runtime.CompilerServices;
using System.Security.Claims;
using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace Inward.Features.Posts;

/// <summary>
/// What the feed keeps in memory on this instance (ADR 0008). Post data is cached under the posts' version, read from
/// the database on every request, so it is never stale. A reader's facts and the department tree have no cheap
/// version: they are kept for Feed:ReaderCacheSeconds (default 30; 0 turns this off) and dropped at once on this
/// instance when an employee, group membership, department or account link is saved (<see cref="FeedPeopleWatcher"/>).
/// So a person who moves department sees what now targets them at once when the move was saved on the instance
/// they read from, and within that window otherwise (another instance, a bulk update, a CLI import).
/// </summary>
public sealed class FeedCache(IMemoryCache cache, IConfiguration configuration)
{
    private long peopleGeneration;

    private TimeSpan ReaderWindow { get; } = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Feed:ReaderCacheSeconds", 30)));

    /// <summary>Called after people, groups, departments or account links were saved: facts and the tree are read again.</summary>
    public void PeopleChanged() => Interlocked.Increment(ref peopleGeneration);

    private string Generation => Interlocked.Read(ref peopleGeneration).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record CachedFacts(MemberFacts? Facts);

    /// <summary>The signed-in person's facts (null for an account that is neither employee nor partner).</summary>
    public async Task<MemberFacts?> FactsAsync(ClaimsPrincipal user, Func<Task<MemberFacts?>> load)
    {
        var who = PeopleQueries.EmployeeIdOf(user) is { } employeeId
            ? "e" + employeeId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "u" + userId : null;
        if (who is null || ReaderWindow == TimeSpan.Zero)
        {
            return await load();
        }
        var key = $"feed-facts:{Generation}:{who}";
        if (cache.TryGetValue(key, out CachedFacts? cached) && cached is not null)
        {
            return cached.Facts;
        }
        var facts = await load();
        cache.Set(key, new CachedFacts(facts), ReaderWindow);
        return facts;
    }

    public async Task<DepartmentTree> TreeAsync(Func<Task<DepartmentTree>> load)
    {
        if (ReaderWindow == TimeSpan.Zero)
        {
            return await load();
        }
        var key = "feed-tree:" + Generation;
        if (cache.TryGetValue(key, out DepartmentTree? tree) && tree is not null)
        {
            return tree;
        }
        tree = await load();
        cache.Set(key, tree, ReaderWindow);
        return tree;
    }

    /// <summary>A value cached under a posts version: exact, so it only needs to leave memory when unused.</summary>
    public bool TryGet<T>(string key, out T? value) where T : class => cache.TryGetValue(key, out value) && value is not null;

    public void Set<T>(string key, T value, TimeSpan unusedFor) where T : class =>
        cache.Set(key, value, new MemoryCacheEntryOptions { SlidingExpiration = unusedFor, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
}

/// <summary>
/// Every change to the posts a feed shows moves this: a new post raises the highest id, any change to a post its
/// UpdatedUtc (see <see cref="PostAudienceIndexer"/>), and saving variants or translations the highest text id.
/// </summary>
public sealed record FeedVersion(int? LastPost, DateTime? LastChange, int? LastText)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{LastPost}:{LastChange?.Ticks}:{LastText}");
}

/// <summary>
/// The two queries of every feed request, compiled: EF then skips translating them each time, which measured about a
/// quarter of a feed request's CPU (bench/RESULTS.md). A singleton, not static: a compiled query belongs to one model,
/// and a process may host apps on different providers (the tests do).
/// </summary>
public sealed class FeedQueries
{
    /// <summary>The posts version: one query of three index lookups.</summary>
    public Func<InwardDbContext, CancellationToken, Task<FeedVersion?>> CurrentVersion { get; } = EF.CompileAsyncQuery(
        (InwardDbContext c, CancellationToken ct) => c.Set<Post>().Select(_ => new FeedVersion(c.Set<Post>().Max(p => (int?)p.Id),
            c.Set<Post>().Max(p => (DateTime?)p.UpdatedUtc), c.Set<PostText>().Max(t => (int?)t.Id))).FirstOrDefault());

    /// <summary>The ids of the posts an employee has acknowledged.</summary>
    public Func<InwardDbContext, int, IAsyncEnumerable<int>> AcknowledgedPosts { get; } = EF.CompileAsyncQuery(
        (InwardDbContext c, int employeeId) => c.Set<PostAcknowledgement>().AsNoTracking().Where(a => a.EmployeeId == employeeId).Select(a => a.PostId));
}

/// <summary>
/// Tells the <see cref="FeedCache"/> when a save changed what readers' facts or the department tree are made of, after
/// the save (a reader that loaded the old facts meanwhile cached them under the old generation).
/// </summary>
public sealed class FeedPeopleWatcher(FeedCache feed) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Touched = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        // A failed save may still have written part of a batch outside a transaction: read again to be safe.
        Saved(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries().Any(Matters))
        {
            Touched.AddOrUpdate(db, db);
        }
    }

    private void Saved(DbContext? db)
    {
        if (db is not null && Touched.Remove(db))
        {
            feed.PeopleChanged();
        }
    }

    private static bool Matters(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && entry.Entity switch
        {
            Employee or GroupMember or Department => true,
            InwardUser => entry.State != EntityState.Modified || entry.Property(nameof(InwardUser.EmployeeId)).IsModified
                || entry.Property(nameof(InwardUser.PartnerOrganisationId)).IsModified || entry.Property(nameof(InwardUser.IsActive)).IsModified,
            _ => false,
        };
}
