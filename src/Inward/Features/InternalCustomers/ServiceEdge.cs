using Inward.Features.People;
using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.InternalCustomers;

/// <summary>
/// "Department A serves department B": what A delivers, what B needs and wants, what B may expect (e.g. "reply within
/// 4 working hours") and who answers for the link on each side. The chain runs both ways, so B → A is its own edge;
/// a department never serves itself and each ordered pair appears once. Deleting a department deletes its edges.
/// </summary>
public sealed class ServiceEdge : IAudited
{
    public int Id { get; set; }
    /// <summary>The serving department (the internal supplier).</summary>
    public int FromDepartmentId { get; set; }
    public Department? FromDepartment { get; set; }
    /// <summary>The served department (the internal customer).</summary>
    public int ToDepartmentId { get; set; }
    public Department? ToDepartment { get; set; }
    public required string Delivers { get; set; }
    public string? NeedsAndWants { get; set; }
    public string? Expectations { get; set; }
    public int? ServingOwnerId { get; set; }
    public Employee? ServingOwner { get; set; }
    public int? ServedOwnerId { get; set; }
    public Employee? ServedOwner { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

internal sealed class ServiceEdgeConfiguration : IEntityTypeConfiguration<ServiceEdge>
{
    public void Configure(EntityTypeBuilder<ServiceEdge> b)
    {
        b.ToTable("ServiceEdges", t => t.HasCheckConstraint("CK_ServiceEdges_NotSelf", "\"FromDepartmentId\" <> \"ToDepartmentId\""));
        b.Property(e => e.Delivers).HasMaxLength(ServiceEdgeRules.DeliversMax);
        b.Property(e => e.NeedsAndWants).HasMaxLength(ServiceEdgeRules.NeedsMax);
        b.Property(e => e.Expectations).HasMaxLength(ServiceEdgeRules.ExpectationsMax);
        b.Property(e => e.Notes).HasMaxLength(ServiceEdgeRules.NotesMax);
        b.HasOne(e => e.FromDepartment).WithMany().HasForeignKey(e => e.FromDepartmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.ToDepartment).WithMany().HasForeignKey(e => e.ToDepartmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.ServingOwner).WithMany().HasForeignKey(e => e.ServingOwnerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(e => e.ServedOwner).WithMany().HasForeignKey(e => e.ServedOwnerId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(e => new { e.FromDepartmentId, e.ToDepartmentId }).IsUnique();
        b.HasIndex(e => e.ToDepartmentId);
    }
}
