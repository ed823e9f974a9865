using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.People;

/// <summary>A department's page: its org chart (who reports to whom) and its sub-departments.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class OrgChartModel(PeopleQueries people, InwardDbContext db) : PageModel
{
    public Department Department { get; private set; } = null!;
    public string? ParentName { get; private set; }
    public IReadOnlyList<(PersonCard Person, int? ManagerId)> Members { get; private set; } = [];
    public IReadOnlyList<DepartmentNode> SubDepartments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var department = await db.Departments.AsNoTracking().Include(d => d.Parent).SingleOrDefaultAsync(d => d.Id == id);
        if (department is null)
        {
            return NotFound();
        }
        Department = department;
        ParentName = department.Parent?.Name;
        Members = await people.OrgChartAsync(id);
        SubDepartments = (await people.DepartmentsAsync()).Where(d => d.ParentId == id).ToList();
        return Page();
    }

    /// <summary>Top of the chart: members whose manager is outside the department (or who have none).</summary>
    public IEnumerable<PersonCard> Roots()
    {
        var ids = Members.Select(m => m.Person.Id).ToHashSet();
        return Members.Where(m => m.ManagerId is null || !ids.Contains(m.ManagerId.Value)).Select(m => m.Person);
    }

    public IEnumerable<PersonCard> ReportsOf(int managerId) => Members.Where(m => m.ManagerId == managerId).Select(m => m.Person);
}
