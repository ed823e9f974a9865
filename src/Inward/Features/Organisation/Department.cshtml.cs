using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

[RequireCapability(Capability.ManagePeople)]
public sealed class DepartmentModel(InwardDbContext db, PeopleQueries people, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public DepartmentForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public List<SelectListItem> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var d = await db.Departments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (d is null)
        {
            return NotFound();
        }
        Input = new DepartmentForm { Name = d.Name, ParentId = d.ParentId, Description = d.Description };
        await LoadAsync(d);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var d = await db.Departments.SingleOrDefaultAsync(x => x.Id == id);
        if (d is null)
        {
            return NotFound();
        }
        foreach (var (field, message, args) in await new DepartmentRules(db).ValidateAsync(Input, id))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        if (ModelState.IsValid)
        {
            d.Name = Input.Name!.Trim();
            d.ParentId = Input.ParentId;
            d.Description = OrganisationForms.Clean(Input.Description);
            if (await OrganisationForms.TrySaveAsync(db))
            {
                return RedirectToPage(new { id, done = "saved" });
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", T["A department with this name already exists."]);
        }
        await LoadAsync(d);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var d = await db.Departments.SingleOrDefaultAsync(x => x.Id == id);
        if (d is null)
        {
            return NotFound();
        }
        var members = await db.Employees.CountAsync(e => e.DepartmentId == id);
        var children = await db.Departments.CountAsync(x => x.ParentId == id);
        if (members > 0)
        {
            ModelState.AddModelError("", T["This department still has {0} people (active or not). Move them to another department before deleting it.", members]);
        }
        if (children > 0)
        {
            ModelState.AddModelError("", T["This department has {0} sub-departments. Move or delete them before deleting it.", children]);
        }
        if (ModelState.IsValid)
        {
            db.Departments.Remove(d);
            if (await OrganisationForms.TrySaveAsync(db))
            {
                return Redirect("/organisation/departments?done=deleted");
            }
            ModelState.AddModelError("", T["This department is still in use and cannot be deleted."]);
        }
        Input = new DepartmentForm { Name = d.Name, ParentId = d.ParentId, Description = d.Description };
        await LoadAsync(d);
        return Page();
    }

    private async Task LoadAsync(Department d)
    {
        Id = d.Id;
        Name = (await db.Departments.AsNoTracking().Where(x => x.Id == d.Id).Select(x => x.Name).SingleAsync());
        // The tree offers only parents that keep it a tree; the server checks again on saving.
        Parents = await OrganisationForms.DepartmentOptionsAsync(db, await people.DepartmentAndDescendantsAsync(d.Id));
    }
}
