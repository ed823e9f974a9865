using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Plan;

/// <summary>Who has acknowledged the plan's latest version, per department, and who has not yet (plan editors only).</summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class AcknowledgementsModel(InwardDbContext db, CurrentPlan current) : PageModel
{
    public const int MaxListed = 300;

    [BindProperty(SupportsGet = true)] public int? Department { get; set; }

    public sealed record DepartmentRow(int? Id, string? Name, int Employees, int Acknowledged)
    {
        public decimal? Rate => Employees == 0 ? null : decimal.Round(100m * Acknowledged / Employees, 1);
    }

    public sealed record Person(int Id, string Name, string? Department);

    public int Id { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public int Version { get; private set; }
    public IReadOnlyList<DepartmentRow> Rows { get; private set; } = [];
    public DepartmentRow Total { get; private set; } = new(null, null, 0, 0);
    public IReadOnlyList<Person> Missing { get; private set; } = [];
    public int MissingTotal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var plan = await db.Set<InternalMarketingPlan>().AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Title, p.PublishedVersion }).SingleOrDefaultAsync();
        if (plan is null)
        {
            return NotFound();
        }
        Id = id;
        PlanTitle = plan.Title;
        Version = plan.PublishedVersion;
        if (await current.LatestVersionIdAsync(id) is not { } versionId)
        {
            return Page();
        }
        var people = await db.Employees.AsNoTracking().Where(e => e.IsActive)
            .Select(e => new
            {
                e.Id, e.Name, e.DepartmentId, Department = e.Department!.Name,
                Acknowledged = db.Set<PlanAcknowledgement>().Any(a => a.PlanVersionId == versionId && a.EmployeeId == e.Id),
            })
            .ToListAsync();
        Rows = [.. people.GroupBy(p => (p.DepartmentId, p.Department))
            .Select(g => new DepartmentRow(g.Key.DepartmentId, g.Key.Department, g.Count(), g.Count(p => p.Acknowledged)))
            .OrderBy(r => r.Name is null).ThenBy(r => r.Name, StringComparer.CurrentCulture)];
        Total = new DepartmentRow(null, null, people.Count, people.Count(p => p.Acknowledged));
        var missing = people.Where(p => !p.Acknowledged && (Department is null || p.DepartmentId == Department)).ToList();
        MissingTotal = missing.Count;
        Missing = [.. missing.OrderBy(p => p.Department, StringComparer.CurrentCulture).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Take(MaxListed).Select(p => new Person(p.Id, p.Name, p.Department))];
        return Page();
    }
}
