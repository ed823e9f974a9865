using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.InternalCustomers;

/// <summary>What the new and edit pages share: the form, its choices and turning problems into page errors.</summary>
[RequireCapability(Capability.ManagePlan)]
public abstract class EdgeFormPage(ServiceMap map, InwardDbContext db, IStringLocalizer<Strings> localizer) : PageModel
{
    protected ServiceMap Map { get; } = map;
    protected IStringLocalizer<Strings> T { get; } = localizer;

    [BindProperty] public ServiceEdgeInput Input { get; set; } = new();
    public List<SelectListItem> DepartmentOptions { get; private set; } = [];
    public List<SelectListItem> EmployeeOptions { get; private set; } = [];

    protected async Task LoadOptionsAsync()
    {
        var ct = HttpContext.RequestAborted;
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        DepartmentOptions = [.. departments.Select(d => new SelectListItem(d.Name, Text(d.Id)))];
        // Grouped by department so a long list stays scannable without JavaScript.
        var people = await db.Employees.AsNoTracking().Where(e => e.IsActive)
            .OrderBy(e => e.Department!.Name).ThenBy(e => e.Name)
            .Select(e => new { e.Id, e.Name, Department = e.Department!.Name }).ToListAsync(ct);
        var groups = new Dictionary<string, SelectListGroup>(StringComparer.Ordinal);
        EmployeeOptions = [.. people.Select(p => new SelectListItem(p.Name, Text(p.Id)) { Group = GroupOf(p.Department ?? T["No department"]) })];

        SelectListGroup GroupOf(string name)
        {
            if (!groups.TryGetValue(name, out var group))
            {
                group = groups[name] = new SelectListGroup { Name = name };
            }
            return group;
        }
    }

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Saves and redirects to the map, or shows the problems on the page.</summary>
    protected async Task<IActionResult> SaveAsync(int? id)
    {
        var result = await Map.SaveAsync(id, Input, HttpContext.RequestAborted);
        if (result.Outcome == EdgeSaveOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome == EdgeSaveOutcome.Saved)
        {
            return Redirect($"/internal-customers/{result.Id}?done=saved");
        }
        foreach (var p in result.Problems)
        {
            ModelState.AddModelError($"{nameof(Input)}.{p.Field}", T[p.Message, p.Args]);
        }
        await LoadOptionsAsync();
        return Page();
    }
}

public sealed class InternalCustomersNewModel(ServiceMap map, InwardDbContext db, IStringLocalizer<Strings> localizer)
    : EdgeFormPage(map, db, localizer)
{
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }

    public async Task OnGetAsync()
    {
        Input = new ServiceEdgeInput { FromDepartmentId = From, ToDepartmentId = To };
        await LoadOptionsAsync();
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync(null);
}

public sealed class InternalCustomersEditModel(ServiceMap map, InwardDbContext db, IStringLocalizer<Strings> localizer)
    : EdgeFormPage(map, db, localizer)
{
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public ServiceEdgeView Edge { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await Map.FindAsync(id, HttpContext.RequestAborted) is not { } edge)
        {
            return NotFound();
        }
        Edge = edge;
        Input = new ServiceEdgeInput
        {
            FromDepartmentId = edge.FromDepartmentId,
            ToDepartmentId = edge.ToDepartmentId,
            Delivers = edge.Delivers,
            NeedsAndWants = edge.NeedsAndWants,
            Expectations = edge.Expectations,
            ServingOwnerId = edge.ServingOwnerId,
            ServedOwnerId = edge.ServedOwnerId,
            Notes = edge.Notes,
        };
        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await Map.FindAsync(id, HttpContext.RequestAborted) is not { } edge)
        {
            return NotFound();
        }
        Edge = edge;
        return await SaveAsync(id);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id) =>
        await Map.DeleteAsync(id, HttpContext.RequestAborted) ? Redirect("/internal-customers?done=deleted") : NotFound();
}
