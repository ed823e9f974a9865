using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.People;

/// <summary>A job role such as "Service technician"; not to be confused with access roles (Admin, HR, ...).</summary>
public sealed class JobRole : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

internal sealed class JobRoleConfiguration : IEntityTypeConfiguration<JobRole>
{
    public void Configure(EntityTypeBuilder<JobRole> b)
    {
        b.Property(r => r.Name).HasMaxLength(200);
        b.HasIndex(r => r.Name).IsUnique();
    }
}
