using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

public sealed class JobRoleForm
{
    public string? Name { get; set; }

    public async Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(InwardDbContext db, int? id)
    {
        if (OrganisationForms.NameProblem(Name) is { } nameProblem)
        {
            return [(nameof(Name), nameProblem.Message, nameProblem.Arguments)];
        }
        var key = OrganisationForms.Key(Name);
#pragma warning disable CA1304, CA1311, CA1862
        return await db.JobRoles.AnyAsync(r => r.Name.ToUpper() == key && r.Id != id)
#pragma warning restore CA1304, CA1311, CA1862
            ? [(nameof(Name), "A job role with this name already exists.", [])]
            : [];
    }

    public void ApplyTo(JobRole r) => r.Name = Name!.Trim();
}

[RequireCapability(Capability.ManagePeople)]
public sealed class JobRolesModel(InwardDbContext db, IStringLocalizer<Strings> t) : NamedListPage<JobRole, JobRoleForm, JobRolesModel.Row>(db, t)
{
    public sealed record Row(int Id, string Name, int People);

    protected override DbSet<JobRole> Items => Db.JobRoles;
    protected override JobRole Create() => new() { Name = "" };
    protected override Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(int? id) => Input.ValidateAsync(Db, id);
    protected override void Apply(JobRole r) => Input.ApplyTo(r);
    protected override LocalizedString Duplicate => T["A job role with this name already exists."];

    protected override Task<List<Row>> LoadRowsAsync() =>
        Db.JobRoles.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new Row(r.Id, r.Name, Db.Employees.Count(e => e.JobRoleId == r.Id))).ToListAsync();
}
