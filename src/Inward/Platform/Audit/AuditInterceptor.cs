using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inward.Platform.Audit;

/// <summary>
/// Writes an AuditEntry for every added, changed or deleted IAudited entity and every role grant/removal.
/// Changes and deletions are written in the same SaveChanges. Created entities with a generated key get their
/// entry right after the save, once the key is known; both saves run in one transaction (the caller's, or one
/// this interceptor opens), so the audit row commits or rolls back with the change it describes.
/// </summary>
public sealed class AuditInterceptor(CurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    // Identity bookkeeping that changes on every sign-in or is secret.
    private static readonly HashSet<string> IgnoredProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "NormalizedEmail", "NormalizedUserName"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Created entities waiting for their generated key, and the transaction opened for them (if any).</summary>
    private sealed record Pending(DbContext Context, List<(AuditEntry Entry, EntityEntry Entity)> Created, IDbContextTransaction? OwnTransaction);

    // The interceptor is scoped like the context, but a scope may hold more than one context; key by context.
    private readonly Dictionary<DbContext, Pending> _pending = new(ReferenceEqualityComparer.Instance);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && AddEntries(context) is { Count: > 0 } created)
        {
            var tx = context.Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null
                ? context.Database.BeginTransaction()
                : null;
            _pending[context] = new Pending(context, created, tx);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && AddEntries(context) is { Count: > 0 } created)
        {
            var tx = context.Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null
                ? await context.Database.BeginTransactionAsync(cancellationToken)
                : null;
            _pending[context] = new Pending(context, created, tx);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } pending)
        {
            try
            {
                AddCreated(pending);
                pending.Context.SaveChanges();
                pending.OwnTransaction?.Commit();
            }
            finally
            {
                pending.OwnTransaction?.Dispose();
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } pending)
        {
            try
            {
                AddCreated(pending);
                await pending.Context.SaveChangesAsync(cancellationToken);
                if (pending.OwnTransaction is { } tx)
                {
                    await tx.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (pending.OwnTransaction is { } tx)
                {
                    await tx.DisposeAsync();
                }
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context)?.OwnTransaction?.Dispose();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)?.OwnTransaction is { } tx)
        {
            await tx.DisposeAsync();
        }
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Take(eventData.Context)?.OwnTransaction?.Dispose();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)?.OwnTransaction is { } tx)
        {
            await tx.DisposeAsync();
        }
    }

    private Pending? Take(DbContext? context) =>
        context is not null && _pending.Remove(context, out var pending) ? pending : null;

    /// <summary>
    /// Adds the entries whose key is known now; returns the created entities whose key the database generates.
    /// The audit rows are not IAudited, so the second save finds nothing to audit and does not recurse.
    /// </summary>
    private List<(AuditEntry, EntityEntry)> AddEntries(DbContext context)
    {
        var created = new List<(AuditEntry, EntityEntry)>();
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is IAudited or IdentityUserRole<string>)
            .ToList();
        foreach (var entry in entries)
        {
            var (before, after) = Snapshot(entry);
            if (entry.State == EntityState.Modified && before.Count == 0)
            {
                continue;
            }
            var audit = new AuditEntry
            {
                At = now,
                ActorUserId = actor.UserId,
                ActorName = actor.Name,
                Action = entry.State.ToString(),
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Before = before.Count == 0 ? null : JsonSerializer.Serialize(before, Json),
                After = after.Count == 0 ? null : JsonSerializer.Serialize(after, Json),
            };
            if (entry.State == EntityState.Added && HasTemporaryValues(entry))
            {
                created.Add((audit, entry));
            }
            else
            {
                context.Add(audit);
            }
        }
        return created;
    }

    /// <summary>After the save: the generated key and any generated foreign keys are real now.</summary>
    private static void AddCreated(Pending pending)
    {
        foreach (var (audit, entity) in pending.Created)
        {
            audit.EntityId = KeyOf(entity);
            var after = new Dictionary<string, object?>();
            foreach (var p in entity.Properties.Where(p => Included(p)))
            {
                after[p.Metadata.Name] = p.CurrentValue;
            }
            audit.After = JsonSerializer.Serialize(after, Json);
            pending.Context.Add(audit);
        }
    }

    private static bool Included(PropertyEntry p) =>
        !IgnoredProperties.Contains(p.Metadata.Name) && p.Metadata.PropertyInfo?.GetCustomAttribute<AuditIgnoreAttribute>() is null;

    private static bool HasTemporaryValues(EntityEntry entry) => entry.Properties.Any(p => p.IsTemporary);

    private static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Snapshot(EntityEntry entry)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        foreach (var p in entry.Properties.Where(Included))
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    if (!p.IsTemporary)
                    {
                        after[p.Metadata.Name] = p.CurrentValue;
                    }
                    break;
                case EntityState.Deleted:
                    before[p.Metadata.Name] = p.OriginalValue;
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    before[p.Metadata.Name] = p.OriginalValue;
                    after[p.Metadata.Name] = p.CurrentValue;
                    break;
            }
        }
        return (before, after);
    }

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null || key.Properties.Any(p => entry.Property(p.Name).IsTemporary))
        {
            return null;
        }
        return string.Join("/", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }
}

/// <summary>Records events that are not entity changes (sign-ins, exports, failed authorisation, role changes).</summary>
public sealed class AuditLog(Data.InwardDbContext db, CurrentActor actor, TimeProvider clock)
{
    public async Task RecordAsync(string action, string entityType, string? entityId = null, object? details = null, string? actorUserId = null,
        string? actorName = null, object? before = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId ?? actor.UserId,
            ActorName = actorName ?? actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = details is null ? null : JsonSerializer.Serialize(details),
        });
        await db.SaveChangesAsync();
    }
}
