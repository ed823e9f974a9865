using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.People;

[RequireCapability(Capability.UseIntranet)]
public sealed class IndexModel(PeopleQueries people, InwardDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "department")] public int? DepartmentId { get; set; }
    [BindProperty(SupportsGet = true, Name = "location")] public int? LocationId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public DirectoryPage Result { get; private set; } = new([], 0, 1, 25);
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<SelectListItem> Locations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Result = await people.SearchAsync(new DirectoryFilter(Search, DepartmentId, LocationId, Page: PageNumber));
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync();
        Locations = await db.Locations.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync();
    }

    public string PageLink(int page) =>
        Url.Page("Index", new { q = Search, department = DepartmentId, location = LocationId, page }) ?? "/people";
}
