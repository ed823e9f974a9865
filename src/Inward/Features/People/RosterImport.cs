using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.People;

/// <summary>One applied (or dry-run) roster import: the history row with who, when and counts.</summary>
public sealed class RosterImport : IAudited
{
    public int Id { get; set; }
    public DateTime At { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string FileName { get; set; }
    public int Rows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Deactivated { get; set; }
    public int Unchanged { get; set; }
    public bool DryRun { get; set; }
}

internal sealed class RosterImportConfiguration : IEntityTypeConfiguration<RosterImport>
{
    public void Configure(EntityTypeBuilder<RosterImport> b)
    {
        b.Property(i => i.ActorName).HasMaxLength(256);
        b.Property(i => i.ActorUserId).HasMaxLength(450);
        b.Property(i => i.FileName).HasMaxLength(260);
        b.HasIndex(i => i.At);
    }
}
