using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.InternalCustomers;

/// <summary>Who serves whom: the map as SVG and as a table, optionally narrowed to the links of one department.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class InternalCustomersIndexModel(ServiceMap map, InwardDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public string? DepartmentName { get; private set; }
    public IReadOnlyList<ServiceEdgeView> Edges { get; private set; } = [];
    public MapDrawing Drawing { get; private set; } = null!;
    public List<SelectListItem> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var all = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        if (Department is { } filter)
        {
            DepartmentName = all.SingleOrDefault(d => d.Id == filter)?.Name;
            if (DepartmentName is null)
            {
                return NotFound();
            }
        }
        Departments = [.. all.Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Id == Department))];
        Edges = await map.ListAsync(Department, ct);
        Drawing = Draw(Edges);
        return Page();
    }

    /// <summary>The departments that appear in the edges, in id order (stable as departments are added) with hubs spread out, and the numbered edges.</summary>
    public static MapDrawing Draw(IReadOnlyList<ServiceEdgeView> edges)
    {
        var nodes = edges.SelectMany(e => new[] { (Id: e.FromDepartmentId, Name: e.FromDepartment), (Id: e.ToDepartmentId, Name: e.ToDepartment) })
            .DistinctBy(n => n.Id).OrderBy(n => n.Id).ToList();
        List<(int, int, int)> links = [.. edges.Select(e => (e.Id, e.FromDepartmentId, e.ToDepartmentId))];
        return ServiceMapLayout.Layout(ServiceMapLayout.Order(nodes, n => n.Id, links), links);
    }
}
