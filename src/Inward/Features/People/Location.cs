using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.People;

public sealed class Location : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.City).HasMaxLength(200);
        b.Property(l => l.Country).HasMaxLength(100);
        b.HasIndex(l => l.Name).IsUnique();
    }
}
