using Inward.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Features.People;

/// <summary>An outside organisation (dealer, supplier) whose users see only what is shared with it.</summary>
public sealed class PartnerOrganisation : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
}

internal sealed class PartnerOrganisationConfiguration : IEntityTypeConfiguration<PartnerOrganisation>
{
    public void Configure(EntityTypeBuilder<PartnerOrganisation> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.HasIndex(p => p.Name).IsUnique();
    }
}
