using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.People;

/// <summary>A named set of employees across departments (e.g. "Top performers panel", "Safety officers").</summary>
public sealed class Group : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
}

public sealed class GroupMember : IAudited
{
    public int GroupId { get; set; }
    public int EmployeeId { get; set; }
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> b)
    {
        b.Property(g => g.Name).HasMaxLength(200);
        b.Property(g => g.Description).HasMaxLength(2000);
        b.HasIndex(g => g.Name).IsUnique();
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> b)
    {
        b.HasKey(m => new { m.GroupId, m.EmployeeId });
        b.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(m => m.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}
