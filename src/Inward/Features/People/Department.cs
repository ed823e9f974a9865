using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.People;

/// <summary>A node of the department tree.</summary>
public sealed class Department : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public Department? Parent { get; set; }
    public string? Description { get; set; }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Name).HasMaxLength(200);
        b.Property(d => d.Description).HasMaxLength(2000);
        b.HasIndex(d => d.Name).IsUnique();
        b.HasOne(d => d.Parent).WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
