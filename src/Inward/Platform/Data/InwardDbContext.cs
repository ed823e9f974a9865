using Inward.Features.People;
using Inward.Features.Settings;
using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Inward.Platform.Data;

/// <summary>The one database context. Each feature adds its entities through IEntityTypeConfiguration classes.</summary>
public sealed class InwardDbContext(DbContextOptions<InwardDbContext> options)
    : IdentityDbContext<InwardUser, IdentityRole, string>(options)
{
    public DbSet<CompanySettings> CompanySettings => Set<CompanySettings>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<JobRole> JobRoles => Set<JobRole>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<PartnerOrganisation> PartnerOrganisations => Set<PartnerOrganisation>();
    public DbSet<RosterImport> RosterImports => Set<RosterImport>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(InwardDbContext).Assembly);
    }
}
