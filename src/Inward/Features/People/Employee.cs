using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.People;

/// <summary>A person on the roster. A user account (InwardUser) may point at it once the person is invited.</summary>
public sealed class Employee : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    /// <summary>Upper-cased e-mail for case-insensitive matching that works the same on SQLite and PostgreSQL.</summary>
    public string NormalizedEmail { get; set; } = "";
    public string? EmployeeNumber { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int? LocationId { get; set; }
    public Location? Location { get; set; }
    public int? JobRoleId { get; set; }
    public JobRole? JobRole { get; set; }
    public int? ManagerId { get; set; }
    public Employee? Manager { get; set; }
    public DateOnly? HireDate { get; set; }
    public string Language { get; set; } = "en";
    public bool IsFrontline { get; set; }
    public bool IsActive { get; set; } = true;
}

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> b)
    {
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Email).HasMaxLength(256);
        b.Property(e => e.NormalizedEmail).HasMaxLength(256);
        b.Property(e => e.EmployeeNumber).HasMaxLength(64);
        b.Property(e => e.Language).HasMaxLength(10);
        b.HasIndex(e => e.NormalizedEmail).IsUnique();
        b.HasIndex(e => e.EmployeeNumber).IsUnique();
        b.HasIndex(e => new { e.DepartmentId, e.IsActive });
        b.HasIndex(e => e.Name);
        b.HasOne(e => e.Department).WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Location).WithMany().HasForeignKey(e => e.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.JobRole).WithMany().HasForeignKey(e => e.JobRoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Manager).WithMany().HasForeignKey(e => e.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}
