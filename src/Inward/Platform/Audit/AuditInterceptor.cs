using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inward.Platform.Audit;

/// <summary>
/// Writes an AuditEntry for every added, changed or deleted IAudited entity and every role grant/removal,
/// in the same SaveChanges (so the audit row commits or rolls back with the change it describes).
/// </summary>
public sealed class AuditInterceptor(CurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    // Identity bookkeeping that changes on every sign-in or is secret.
    private static readonly HashSet<string> IgnoredProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "NormalizedEmail", "NormalizedUserName"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddEntries(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
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
            // Generated keys are not known before saving; the entry records the natural values instead.
            context.Add(new AuditEntry
            {
                At = now,
                ActorUserId = actor.UserId,
                ActorName = actor.Name,
                Action = entry.State.ToString(),
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Before = before.Count == 0 ? null : JsonSerializer.Serialize(before, Json),
                After = after.Count == 0 ? null : JsonSerializer.Serialize(after, Json),
            });
        }
    }

    private static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Snapshot(EntityEntry entry)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (IgnoredProperties.Contains(p.Metadata.Name) || p.Metadata.PropertyInfo?.GetCustomAttribute<AuditIgnoreAttribute>() is not null)
            {
                continue;
            }
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

/// <summary>Records events that are not entity changes (sign-ins, exports, failed authorisation).</summary>
public sealed class AuditLog(Data.InwardDbContext db, CurrentActor actor, TimeProvider clock)
{
    public async Task RecordAsync(string action, string entityType, string? entityId = null, object? details = null, string? actorUserId = null, string? actorName = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId ?? actor.UserId,
            ActorName = actorName ?? actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            After = details is null ? null : JsonSerializer.Serialize(details),
        });
        await db.SaveChangesAsync();
    }
}
