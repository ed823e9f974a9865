using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

[RequireCapability(Capability.ManagePeople)]
public sealed class JobRoleModel(InwardDbContext db, IStringLocalizer<Strings> t) : NamedItemPage<JobRole, JobRoleForm>(db, t)
{
    protected override DbSet<JobRole> Items => Db.JobRoles;
    protected override string NameOf(JobRole r) => r.Name;
    protected override JobRoleForm ToForm(JobRole r) => new() { Name = r.Name };
    protected override Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(int? id) => Input.ValidateAsync(Db, id);
    protected override void Apply(JobRole r) => Input.ApplyTo(r);
    protected override LocalizedString Duplicate => T["A job role with this name already exists."];
    protected override Task<int> CountUsesAsync(int id) => Db.Employees.CountAsync(e => e.JobRoleId == id);
    protected override LocalizedString InUse(int uses) =>
        T["{0} people have this job role (active or not). Give them another role before deleting it.", uses];
    protected override LocalizedString StillInUse => T["This job role is still in use and cannot be deleted."];
    protected override string ListUrl => "/organisation/job-roles";
}
