using System.Text.Json;
using Inward.Features.Audiences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inward.Features.Posts;

/// <summary>
/// Keeps <see cref="Post.AudienceKeys"/> in step with <see cref="Post.AudienceJson"/> whenever a post is saved, in the same
/// transaction, whichever page, API or job saved it; and stamps <see cref="Post.UpdatedUtc"/> on every change (status,
/// pinning, publication...), which the feed's cache uses as its version.
/// </summary>
public sealed class PostAudienceIndexer(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
        {
            Reindex(db);
        }
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            Reindex(db);
        }
        return ValueTask.FromResult(result);
    }

    private void Reindex(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries<Post>().ToList())
        {
            var post = entry.Entity;
            if (entry.State == EntityState.Modified && !entry.Property(p => p.UpdatedUtc).IsModified)
            {
                post.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            }
            if (entry.State == EntityState.Added)
            {
                post.AudienceKeys = [.. KeysOf(post.AudienceJson).Select(k => new PostAudienceKey { Key = k })];
            }
            else if (entry.State == EntityState.Modified && entry.Property(p => p.AudienceJson).IsModified)
            {
                var wanted = KeysOf(post.AudienceJson);
                var existing = db.Set<PostAudienceKey>().Where(k => k.PostId == post.Id).ToList();
                db.RemoveRange(existing.Where(k => !wanted.Contains(k.Key)));
                db.AddRange(wanted.Except(existing.Select(k => k.Key)).Select(k => new PostAudienceKey { PostId = post.Id, Key = k }));
            }
        }
    }

    private static HashSet<string> KeysOf(string json)
    {
        try
        {
            return AudienceRule.FromJson(json) is { } rule ? [.. AudienceIndex.KeysOf(rule)] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
