using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Platform.Audit;

/// <summary>Marks an entity whose every change is written to the audit log.</summary>
public interface IAudited;

/// <summary>A property never written to the audit log (secrets, hashes).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditIgnoreAttribute : Attribute;

/// <summary>One audited event: who did what to which object, with the values before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    /// <summary>Created, Updated, Deleted, or an event name such as SignIn, SignInFailed, Export.</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.ActorUserId).HasMaxLength(450);
        b.Property(a => a.ActorName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(50);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(200);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.ActorUserId);
    }
}
