using Inward.Features.People;
using Inward.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inward.Platform.Identity;

/// <summary>A sign-in account. Employees link to their roster entry; partner users to their organisation.</summary>
public sealed class InwardUser : IdentityUser, IAudited
{
    public string DisplayName { get; set; } = "";
    /// <summary>UI language chosen by the user (en, ar, pl).</summary>
    public string Language { get; set; } = "en";
    public int? EmployeeId { get; set; }
    public int? PartnerOrganisationId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

internal sealed class InwardUserConfiguration : IEntityTypeConfiguration<InwardUser>
{
    public void Configure(EntityTypeBuilder<InwardUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Language).HasMaxLength(10);
        b.HasIndex(u => u.EmployeeId).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(u => u.EmployeeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(u => u.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
