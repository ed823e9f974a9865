using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

[RequireCapability(Capability.ManagePeople)]
public sealed class LocationModel(InwardDbContext db, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public LocationForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var l = await db.Locations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (l is null)
        {
            return NotFound();
        }
        Name = l.Name;
        Input = new LocationForm { Name = l.Name, City = l.City, Country = l.Country };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var l = await db.Locations.SingleOrDefaultAsync(x => x.Id == id);
        if (l is null)
        {
            return NotFound();
        }
        Name = l.Name;
        foreach (var (field, message, args) in await Input.ValidateAsync(db, id))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", T[message, args]);
        }
        if (ModelState.IsValid)
        {
            Input.ApplyTo(l);
            if (await OrganisationForms.TrySaveAsync(db))
            {
                return RedirectToPage(new { id, done = "saved" });
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", T["A location with this name already exists."]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var l = await db.Locations.SingleOrDefaultAsync(x => x.Id == id);
        if (l is null)
        {
            return NotFound();
        }
        Name = l.Name;
        Input = new LocationForm { Name = l.Name, City = l.City, Country = l.Country };
        var people = await db.Employees.CountAsync(e => e.LocationId == id);
        if (people > 0)
        {
            ModelState.AddModelError("", T["{0} people work at this location (active or not). Move them elsewhere before deleting it.", people]);
            return Page();
        }
        db.Locations.Remove(l);
        if (await OrganisationForms.TrySaveAsync(db))
        {
            return Redirect("/organisation/locations?done=deleted");
        }
        ModelState.AddModelError("", T["This location is still in use and cannot be deleted."]);
        return Page();
    }
}
